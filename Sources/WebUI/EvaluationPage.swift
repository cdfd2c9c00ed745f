import Foundation
import Hummingbird
import Procurement
import Storage

/// The buyer's evaluation: the opened bids of each lot ranked under the published criteria, each with its decision
/// (coded reason, rationale, scores), the award proposal, the approver's four-eyes decision and the contract.
/// Buyer staff and auditors only; others are refused even when they guess the address.
extension WebUI {
    func evaluationPage(_ request: Request, _ parameters: Parameters) async throws -> Response {
        try await guarded(request) { visitor in
            guard visitor.account != nil else { throw WebError.signInRequired }
            let tender = try await visibleTender(parameters, visitor: visitor).value
            let notice = request.uri.queryParameters["done"].map { pages.catalog(visitor.language).label("done", String($0)) }
            return try await renderEvaluation(tender, visitor: visitor, request: request, notice: notice)
        }
    }

    func renderEvaluation(
        _ tender: Tender,
        visitor: Visitor,
        request: Request,
        notice: String? = nil,
        error: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        guard visitor.isBuyerStaff(of: tender) || visitor.has(.auditor) else { throw WebError.forbidden }
        let t = pages.catalog(visitor.language)
        let format = LocaleFormat(language: visitor.language)
        let names = try await organizationNames()
        let bids = try await ledger.bids(tender: tender.id).filter {
            tender.validBidIDs.contains($0.id) && Disclosure.canSee($0, of: tender, viewer: visitor.viewer)
        }
        let ownOrganization = visitor.account?.organization.id == tender.buyerID
        let evaluating = tender.status == .evaluation && ownOrganization
        let evaluator = evaluating && visitor.has(.evaluator)
        let approver = ownOrganization && visitor.has(.buyerApprover)
        let quality: [AwardCriteria.QualityCriterion] = if case .bestValue(_, let quality) = tender.criteria { quality } else { [] }
        let lots = tender.lots.map { lot -> [String: Any] in
            let unranked = bids.filter { $0.offer(for: lot.id) != nil }
            let qualified = unranked.filter { bid in tender.decisions.contains { $0.bidID == bid.id && $0.outcome == .qualified } }
            let ranking = Evaluation.rank(lot: lot.id, bids: qualified, decisions: tender.decisions, criteria: tender.criteria)
            // Ranked bids first, in rank order; the rest as submitted.
            let offers = unranked.sorted { a, b in
                (ranking.firstIndex { $0.bid.id == a.id } ?? Int.max) < (ranking.firstIndex { $0.bid.id == b.id } ?? Int.max)
            }
            let live = tender.liveAward(for: lot.id)
            return [
                "id": lot.id.rawValue, "title": lot.title, "estimate": format.money(lot.value), "status": t.label("lot", lot.status.rawValue),
                "can_propose": evaluator && lot.status == .active && live == nil && !offers.isEmpty,
                "can_declare_unsuccessful": evaluating && visitor.has(.buyerOfficer) && lot.status == .active && live == nil,
                "bids": offers.map { bid -> [String: Any] in
                    let decision = tender.decisions.first { $0.bidID == bid.id }
                    var row: [String: Any] = [
                        "id": bid.id.rawValue, "supplier": names[bid.supplierID] ?? bid.supplierID.rawValue,
                        "price": bid.offer(for: lot.id).map { format.money($0.price) } ?? "",
                        "rank": ranking.firstIndex { $0.bid.id == bid.id }.map { String($0 + 1) } ?? "—",
                        "score": ranking.first { $0.bid.id == bid.id }?.score.map { format.decimal(Double(truncating: $0 as NSNumber), digits: 2) }
                            ?? "",
                        "can_decide": evaluator && live == nil,
                        "criteria": quality.map {
                            [
                                "id": $0.id, "bid": bid.id.rawValue, "title": $0.title, "weight": String($0.weight),
                                "value": decision?.scores[$0.id].map(String.init) ?? "",
                            ]
                        },
                    ]
                    if let decision {
                        var text = t.label("outcome", decision.outcome.rawValue)
                        if let reason = decision.reason { text += " — " + t.label("reason", reason.rawValue) }
                        row["decision"] = text
                        if let rationale = decision.rationale, !rationale.isEmpty { row["rationale"] = rationale }
                    }
                    return row
                },
            ]
        }
        let awards = tender.awards.map { award -> [String: Any] in
            var row = self.award(tender, award, format: format, t: t, names: names)
            row["can_approve"] = approver && award.status == .pending && tender.status == .evaluation
            row["can_sign"] = approver && award.status == .active
            return row
        }
        var data: [String: Any] = [
            "tender_id": tender.id.rawValue, "tender_title": tender.title, "status": t.label("status", tender.status.rawValue),
            "criteria": criteriaText(tender.criteria, t), "lots": lots, "awards": awards,
            "reasons": DisqualificationReason.allCases.map { ["code": $0.rawValue, "name": t.label("reason", $0.rawValue)] },
            "can_open": tender.status == .awaitingOpening && ownOrganization && visitor.has(.buyerOfficer),
            "sealed": tender.openedAt == nil,
        ]
        if let notice { data["notice"] = notice }
        if let error { data["error"] = error }
        return page("evaluation", title: t["evaluation_title", tender.title], data: data, visitor: visitor, request: request, status: status)
    }
}
