/// How a procedure competes.
public enum ProcedureMethod: String, Codable, Sendable, CaseIterable {
    /// Any registered supplier may bid.
    case open
    /// Suppliers apply as candidates; only those the buyer qualifies are invited to bid.
    case restricted
    /// Without prior publication: only invited suppliers bid; needs a coded ground and a written rationale.
    case negotiated
}

/// Grounds for a negotiated procedure without publication (Directive 2009/81/EC art. 28), as eForms
/// `direct-award-justification` codes.
public enum NegotiationGround: String, Codable, Sendable, CaseIterable {
    case unsuitable, irregular, crisis, urgency, technical, exclusive, rd, resd, existing, commodity, closure,
        liquidator, additional, repetition
    case transport = "dir81-transport"
    case annexII = "dir81-annexii"
}
