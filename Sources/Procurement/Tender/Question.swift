import Foundation

/// An enquiry about the notice and the buyer's public answer.
public struct Question: Hashable, Sendable, Codable {
    public let id: QuestionID
    public let authorOrganizationID: OrganizationID
    public let text: String
    public let askedAt: Date
    public var answer: String?
    public var answeredAt: Date?
}
