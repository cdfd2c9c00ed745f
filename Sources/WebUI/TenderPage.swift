import Foundation
import Hummingbird
import Procurement
import Storage

/// One tender as the visitor may see it: notice, lots and items, timeline with log indexes, questions, bid
/// statistics, awards and contracts, and the forms of whatever the visitor's role may do next.
extension WebUI {
    func tenderPage(_ request: Request, _ parameters: Parameters) async throws -> Response {
        try await guarded(request) { visitor in
            let tender = try await visibleTender(parameters, visitor: visitor)
            let notice = request.uri.queryParameters["done"].map { pages.catalog(visitor.language).label("done", String($0)) }
            return try await renderTender(tender.value, visitor: visitor, request: request, notice: notice)
        }
    }

    func renderTender(
        _ tender: Tender,
        visitor: Visitor,
        request: Request,
        notice: String? = nil,
        error: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let t = pages.catalog(visitor.language)
        let format = LocaleFormat(language: visitor.language)
        let viewer = visitor.viewer
        let view = Disclosure.view(of: tender, for: viewer)
        let names = try await organizationNames()
        let now = ledger.time.now
        let bids = try await ledger.bids(tender: tender.id).filter { Disclosure.canSee($0, of: tender, viewer: viewer) }
        let isSupplier = visitor.account?.organization.kind == .supplier && visitor.has(.supplierRepresentative)
        let isOfficer = visitor.has(.buyerOfficer) && visitor.account?.organization.id == tender.buyerID

        var data: [String: Any] = [
            "id": tender.id.rawValue,
            "tender_title": view.title,
            "description": view.description,
            "buyer": names[tender.buyerID] ?? tender.buyerID.rawValue,
            "status": t.label("status", tender.status.rawValue),
            "status_code": tender.status.rawValue,
            "method": t.label("method", tender.method.rawValue),
            "criteria": criteriaText(tender.criteria, t),
            "classification": t.label("classification", tender.classification.rawValue),
            "value": Self.totals(tender.lots.map(\.value), format: format),
            "dates": dates(tender, format: format, t: t),
            "lots": view.lots.map { lot(tender, $0, format: format, t: t, names: names) },
            "questions": questions(tender, format: format, officer: isOfficer, now: now),
            "timeline": try await timeline(tender, viewer: viewer, format: format, t: t),
            "bid_statistics": bidStatistics(tender, bids: bids, format: format, t: t),
            "opened_bids": tender.openedAt == nil ? [] : openedBids(tender, bids: bids, format: format, names: names),
            "awards": tender.awards.map { award(tender, $0, format: format, t: t, names: names) },
            "contracts": tender.contracts.map { contract in
                [
                    "supplier": names[contract.supplierID] ?? contract.supplierID.rawValue,
                    "lot": (try? tender.lot(contract.lotID).title) ?? contract.lotID.rawValue,
                    "value": format.money(contract.value), "signed": format.dateTime(contract.signedAt),
                ]
            },
        ]
        data["tender_id"] = tender.id.rawValue
        data["has_opened_bids"] = tender.openedAt != nil && !bids.isEmpty
        data["has_awards"] = !tender.awards.isEmpty
        data["has_contracts"] = !tender.contracts.isEmpty
        let hidden = withheld(tender, visitor: visitor, format: format, t: t)
        data["withheld"] = hidden
        data["has_withheld"] = !hidden.isEmpty
        if let rationale = view.rationale { data["rationale"] = rationale }
        if let cancellation = tender.cancellation {
            data["cancellation"] = [
                "reason": t.label("cancel", cancellation.reason.rawValue), "rationale": cancellation.rationale,
                "at": format.dateTime(cancellation.cancelledAt),
            ]
        }
        if let end = tender.currentPeriodEnd, end > now {
            data["countdown"] = ["seconds": Int(end.timeIntervalSince(now)), "rate": ledger.time.rate, "deadline": format.dateTime(end)]
        }
        if let notice { data["notice"] = notice }
        if let error { data["error"] = error }
        if isSupplier, let organization = visitor.account?.organization.id {
            let live = bids.first { $0.supplierID == organization && $0.status == .submitted }
            data["supplier"] = supplierPanel(tender, organization: organization, live: live, now: now, format: format, t: t)
        }
        if visitor.isBuyerStaff(of: tender) || visitor.has(.auditor) {
            data["evaluation_link"] = tender.openedAt != nil
            data["candidates"] = candidates(view, visitor: visitor, names: names, format: format, t: t)
            data["has_candidates"] = !view.candidates.isEmpty
            data["candidate_reasons"] = DisqualificationReason.allCases.map { ["code": $0.rawValue, "name": t.label("reason", $0.rawValue)] }
        }
        if isOfficer { data["officer"] = officerPanel(tender, now: now, format: format, t: t) }
        return page("tender", title: view.title, data: data, visitor: visitor, request: request, status: status)
    }

