import Foundation

/// The periods and limits of one procedure method from one date on, with the law that sets them.
public struct MethodRules: Codable, Sendable, Hashable {
    public let method: ProcedureMethod
    /// First day (UTC) on which these rules apply to procedures started on or after it.
    public let effectiveFrom: String
    public let legalBasis: String
    /// Restricted only: minimum days from publication to the end of the candidate period.
    public let minimumCandidatePeriodDays: Int?
    /// Minimum days from publication (or invitation) to the bid deadline.
    public let minimumTenderingDays: Int
    /// Enquiries close this many days before the bid deadline.
    public let enquiryCutoffDays: Int
    /// After a change to the notice, at least this many days must remain before the bid deadline.
    public let minimumDaysAfterAmendment: Int
    /// A lot with fewer valid bids at the deadline is unsuccessful.
    public let minimumBids: Int
    /// Days between award approval and the earliest contract signature.
    public let standstillDays: Int

    public var effectiveDate: Date { RuleBook.day(effectiveFrom)! }
}
