import Foundation

/// A supplier that asked to take part in a restricted procedure, and the buyer's decision on it.
public struct Candidate: Hashable, Sendable, Codable {
    public enum Status: String, Codable, Sendable { case applied, qualified, rejected }

    public let supplierID: OrganizationID
    public let appliedAt: Date
    public var status: Status
    public var reasonCode: String?
}
