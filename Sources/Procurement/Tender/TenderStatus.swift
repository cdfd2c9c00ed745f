/// Where a procedure stands. Terminal: complete, unsuccessful, cancelled.
public enum TenderStatus: String, Codable, Sendable, CaseIterable {
    case draft
    /// Restricted: suppliers apply as candidates until the candidate deadline.
    case candidateSelection = "candidate-selection"
    /// Restricted: the buyer qualifies candidates, then invites them to bid.
    case candidateQualification = "candidate-qualification"
    /// Bids may be submitted, replaced and withdrawn until the deadline.
    case tendering
    /// Deadline passed; bids are sealed until the buyer opens them.
    case awaitingOpening = "awaiting-opening"
    case evaluation
    /// Every lot decided; at least one award is still in its standstill.
    case standstill
    /// Every standstill over; contracts may be signed.
    case awarded
    case complete
    case unsuccessful
    case cancelled

    public var isTerminal: Bool { [.complete, .unsuccessful, .cancelled].contains(self) }
}

/// Coded grounds for cancelling a procedure.
public enum CancellationReason: String, Codable, Sendable, CaseIterable {
    case noLongerNeeded = "no-longer-needed"
    case fundingUnavailable = "funding-unavailable"
    case legislationChange = "legislation-change"
    case procurementViolation = "procurement-violation"
    case forceMajeure = "force-majeure"
}
