/// Security classification of a procedure or a clearance, in NATO order.
public enum Classification: String, Codable, Sendable, CaseIterable, Comparable {
    case unclassified
    case restricted
    case confidential
    case secret

    private var rank: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}
