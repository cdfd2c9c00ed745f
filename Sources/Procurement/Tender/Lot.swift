/// A separately awardable part of a tender.
public struct Lot: Hashable, Sendable, Codable {
    public enum Status: String, Codable, Sendable {
        case active, unsuccessful, cancelled
    }

    public let id: LotID
    public var title: String
    /// The buyer's estimate; bids above it are refused.
    public var value: Money
    public var items: [Item]
    public var status: Status

    public init(id: LotID, title: String, value: Money, items: [Item], status: Status = .active) {
        self.id = id
        self.title = title
        self.value = value
        self.items = items
        self.status = status
    }
}

/// A line of what is bought.
public struct Item: Hashable, Sendable, Codable {
    public let id: ItemID
    public var description: String
    public var cpv: CPVCode
    public var nsn: NSN?
    public var quantity: Int
    public var unit: UnitOfMeasure
    /// Where it is delivered; a sensitive field under martial law.
    public var deliveryLocation: String?

    public init(id: ItemID, description: String, cpv: CPVCode, nsn: NSN? = nil, quantity: Int, unit: UnitOfMeasure, deliveryLocation: String? = nil) {
        self.id = id
        self.description = description
        self.cpv = cpv
        self.nsn = nsn
        self.quantity = quantity
        self.unit = unit
        self.deliveryLocation = deliveryLocation
    }
}
