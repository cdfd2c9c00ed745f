import Foundation

/// A supplier's sealed offer on one or more lots of a tender. Until opening, only its owner may see it.
public struct Bid: Hashable, Sendable, Codable {
    public enum Status: String, Codable, Sendable { case submitted, withdrawn }

    public let id: BidID
    public let tenderID: TenderID
    public let supplierID: OrganizationID
    public var lots: [LotBid]
    public var status: Status
    /// The notice version the supplier last confirmed; older than the tender's means re-confirmation is needed.
    public var confirmedNoticeVersion: Int
    public let submittedAt: Date
    public var updatedAt: Date

    public init(
        id: BidID,
        tenderID: TenderID,
        supplierID: OrganizationID,
        lots: [LotBid],
        status: Status,
        confirmedNoticeVersion: Int,
        submittedAt: Date,
        updatedAt: Date
    ) {
        self.id = id
        self.tenderID = tenderID
        self.supplierID = supplierID
        self.lots = lots
        self.status = status
        self.confirmedNoticeVersion = confirmedNoticeVersion
        self.submittedAt = submittedAt
        self.updatedAt = updatedAt
    }

    public func needsConfirmation(against tender: Tender) -> Bool {
        status == .submitted && confirmedNoticeVersion < tender.noticeVersion
    }

    /// Counts at the deadline: submitted, confirmed against the current notice, and last changed before the deadline.
    public func isValid(at deadline: Date, for tender: Tender) -> Bool {
        status == .submitted && confirmedNoticeVersion == tender.noticeVersion && updatedAt < deadline
    }

    public func offer(for lot: LotID) -> LotBid? { lots.first { $0.lotID == lot } }
}

/// The price (and for life-cycle-cost evaluation, the declared ownership cost) offered for one lot.
public struct LotBid: Hashable, Sendable, Codable {
    public let lotID: LotID
    public let price: Money
    public let ownershipCost: Money?

    public init(lotID: LotID, price: Money, ownershipCost: Money? = nil) {
        self.lotID = lotID
        self.price = price
        self.ownershipCost = ownershipCost
    }

    public var lifeCycleCost: Money { (try? ownershipCost.map(price.adding)) ?? price }
}
