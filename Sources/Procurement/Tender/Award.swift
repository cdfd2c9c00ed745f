import Foundation

/// The decision to award a lot to one bid: proposed by an evaluator, approved by someone else, then a standstill.
public struct Award: Hashable, Sendable, Codable {
    public enum Status: String, Codable, Sendable {
        /// Proposed, awaiting the approver.
        case pending
        /// Approved; the contract may not be signed before `standstillEnd`.
        case standstill
        /// Standstill over; the contract may be signed.
        case active
        /// Refused by the approver.
        case rejected
        case contracted
    }

    public let id: AwardID
    public let lotID: LotID
    public let bidID: BidID
    public let supplierID: OrganizationID
    public let value: Money
    /// Best value only: the winning total score.
    public let score: Decimal?
    public let proposedBy: UserID
    public let proposedAt: Date
    public var status: Status
    public var approvedBy: UserID?
    public var standstillEnd: Date?
    public var rejectionReason: String?
}

/// The signed agreement for an awarded lot.
public struct Contract: Hashable, Sendable, Codable {
    public let id: ContractID
    public let awardID: AwardID
    public let lotID: LotID
    public let supplierID: OrganizationID
    public let value: Money
    public let signedAt: Date
    public let signedBy: UserID
}
