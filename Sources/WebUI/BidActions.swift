import Foundation
import Hummingbird
import Procurement
import Storage

/// A supplier's sealed bid: submitted, replaced, withdrawn and re-confirmed through the same `BidCommand`s as the
/// API. A bid the visitor may not see is not found, exactly like one that does not exist.
extension WebUI {
    func submitBid(_ request: Request, _ parameters: Parameters) async throws -> Response {
        try await guarded(request) { visitor in
            guard let actor = visitor.actor else { throw WebError.signInRequired }
            let form = try await visitor.form(request)
            let tender = try await visibleTender(parameters, visitor: visitor).value
            return try await bidCommand(visitor, request: request, tender: tender) {
                let id = BidID(UUID().uuidString.lowercased())
                _ = try await ledger.execute(
                    .submit(id: id, tenderID: tender.id, lots: try Self.offers(form, tender)),
                    bid: id,
                    tender: tender.id,
                    actor: actor
                )
                return "bid-submitted"
            }
        }
    }

    func replaceBid(_ request: Request, _ parameters: Parameters) async throws -> Response {
        try await ownBidAction(request, parameters) { form, tender in (.replace(lots: try Self.offers(form, tender)), "bid-replaced") }
    }

    func withdrawBid(_ request: Request, _ parameters: Parameters) async throws -> Response {
        try await ownBidAction(request, parameters) { _, _ in (.withdraw, "bid-withdrawn") }
    }

    func confirmBid(_ request: Request, _ parameters: Parameters) async throws -> Response {
        try await ownBidAction(request, parameters) { _, _ in (.confirm, "bid-confirmed") }
    }

    private func ownBidAction(
        _ request: Request,
        _ parameters: Parameters,
        _ command: @escaping @Sendable (Form, Tender) throws -> (BidCommand, String)
    ) async throws -> Response {
        try await guarded(request) { visitor in
            guard let actor = visitor.actor else { throw WebError.signInRequired }
            let form = try await visitor.form(request)
            let id = BidID(try parameters.require("bid"))
            guard let bid = try await ledger.bid(id), let tender = try await ledger.tender(bid.value.tenderID)?.value,
                Disclosure.canSee(bid.value, of: tender, viewer: visitor.viewer)
            else { throw WebError.notFound }
            return try await bidCommand(visitor, request: request, tender: tender) {
                let (bidCommand, done) = try command(form, tender)
                _ = try await ledger.execute(bidCommand, bid: id, tender: tender.id, actor: actor, expectedVersion: bid.version)
                return done
            }
        }
    }

    private func bidCommand(_ visitor: Visitor, request: Request, tender: Tender, _ run: () async throws -> String) async throws -> Response {
        do {
            let done = try await run()
            return redirect("/tenders/\(tender.id)?done=\(done)")
        } catch let error as DomainError {
            let current = try await ledger.tender(tender.id)?.value ?? tender
            return try await renderTender(
                current,
                visitor: visitor,
                request: request,
                error: explain(error, pages.catalog(visitor.language)),
                status: Self.status(of: error)
            )
        }
    }

    /// `price.<lot>` fields, in each lot's currency, with `ownership.<lot>` (the cost of ownership a life-cycle-cost
    /// tender asks for); lots left blank are not bid on.
    static func offers(_ form: Form, _ tender: Tender) throws -> [LotBid] {
        let ownership = Dictionary(form.group("ownership").filter { !$0.value.isEmpty }, uniquingKeysWith: { first, _ in first })
        return try form.group("price").filter { !$0.value.isEmpty }.map { lotID, text in
            let lot = try tender.lot(LotID(lotID))
            return LotBid(
                lotID: lot.id,
                price: try Money(parsing: LocaleFormat.amountInput(text), lot.value.currency, field: "price"),
                ownershipCost: try ownership[lotID].map {
                    try Money(parsing: LocaleFormat.amountInput($0), lot.value.currency, field: "ownershipCost")
                }
            )
        }
    }

    func myBids(_ request: Request) async throws -> Response {
        try await guarded(request) { visitor in
            guard let account = visitor.account else { throw WebError.signInRequired }
            guard account.organization.kind == .supplier else { throw WebError.forbidden }
            let t = pages.catalog(visitor.language)
            let format = LocaleFormat(language: visitor.language)
            var rows: [[String: Any]] = []
            for bid in try await ledger.bids(supplier: account.organization.id).reversed() {
                guard let tender = try await ledger.tender(bid.tenderID)?.value else { continue }
                rows.append(bidRow(bid, tender: tender, organization: account.organization.id, format: format, t: t))
            }
            return page("my-bids", title: t["my_bids_title"], data: ["bids": rows], visitor: visitor, request: request)
        }
    }

    /// A supplier's own bid and what became of it: valid at the deadline or not, the committee's decision with its
    /// coded reason, and whether it won.
    private func bidRow(_ bid: Bid, tender: Tender, organization: OrganizationID, format: LocaleFormat, t: Catalog) -> [String: Any] {
        var result = t.label("bid", bid.status.rawValue)
        if tender.openedAt != nil || tender.status == .awaitingOpening {
            result = tender.validBidIDs.contains(bid.id) ? t["bid_result_valid"] : t["bid_result_not_counted"]
        }
        if let decision = tender.decisions.first(where: { $0.bidID == bid.id }) {
            result = t.label("outcome", decision.outcome.rawValue)
            if let reason = decision.reason { result += " — " + t.label("reason", reason.rawValue) }
            if let rationale = decision.rationale { result += ": " + rationale }
        }
        if let award = tender.awards.last(where: { $0.bidID == bid.id && $0.status != .rejected }) {
            result = t["bid_result_awarded", t.label("award", award.status.rawValue)]
        } else if tender.awards.contains(where: { $0.supplierID != organization && $0.status != .rejected })
            && tender.decisions.contains(where: { $0.bidID == bid.id && $0.outcome == .qualified })
        {
            result = t["bid_result_not_awarded"]
        }
        return [
            "tender_id": tender.id.rawValue, "tender": tender.title, "status": t.label("status", tender.status.rawValue),
            "offers": bid.lots.map { format.money($0.price) }.joined(separator: ", "), "updated": format.dateTime(bid.updatedAt),
            "result": result, "needs_confirmation": bid.needsConfirmation(against: tender),
        ]
    }
}
