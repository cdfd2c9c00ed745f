import Foundation
import Hummingbird
import Procurement
import Storage

/// `/dashboard`: counts by stage, median days from publication to contract, bids per tender, the share of
/// non-competitive procedures and spend by CPV division, as server-rendered SVG with the same numbers as a table
/// and as CSV.
extension WebUI {
    func dashboard(_ request: Request) async throws -> Response {
        try await guarded(request) { visitor in
            let t = pages.catalog(visitor.language)
            let format = LocaleFormat(language: visitor.language)
            let numbers = Dashboard(tenders: try await allTenders(visitor.viewer), t: t, format: format)
            let data: [String: Any] = [
                "tender_count": format.number(numbers.tenderCount),
                "median_days": numbers.medianDaysToContract.map { format.decimal($0) } ?? "—",
                "bids_per_tender": numbers.bidsPerTender.map { format.decimal($0) } ?? "—",
                "non_competitive": numbers.nonCompetitiveShare.map { format.decimal($0 * 100) + " %" } ?? "—",
                "stages": Dashboard.bars(numbers.stages), "spend": Dashboard.bars(numbers.spend),
                "stage_rows": numbers.stages.map { ["label": $0.label, "value": $0.text] },
                "spend_rows": numbers.spend.map { ["label": $0.label, "value": $0.text] },
            ]
            return page("dashboard", title: t["dashboard_title"], data: data, visitor: visitor, request: request)
        }
    }

    func dashboardCSV(_ request: Request) async throws -> Response {
        try await guarded(request) { visitor in
            let t = pages.catalog(.en)
            let numbers = Dashboard(tenders: try await allTenders(visitor.viewer), t: t, format: LocaleFormat(language: .en))
            var lines = ["metric,key,value"]
            lines += numbers.stages.map { "tenders_by_stage,\($0.key),\(Int($0.value))" }
            lines += numbers.spend.map { "spend_uah_by_cpv_division,\($0.key),\(String(format: "%.2f", $0.value))" }
            lines.append("median_days_publication_to_contract,,\(numbers.medianDaysToContract.map { String(format: "%.2f", $0) } ?? "")")
            lines.append("bids_per_opened_tender,,\(numbers.bidsPerTender.map { String(format: "%.2f", $0) } ?? "")")
            lines.append("non_competitive_share,,\(numbers.nonCompetitiveShare.map { String(format: "%.4f", $0) } ?? "")")
            return Response(
                status: .ok,
                headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"quartermaster-dashboard.csv\""],
                body: .init(byteBuffer: ByteBuffer(string: lines.joined(separator: "\n") + "\n"))
            )
        }
    }

    private func allTenders(_ viewer: Viewer) async throws -> [Tender] {
        var all: [Tender] = []
        while true {
            let page = try await ledger.tenders(TenderFilter(limit: 200, offset: all.count), viewer: viewer)
            all += page
            if page.count < 200 { return all }
        }
    }
}
