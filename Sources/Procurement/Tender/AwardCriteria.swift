/// How the winning bid of a lot is chosen. Weights are published with the notice and cannot change after it.
public enum AwardCriteria: Hashable, Sendable, Codable {
    /// The lowest qualified price wins.
    case lowestPrice
    /// Most economically advantageous tender: price score weighted against published quality criteria (weights sum to 100).
    case bestValue(priceWeight: Int, quality: [QualityCriterion])
    /// The lowest price plus declared ownership cost over the life cycle wins.
    case lifeCycleCost(years: Int)

    public struct QualityCriterion: Hashable, Sendable, Codable {
        public let id: String
        public let title: String
        public let weight: Int

        public init(id: String, title: String, weight: Int) {
            self.id = id
            self.title = title
            self.weight = weight
        }
    }

    public var name: String {
        switch self {
        case .lowestPrice: "lowest-price"
        case .bestValue: "best-value"
        case .lifeCycleCost: "life-cycle-cost"
        }
    }

    public func validate() throws {
        switch self {
        case .lowestPrice: break
        case .bestValue(let priceWeight, let quality):
            guard !quality.isEmpty else {
                throw DomainError.invalidField(
                    field: "criteria.quality",
                    code: "quality-criteria-required",
                    reason: "best value needs at least one quality criterion"
                )
            }
            guard priceWeight > 0, quality.allSatisfy({ $0.weight > 0 }) else {
                throw DomainError.invalidField(field: "criteria", code: "invalid-weight", reason: "every weight must be positive")
            }
            let total = priceWeight + quality.reduce(0) { $0 + $1.weight }
            guard total == 100 else {
                throw DomainError.invalidField(field: "criteria", code: "weights-not-100", reason: "weights sum to \(total), not 100")
            }
            guard Set(quality.map(\.id)).count == quality.count, quality.allSatisfy({ !$0.id.isEmpty && !$0.title.isEmpty }) else {
                throw DomainError.invalidField(
                    field: "criteria.quality",
                    code: "invalid-quality-criterion",
                    reason: "quality criteria need unique ids and titles"
                )
            }
        case .lifeCycleCost(let years):
            guard (1...50).contains(years) else {
                throw DomainError.invalidField(field: "criteria.years", code: "invalid-life-cycle", reason: "life cycle must be 1 to 50 years")
            }
        }
    }
}
