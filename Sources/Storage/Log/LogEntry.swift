import Crypto
import Foundation
import Procurement

/// The leaf of the transparency log for one event: `procurement-event/v1`, canonical JSON (sorted keys, no spaces).
///
/// It never carries an event's content. A public event is logged with its type, stream, tender, actor key id and
/// the SHA-256 of its payload. A sealed event (a bid, a draft, a candidate, anything of a classified tender) is
/// logged only as `type: "sealed"` with its sequence, time and a salted commitment
/// `SHA-256(domain ‖ salt ‖ SHA-256(document))`, where the document is the canonical JSON of the event's type,
/// stream, tender, actor and payload hash: the log then shows neither which tender a sealed event belongs to nor how
/// many bids a tender has, and guessing the content (a price, say) cannot confirm it. Revealing the salt and the
/// document lets anyone check it later. Suppliers are never named.
struct LogEntry: Encodable, Equatable {
    static let schema = "procurement-event/v1"
    static let sealedType = "sealed"

    let schema: String
    let sequence: Int64
    let time: String
    let type: String
    let stream: String?
    let streamVersion: Int?
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

    /// What a sealed entry commits to, revealed with its salt.
    struct SealedDocument: Encodable {
        let type: String
        let stream: String
        let streamVersion: Int
        let tender: String?
        let actor: String
        let payloadSHA256: String

        init(event: RecordedEvent) {
            type = event.type
            stream = event.streamID
            streamVersion = event.streamVersion
            tender = event.tenderID?.rawValue
            actor = LogEntry.actorKeyID(event.actor)
            payloadSHA256 = LogEntry.hex(Array(SHA256.hash(data: event.payload)))
        }

        var bytes: [UInt8] { LogEntry.canonical(self) }
    }

    init(event: RecordedEvent, sealing: Sealing) {
        schema = Self.schema
        sequence = event.sequence
        time = Timestamp.format(event.occurredAt)
        if let salt = sealing.salt {
            type = Self.sealedType
            (stream, streamVersion, tender, payloadSHA256, actor) = (nil, nil, nil, nil, nil)
            commitment = Self.commitment(
                domain: event.type.hasPrefix("bid.") ? "bid-commit/v1" : "event-commit/v1",
                salt: salt,
                documentHash: Array(SHA256.hash(data: SealedDocument(event: event).bytes))
            )
        } else {
            type = event.type
            stream = event.streamID
            streamVersion = event.streamVersion
            tender = event.tenderID?.rawValue
            payloadSHA256 = Self.hex(Array(SHA256.hash(data: event.payload)))
            commitment = nil
            actor = sealing.namesActor ? Self.actorKeyID(event.actor) : nil
        }
    }

    static func canonical(_ value: some Encodable) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try! encoder.encode(value))
    }

    var bytes: [UInt8] { Self.canonical(self) }

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