    /// Restricted procedures: who applied, and, for evaluators while candidates are qualified, the decision forms.
    private func candidates(_ tender: Tender, visitor: Visitor, names: [OrganizationID: String], format: LocaleFormat, t: Catalog) -> [[String: Any]]
    {
        let deciding = tender.status == .candidateQualification && visitor.has(.evaluator) && visitor.account?.organization.id == tender.buyerID
        return tender.candidates.map { candidate in
            [
                "id": candidate.supplierID.rawValue, "supplier": names[candidate.supplierID] ?? candidate.supplierID.rawValue,
                "applied": format.dateTime(candidate.appliedAt), "status": t.label("candidate", candidate.status.rawValue),
                "reason": candidate.reasonCode ?? "", "can_decide": deciding && candidate.status == .applied,
            ]
        }
    }

    /// What this reader cannot see, declared rather than silently left out: sealed bids until opening, who asked each
    /// question, delivery locations under the publication policy's embargo, and who applied to a restricted procedure.
    private func withheld(_ tender: Tender, visitor: Visitor, format: LocaleFormat, t: Catalog) -> [[String: String]] {
        var entries: [[String: String]] = []
        if tender.openedAt == nil, tender.publishedAt != nil {
            let release =
                tender.status.isTerminal
                ? t["withheld_release_never"]
                : tender.tenderPeriodEnd.map { t["withheld_release_at", format.dateTime($0)] } ?? t["withheld_release_opening"]
            entries.append(["field": t["withheld_field_bids"], "reason": t["withheld_reason_bids"], "release": release])
        }
        if !tender.questions.isEmpty {
            entries.append(["field": t["withheld_field_askers"], "reason": t["withheld_reason_askers"], "release": t["withheld_release_never"]])
        }
        if !Disclosure.readsWithheld(tender, viewer: visitor.viewer), let field = Disclosure.withheldFields(of: tender).first {
            let release = field.availableFrom.map { format.dateTime($0) } ?? t["withheld_release_after_end"]
            entries.append(["field": t["withheld_field_delivery"], "reason": t["withheld_reason_delivery"], "release": release])
        }
        if tender.method == .restricted, !visitor.isBuyerStaff(of: tender), !visitor.has(.auditor) {
            entries.append([
                "field": t["withheld_field_candidates"], "reason": t["withheld_reason_candidates"], "release": t["withheld_release_never"],
            ])
        }
        return entries
    }

    func organizationNames() async throws -> [OrganizationID: String] {
        try await ledger.organizationsByID().mapValues(\.name)
    }

    func criteriaText(_ criteria: AwardCriteria, _ t: Catalog) -> String {
        switch criteria {
        case .lowestPrice: t["criteria_lowest_price"]
        case .bestValue(let priceWeight, let quality):
            t["criteria_best_value", String(priceWeight), quality.map { "\($0.title) \($0.weight)%" }.joined(separator: ", ")]
        case .lifeCycleCost(let years): t["criteria_life_cycle", String(years)]
        }
    }

    private func dates(_ tender: Tender, format: LocaleFormat, t: Catalog) -> [[String: String]] {
        let entries: [(String, Date?)] = [
            ("date_created", tender.createdAt), ("date_published", tender.publishedAt), ("date_candidates_end", tender.candidatePeriodEnd),
            ("date_enquiries_end", tender.enquiryPeriodEnd), ("date_deadline", tender.tenderPeriodEnd), ("date_opened", tender.openedAt),
        ]
        return entries.compactMap { key, date in date.map { ["label": t[key], "value": format.dateTime($0)] } }
    }

