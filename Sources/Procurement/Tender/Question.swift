import Foundation

/// An enquiry about the notice and the buyer's public answer. Anonymous: naming the asker would reveal a likely
/// bidder to the buyer and to rivals.
public struct Question: Hashable, Sendable, Codable {
    public let id: QuestionID
    public let text: String
    public let askedAt: Date
    public var answer: String?
    public var answeredAt: Date?
}
