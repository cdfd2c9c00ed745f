import Foundation

public enum BidCommand: Hashable, Sendable {
    case submit(id: BidID, tenderID: TenderID, lots: [LotBid])
    case replace(lots: [LotBid])
    case withdraw
    case confirm
}

/// What deciding a bid command needs besides the bid itself.
public struct BidContext: Sendable {
    public let now: Date
    public let actor: Actor
    public let tender: Tender
    /// The supplier's other bid on the same tender that is still submitted, if any.
    public let activeBidOfSupplier: BidID?

    public init(now: Date, actor: Actor, tender: Tender, activeBidOfSupplier: BidID? = nil) {
        self.now = now
        self.actor = actor
        self.tender = tender
        self.activeBidOfSupplier = activeBidOfSupplier
    }
}
