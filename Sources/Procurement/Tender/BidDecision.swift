/// The evaluation committee's decision on one opened bid.
public struct BidDecision: Hashable, Sendable, Codable {
    public enum Outcome: String, Codable, Sendable { case qualified, disqualified }

    public let bidID: BidID
    public var outcome: Outcome
    public var reason: DisqualificationReason?
    public var rationale: String?
    /// Best value only: 0–100 per quality criterion id.
    public var scores: [String: Int]
    public var decidedBy: UserID
}

/// Coded grounds for rejecting a bid.
public enum DisqualificationReason: String, Codable, Sendable, CaseIterable {
    case nonCompliantSpecification = "non-compliant-specification"
    case missingDocuments = "missing-documents"
    case exclusionGround = "exclusion-ground"
    case sanctions
    case securityClearance = "security-clearance-missing"
    case abnormallyLowPrice = "abnormally-low-price"
    case conflictOfInterest = "conflict-of-interest"
    case qualificationCriteria = "qualification-criteria-not-met"
}
