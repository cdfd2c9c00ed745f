import Crypto
import Foundation
import Procurement

/// The leaf of the transparency log for one event: `procurement-event/v1`, canonical JSON (sorted keys, no spaces).
///
/// It never carries an event's content. A public event is logged with the SHA-256 of its payload. A sealed event
/// (a bid, a draft, anything of a classified tender) is logged as a salted commitment
/// `SHA-256(domain ‖ salt ‖ SHA-256(payload))`, so guessing the content (a price, say) cannot confirm it; revealing
/// the salt and the payload hash lets anyone check it later. Suppliers are never named.
struct LogEntry: Encodable, Equatable {
    static let schema = "procurement-event/v1"

    let schema: String
    let sequence: Int64
    let time: String
    let type: String
    let stream: String
    let streamVersion: Int
    let tender: String?
    let payloadSHA256: String?
    let commitment: String?
    let actor: String?

    /// How an event is logged.
    struct Sealing: Equatable {
        /// Set for sealed events: 32 random bytes, kept private until revealed.
        let salt: [UInt8]?
        /// Whether the entry names its actor (by key id).
        let namesActor: Bool
    }

    init(event: RecordedEvent, sealing: Sealing) {
        schema = Self.schema
        sequence = event.sequence
        time = Timestamp.format(event.occurredAt)
        type = event.type
        stream = event.streamID
        streamVersion = event.streamVersion
        tender = event.tenderID?.rawValue
        let documentHash = Array(SHA256.hash(data: event.payload))
        if let salt = sealing.salt {
            payloadSHA256 = nil
            commitment = Self.commitment(
                domain: event.type.hasPrefix("bid.") ? "bid-commit/v1" : "event-commit/v1",
                salt: salt,
                documentHash: documentHash
            )
        } else {
            payloadSHA256 = Self.hex(documentHash)
            commitment = nil
        }
        actor = sealing.namesActor ? Self.actorKeyID(event.actor) : nil
    }

    var bytes: [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try! encoder.encode(self))
    }

    static func commitment(domain: String, salt: [UInt8], documentHash: [UInt8]) -> String {
        var hasher = SHA256()
        hasher.update(data: Array(domain.utf8))
        hasher.update(data: salt)
        hasher.update(data: documentHash)
        return hex(Array(hasher.finalize()))
    }

    /// A stable pseudonym for an actor: the first 8 bytes of SHA-256("actor/v1" ‖ actor), in hex.
    static func actorKeyID(_ actor: String) -> String {
        hex(Array(SHA256.hash(data: Array("actor/v1\(actor)".utf8)).prefix(8)))
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    static func bytes(hex: String) -> [UInt8]? {
        guard hex.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        return bytes
    }
}
