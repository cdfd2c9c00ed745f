import Foundation

/// Ranks the qualified bids of a lot under the published award criteria; the first is the winner.
public enum Evaluation {
    public struct Ranked: Sendable, Equatable {
        public let bid: Bid
        public let offer: LotBid
        /// Best value: the weighted total score, 0–100. Nil for price-only criteria.
        public let score: Decimal?
    }

    /// Ties go to the lower price, then to the bid that was final earlier.
    public static func rank(lot: LotID, bids: [Bid], decisions: [BidDecision], criteria: AwardCriteria) -> [Ranked] {
        let offers = bids.compactMap { bid in bid.offer(for: lot).map { (bid, $0) } }
        let earlierFirst: (Ranked, Ranked) -> Bool = { a, b in
            a.offer.price != b.offer.price ? a.offer.price < b.offer.price : a.bid.updatedAt < b.bid.updatedAt
        }
        switch criteria {
        case .lowestPrice:
            return offers.map { Ranked(bid: $0.0, offer: $0.1, score: nil) }.sorted(by: earlierFirst)
        case .lifeCycleCost:
            return offers.map { Ranked(bid: $0.0, offer: $0.1, score: nil) }.sorted { a, b in
                a.offer.lifeCycleCost != b.offer.lifeCycleCost ? a.offer.lifeCycleCost < b.offer.lifeCycleCost : earlierFirst(a, b)
            }
        case .bestValue(let priceWeight, let quality):
            guard let lowest = offers.map(\.1.price.amount).min(), lowest > 0 else { return [] }
            let ranked = offers.map { bid, offer in
                let scores = decisions.first { $0.bidID == bid.id }?.scores ?? [:]
                let priceScore = 100 * lowest / offer.price.amount
                let qualityTotal = quality.reduce(Decimal(0)) { $0 + Decimal($1.weight) * Decimal(scores[$1.id] ?? 0) }
                let total = (Decimal(priceWeight) * priceScore + qualityTotal) / 100
                return Ranked(bid: bid, offer: offer, score: rounded(total))
            }
            return ranked.sorted { a, b in a.score != b.score ? a.score! > b.score! : earlierFirst(a, b) }
        }
    }

    private static func rounded(_ value: Decimal) -> Decimal {
        var value = value
        var result = Decimal()
        NSDecimalRound(&result, &value, 4, .plain)
        return result
    }
}
