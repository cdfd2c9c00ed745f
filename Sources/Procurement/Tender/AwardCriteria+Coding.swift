/// `{"type": "lowest-price"}`, `{"type": "best-value", "priceWeight": 60, "quality": [...]}`,
/// `{"type": "life-cycle-cost", "years": 10}`.
extension AwardCriteria {
    private enum Keys: String, CodingKey { case type, priceWeight, quality, years }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        switch try container.decode(String.self, forKey: .type) {
        case "lowest-price": self = .lowestPrice
        case "best-value":
            self = .bestValue(
                priceWeight: try container.decode(Int.self, forKey: .priceWeight),
                quality: try container.decode([QualityCriterion].self, forKey: .quality)
            )
        case "life-cycle-cost": self = .lifeCycleCost(years: try container.decode(Int.self, forKey: .years))
        case let other:
            throw DecodingError.dataCorruptedError(
                forKey: .type,
                in: container,
                debugDescription: "unknown criteria type \(other); use lowest-price, best-value or life-cycle-cost"
            )
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(name, forKey: .type)
        switch self {
        case .lowestPrice: break
        case .bestValue(let priceWeight, let quality):
            try container.encode(priceWeight, forKey: .priceWeight)
            try container.encode(quality, forKey: .quality)
        case .lifeCycleCost(let years):
            try container.encode(years, forKey: .years)
        }
    }
}
