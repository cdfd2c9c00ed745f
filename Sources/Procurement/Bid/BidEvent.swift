import Foundation

public enum BidEvent: Hashable, Sendable {
    case submitted(BidSubmitted)
    case replaced(BidReplaced)
    case withdrawn(BidWithdrawn)
    case confirmed(BidConfirmed)

    public struct BidSubmitted: Hashable, Sendable, Codable {
        public let bidID: BidID
        public let tenderID: TenderID
        public let supplierID: OrganizationID
        public let lots: [LotBid]
        public let noticeVersion: Int
        public let at: Date
    }

    public struct BidReplaced: Hashable, Sendable, Codable {
        public let bidID: BidID
        public let lots: [LotBid]
        public let noticeVersion: Int
        public let at: Date
    }

    public struct BidWithdrawn: Hashable, Sendable, Codable {
        public let bidID: BidID
        public let at: Date
    }

    public struct BidConfirmed: Hashable, Sendable, Codable {
        public let bidID: BidID
        public let noticeVersion: Int
        public let at: Date
    }
}

extension BidEvent: DomainEvent {
    public var type: String {
        switch self {
        case .submitted: "bid.submitted"
        case .replaced: "bid.replaced"
        case .withdrawn: "bid.withdrawn"
        case .confirmed: "bid.confirmed"
        }
    }

    public static func decode(type: String, payload: Data) throws -> BidEvent {
        let decoder = EventCoding.decoder
        switch type {
        case "bid.submitted": return .submitted(try decoder.decode(BidSubmitted.self, from: payload))
        case "bid.replaced": return .replaced(try decoder.decode(BidReplaced.self, from: payload))
        case "bid.withdrawn": return .withdrawn(try decoder.decode(BidWithdrawn.self, from: payload))
        case "bid.confirmed": return .confirmed(try decoder.decode(BidConfirmed.self, from: payload))
        default: throw EventCoding.unknownType(type)
        }
    }

    public func encodePayload() throws -> Data {
        let encoder = EventCoding.encoder
        switch self {
        case .submitted(let event): return try encoder.encode(event)
        case .replaced(let event): return try encoder.encode(event)
        case .withdrawn(let event): return try encoder.encode(event)
        case .confirmed(let event): return try encoder.encode(event)
        }
    }
}
