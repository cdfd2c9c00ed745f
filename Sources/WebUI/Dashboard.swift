import Foundation
import Procurement

/// The numbers of the dashboard, computed from the tenders a viewer may see.
struct Dashboard: Sendable {
    struct Row: Sendable {
        let key: String
        let label: String
        let value: Double
        let text: String
    }

    let stages: [Row]
    let spend: [Row]
    let medianDaysToContract: Double?
    let bidsPerTender: Double?
    let nonCompetitiveShare: Double?
    let tenderCount: Int

    init(tenders: [Tender], t: Catalog, format: LocaleFormat) {
        tenderCount = tenders.count
        stages = TenderStatus.allCases.map { status in
            let count = tenders.filter { $0.status == status }.count
            return Row(key: status.rawValue, label: t.label("status", status.rawValue), value: Double(count), text: format.number(count))
        }
        let days = tenders.compactMap { tender -> Double? in
            guard let published = tender.publishedAt, let signed = tender.contracts.map(\.signedAt).min() else { return nil }
            return signed.timeIntervalSince(published) / 86_400
        }.sorted()
        medianDaysToContract = days.isEmpty ? nil : days.count % 2 == 1 ? days[days.count / 2] : (days[days.count / 2 - 1] + days[days.count / 2]) / 2
        let opened = tenders.filter { $0.openedAt != nil }
        bidsPerTender = opened.isEmpty ? nil : Double(opened.map(\.validBidIDs.count).reduce(0, +)) / Double(opened.count)
        let published = tenders.filter { $0.publishedAt != nil }
        nonCompetitiveShare = published.isEmpty ? nil : Double(published.filter { $0.method == .negotiated }.count) / Double(published.count)
        var spendByDivision: [String: Decimal] = [:]
        for tender in tenders {
            for contract in tender.contracts where contract.value.currency == .UAH {
                let division = (try? tender.lot(contract.lotID))?.items.first?.cpv.division ?? "—"
                spendByDivision[division, default: 0] += contract.value.amount
            }
        }
        spend = spendByDivision.sorted { $0.value > $1.value }.map { division, amount in
            let title = (try? CPVCode(division + "000000-" + Self.checkDigit(division)))?.title ?? ""
            return Row(
                key: division,
                label: title.isEmpty ? division : "\(division) \(title)",
                value: NSDecimalNumber(decimal: amount).doubleValue,
                text: (try? Money(amount, .UAH)).map(format.money) ?? ""
            )
        }
    }

    /// Division codes carry their own check digit in the CPV list; find it by trying each.
    private static func checkDigit(_ division: String) -> String {
        (0...9).map(String.init).first { (try? CPVCode(division + "000000-" + $0)) != nil } ?? "0"
    }

    /// Horizontal bars as SVG geometry for the template: one row per entry, scaled to the largest, labels shortened to fit
    /// (the table beside the chart has them whole).
    static func bars(_ rows: [Row]) -> [String: Any] {
        let top = max(rows.map(\.value).max() ?? 1, 1)
        let height = 26
        return [
            "height": String(rows.count * height + 4),
            "bars": rows.enumerated().map { index, row in
                [
                    "y": String(index * height + 2), "text_y": String(index * height + 19),
                    "width": String(format: "%.1f", 300 * row.value / top), "value": row.text,
                    "label": row.label.count > 30 ? String(row.label.prefix(29)) + "…" : row.label,
                ]
            },
        ]
    }
}
