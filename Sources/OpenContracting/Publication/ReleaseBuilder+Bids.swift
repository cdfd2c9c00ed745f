import Foundation
import Procurement

extension ReleaseBuilder {
    /// Before opening, only how many bids counted at the deadline; after it, every opened offer (one bid detail per
    /// bid and lot, so each carries one value) and per-lot statistics.
    func bidsSection(_ tender: Tender, process: ProcessHistory) -> OCDSValue? {
        guard let deadline = process.bidsAtDeadline else { return nil }
        var statistics: [OCDSValue] = [
            statistic(id: "bids", measure: "bids", value: .number(OCDSNumber(deadline.count)), date: deadline.at)
        ]
        guard tender.openedAt != nil else { return .object([("statistics", .array(statistics))]) }
        let offers = process.opened.flatMap { bid in bid.lots.map { (bid: bid, offer: $0) } }
        for lot in tender.lots {
            let onLot = offers.filter { $0.offer.lotID == lot.id }
            let valid = onLot.filter { outcome(of: $0.bid.bidID, in: tender) == .qualified }.map(\.offer.price)
            let disqualified = onLot.filter { outcome(of: $0.bid.bidID, in: tender) == .disqualified }
            let lotID = lot.id.rawValue
            statistics.append(statistic(id: "\(lotID)-bids", measure: "bids", value: .number(OCDSNumber(onLot.count)), lot: lot.id))
            statistics.append(statistic(id: "\(lotID)-validBids", measure: "validBids", value: .number(OCDSNumber(valid.count)), lot: lot.id))
            statistics.append(
                statistic(
                    id: "\(lotID)-disqualifiedBidders",
                    measure: "disqualifiedBidders",
                    value: .number(OCDSNumber(disqualified.count)),
                    lot: lot.id
                )
            )
            if let lowest = valid.min(), let highest = valid.max() {
                statistics.append(statistic(id: "\(lotID)-lowestValidBidValue", measure: "lowestValidBidValue", money: lowest, lot: lot.id))
                statistics.append(statistic(id: "\(lotID)-highestValidBidValue", measure: "highestValidBidValue", money: highest, lot: lot.id))
            }
        }
        let details = offers.map { entry in
            OCDSValue.object([
                ("id", .string(Self.bidDetailID(entry.bid.bidID, lot: entry.offer.lotID))),
                ("status", .string(Self.bidStatus(outcome(of: entry.bid.bidID, in: tender)))),
                ("tenderers", [reference(entry.bid.supplierID)]),
                ("value", .money(entry.offer.price)),
                ("relatedLots", [.string(entry.offer.lotID.rawValue)]),
            ])
        }
        return .object([("statistics", .array(statistics)), ("details", .nonEmpty(details))])
    }

    func outcome(of bid: BidID, in tender: Tender) -> BidDecision.Outcome? {
        tender.decisions.first { $0.bidID == bid }?.outcome
    }

    func statistic(id: String, measure: String, value: OCDSValue, date: Date? = nil, lot: LotID? = nil) -> OCDSValue {
        .object([
            ("id", .string(id)),
            ("measure", .string(measure)),
            ("date", date.map(OCDSValue.date)),
            ("value", value),
            ("relatedLot", lot.map { .string($0.rawValue) }),
        ])
    }

    func statistic(id: String, measure: String, money: Money, lot: LotID) -> OCDSValue {
        .object([
            ("id", .string(id)),
            ("measure", .string(measure)),
            ("value", .number(OCDSNumber(money.amountText)!)),
            ("currency", .string(money.currency.rawValue)),
            ("relatedLot", .string(lot.rawValue)),
        ])
    }

    /// One detail per offer: a bid on several lots carries one value per lot.
    static func bidDetailID(_ bid: BidID, lot: LotID) -> String { "\(bid.rawValue)-\(lot.rawValue)" }

    /// The bid status codelist (closed): opened bids are pending until the committee decides.
    static func bidStatus(_ outcome: BidDecision.Outcome?) -> String {
        switch outcome {
        case .qualified?: "valid"
        case .disqualified?: "disqualified"
        case nil: "pending"
        }
    }
}