    private func lot(_ tender: Tender, _ lot: Lot, format: LocaleFormat, t: Catalog, names: [OrganizationID: String]) -> [String: Any] {
        [
            "id": lot.id.rawValue, "title": lot.title, "value": format.money(lot.value), "status": t.label("lot", lot.status.rawValue),
            "items": lot.items.map { item in
                [
                    "description": item.description, "cpv": item.cpv.value, "cpv_title": item.cpv.title, "nsn": item.nsn?.formatted ?? "",
                    "quantity": format.number(item.quantity), "unit": item.unit.name,
                ]
            },
        ]
    }

    private func questions(_ tender: Tender, format: LocaleFormat, officer: Bool, now: Date) -> [[String: Any]] {
        let answerable = officer && [.tendering, .candidateSelection].contains(tender.status) && (tender.currentPeriodEnd.map { now < $0 } ?? false)
        return tender.questions.map { question in
            var row: [String: Any] = ["id": question.id.rawValue, "text": question.text, "asked": format.dateTime(question.askedAt)]
            if let answer = question.answer {
                row["answer"] = answer
                row["answered"] = question.answeredAt.map(format.dateTime) ?? ""
            } else if answerable {
                row["answer_form"] = true
            }
            return row
        }
    }

    private func timeline(_ tender: Tender, viewer: Viewer, format: LocaleFormat, t: Catalog) async throws -> [[String: String]] {
        let entries = try await ledger.events(after: 0, limit: 1000, tender: tender.id, viewer: viewer)
        let indexes = try await log.leafIndexes(sequences: entries.map(\.event.sequence))
        return entries.map { entry in
            let event = entry.event
            return [
                "time": format.dateTime(event.occurredAt), "event": t.label("event", event.type), "sequence": String(event.sequence),
                "log_index": indexes[event.sequence].map(String.init) ?? "",
            ]
        }
    }

    /// Before opening the number of bids is withheld (sealed), with the reason and when it is released.
    private func bidStatistics(_ tender: Tender, bids: [Bid], format: LocaleFormat, t: Catalog) -> [String: Any] {
        guard tender.openedAt != nil else {
            let release = tender.tenderPeriodEnd.map(format.dateTime) ?? t["withheld_release_unknown"]
            return ["withheld": true, "reason": t["withheld_sealed_bids"], "release": release]
        }
        let valid = bids.filter { tender.validBidIDs.contains($0.id) }
        return [
            "count": format.number(valid.count),
            "lots": tender.lots.map { lot -> [String: String] in
                let prices = valid.compactMap { $0.offer(for: lot.id)?.price }.sorted()
                return [
                    "title": lot.title, "bids": format.number(prices.count), "lowest": prices.first.map(format.money) ?? "—",
                    "highest": prices.last.map(format.money) ?? "—",
                ]
            },
        ]
    }

    private func openedBids(_ tender: Tender, bids: [Bid], format: LocaleFormat, names: [OrganizationID: String]) -> [[String: String]] {
        bids.filter { tender.validBidIDs.contains($0.id) }.flatMap { bid in
            bid.lots.map { offer in
                [
                    "supplier": names[bid.supplierID] ?? bid.supplierID.rawValue,
                    "lot": (try? tender.lot(offer.lotID).title) ?? offer.lotID.rawValue, "price": format.money(offer.price),
                ]
            }
        }
    }

    func award(_ tender: Tender, _ award: Award, format: LocaleFormat, t: Catalog, names: [OrganizationID: String]) -> [String: Any] {
        var row: [String: Any] = [
            "id": award.id.rawValue, "supplier": names[award.supplierID] ?? award.supplierID.rawValue,
            "lot": (try? tender.lot(award.lotID).title) ?? award.lotID.rawValue, "value": format.money(award.value),
            "status": t.label("award", award.status.rawValue), "status_code": award.status.rawValue,
        ]
        if let end = award.standstillEnd { row["standstill_end"] = format.dateTime(end) }
        if let reason = award.rejectionReason { row["rejection"] = reason }
        return row
    }

