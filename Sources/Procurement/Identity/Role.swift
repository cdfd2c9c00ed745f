/// What a user may do, always within their own organisation.
public enum Role: String, Codable, Sendable, CaseIterable {
    case buyerOfficer = "buyer-officer"
    case buyerApprover = "buyer-approver"
    case evaluator
    case supplierRepresentative = "supplier-representative"
    case auditor
    case administrator
}
