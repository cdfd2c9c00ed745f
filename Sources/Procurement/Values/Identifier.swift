/// A typed identifier: `Identifier<Tender>` and `Identifier<Bid>` cannot be mixed up.
public struct Identifier<Entity>: Hashable, Sendable, Codable, CustomStringConvertible, Comparable {
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

public typealias TenderID = Identifier<Tender>
public typealias BidID = Identifier<Bid>
public typealias OrganizationID = Identifier<Organization>
public typealias UserID = Identifier<User>
public typealias LotID = Identifier<Lot>
public typealias ItemID = Identifier<Item>
public typealias QuestionID = Identifier<Question>
public typealias AwardID = Identifier<Award>
public typealias ContractID = Identifier<Contract>