    private func supplierPanel(
        _ tender: Tender,
        organization: OrganizationID,
        live: Bid?,
        now: Date,
        format: LocaleFormat,
        t: Catalog
    )
        -> [String: Any]
    {
        let biddingOpen = tender.status == .tendering && (tender.tenderPeriodEnd.map { now < $0 } ?? false)
        let asking =
            (tender.status == .tendering && (tender.enquiryPeriodEnd.map { now < $0 } ?? false))
            || (tender.status == .candidateSelection && (tender.candidatePeriodEnd.map { now < $0 } ?? false))
        let own = tender.candidates.first { $0.supplierID == organization }
        var panel: [String: Any] = [
            "can_ask": asking, "can_bid": biddingOpen && live == nil && tender.admits(supplier: organization),
            "can_apply": tender.status == .candidateSelection && own == nil && (tender.candidatePeriodEnd.map { now < $0 } ?? false),
        ]
        if let own { panel["candidacy"] = t.label("candidate", own.status.rawValue) }
        let activeLots = tender.lots.filter { $0.status == .active }
        panel["lots"] = activeLots.map { lot in
            [
                "id": lot.id.rawValue, "title": lot.title, "currency": lot.value.currency.rawValue, "estimate": format.money(lot.value),
                "price": live?.offer(for: lot.id)?.price.amountText ?? "",
                "ownership": live?.offer(for: lot.id)?.ownershipCost?.amountText ?? "",
            ]
        }
        if case .lifeCycleCost(let years) = tender.criteria { panel["life_cycle_years"] = String(years) }
        if let live {
            panel["bid"] =
                [
                    "id": live.id.rawValue,
                    "offers": live.lots.map { ["lot": (try? tender.lot($0.lotID).title) ?? $0.lotID.rawValue, "price": format.money($0.price)] },
                    "updated": format.dateTime(live.updatedAt),
                    "needs_confirmation": live.needsConfirmation(against: tender),
                    "changeable": biddingOpen,
                ] as [String: Any]
        }
        return panel
    }

    private func officerPanel(_ tender: Tender, now: Date, format: LocaleFormat, t: Catalog) -> [String: Any] {
        var panel: [String: Any] = [
            "can_open": tender.status == .awaitingOpening,
            "can_cancel": !tender.status.isTerminal && tender.contracts.isEmpty,
            "reasons": CancellationReason.allCases.map { ["code": $0.rawValue, "name": t.label("cancel", $0.rawValue)] },
        ]
        if tender.status == .tendering, let end = tender.tenderPeriodEnd, now < end, let rules = tender.rules {
            panel["amend"] = [
                "description": tender.description, "deadline": LocaleFormat.inputValue(end + 59),
                "rule": t["amend_rule", String(rules.minimumDaysAfterAmendment)],
            ]
        }
        if tender.status == .candidateQualification, let rules = tender.rules {
            let earliest = now + Double(rules.minimumTenderingDays) * 86_400
            panel["invite"] = [
                "suggested": LocaleFormat.inputValue(earliest + 86_400 + 3600),
                "rule": t[
                    "publish_rule",
                    String(rules.minimumTenderingDays),
                    format.dateTime(earliest),
                    rules.legalBasis,
                    String(rules.enquiryCutoffDays)
                ],
            ]
        }
        if tender.status == .draft, let rules = try? ledger.ruleBook.rules(for: tender.method, on: now) {
            let days = tender.method == .restricted ? rules.minimumCandidatePeriodDays ?? 0 : rules.minimumTenderingDays
            let earliest = now + Double(days) * 86_400
            panel["publish"] = [
                "field": tender.method == .restricted ? "candidatePeriodEnd" : "tenderPeriodEnd",
                "suggested": LocaleFormat.inputValue(earliest + 86_400 + 3600),
                "rule": t["publish_rule", String(days), format.dateTime(earliest), rules.legalBasis, String(rules.enquiryCutoffDays)],
            ]
        }
        return panel
    }
}
