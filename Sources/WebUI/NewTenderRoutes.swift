import Foundation
import Hummingbird
import Procurement
import Storage

/// The guided draft: method (with ground and rationale where the law asks for them), award criteria with their
/// weights, and lots with their items, CPV and NSN checked against the classifications. Every problem is shown next
/// to its field and nothing is created until there is none. Publication, with its dated rules, follows on the
/// tender page.
extension WebUI {
    func newTenderPage(_ request: Request) async throws -> Response {
        try await guarded(request) { visitor in
            try requireBuyer(visitor)
            let items = (1...TenderDraft.blankItemRows).map { "&lot.1.item.\($0).quantity=1&lot.1.item.\($0).unit=H87" }.joined()
            let form = Form(encoded: "method=open&criteria=lowest-price&currency=UAH" + items)
            return newTenderForm(visitor, request: request, draft: TenderDraft(form))
        }
    }

    private func requireBuyer(_ visitor: Visitor) throws {
        guard let account = visitor.account else { throw WebError.signInRequired }
        guard account.organization.kind.canBuy, visitor.has(.buyerOfficer) else { throw WebError.forbidden }
    }

    /// "Check the codes" and the "add" buttons post the form back to itself; "Save the draft" creates the tender
    /// through the same `Ledger` command as the API.
    func createTender(_ request: Request) async throws -> Response {
        try await guarded(request) { visitor in
            try requireBuyer(visitor)
            guard let actor = visitor.actor else { throw WebError.signInRequired }
            var draft = TenderDraft(try await visitor.form(request))
            let t = pages.catalog(visitor.language)
            if draft.form["check"] == "1" { return newTenderForm(visitor, request: request, draft: draft, codes: true) }
            if !draft.form["add"].isEmpty {
                draft.add(draft.form["add"])
                return newTenderForm(visitor, request: request, draft: draft)
            }
            let (notice, problems) = draft.notice()
            guard let notice else {
                let messages = problems.map { ($0.field, message($0.problem, t)) }
                return newTenderForm(visitor, request: request, draft: draft, problems: messages, status: .unprocessableContent)
            }
            do {
                let id = TenderID(UUID().uuidString.lowercased())
                _ = try await ledger.execute(.create(id: id, notice: notice), tender: id, actor: actor)
                return redirect("/tenders/\(id)?done=created")
            } catch let error as DomainError {
                return newTenderForm(visitor, request: request, draft: draft, problems: [("", explain(error, t))], status: Self.status(of: error))
            }
        }
    }

    private func message(_ problem: TenderDraft.Problem, _ t: Catalog) -> String {
        switch problem {
        case .required: t["form_required"]
        case .wholeNumber: t["form_whole_number"]
        case .itemRequired: t["form_item_required"]
        case .lotRequired: t["form_lot_required"]
        case .weightsTotal(let total): t["form_weights_total", String(total)]
        case .refused(let error): explain(error, t)
        }
    }

    private func newTenderForm(
        _ visitor: Visitor,
        request: Request,
        draft: TenderDraft,
        codes: Bool = false,
        problems: [(field: String, message: String)] = [],
        status: HTTPResponse.Status = .ok
    ) -> Response {
        let t = pages.catalog(visitor.language)
        let form = draft.form
        var fields = FieldSet(problems: problems)
        let rules = ProcedureMethod.allCases.compactMap { method -> [String: String]? in
            guard let rules = try? ledger.ruleBook.rules(for: method, on: ledger.time.now) else { return nil }
            return [
                "method": t.label("method", method.rawValue),
                "text": t["rule_summary", String(rules.minimumTenderingDays), String(rules.standstillDays), rules.legalBasis],
            ]
        }
        func options(_ codes: [String], prefix: String, selected: String) -> [[String: Any]] {
            codes.map { ["code": $0, "name": t.label(prefix, $0), "selected": $0 == selected] }
        }
        let lots = draft.lots.enumerated().map { index, lot -> [String: Any] in
            let n = index + 1
            let prefix = "lot.\(n)"
            let legend = t["lot_legend", String(n)]
            return [
                "n": n, "legend": legend,
                "lot_title": fields.input("\(prefix).title", t["field_lot_title"], lot.title, group: legend),
                "lot_value": fields.input("\(prefix).value", t["field_lot_value"], lot.value, inputmode: "decimal", group: legend),
                "items": lot.items.enumerated().map { row, item -> [String: Any] in
                    let m = String(row + 1)
                    let field = "\(prefix).item.\(m)"
                    return [
                        "description": fields.input("\(field).description", "\(t["field_item_description"]) \(m)", item.description, group: legend),
                        "cpv": fields.input("\(field).cpv", "\(t["field_cpv"]) \(m)", item.cpv, placeholder: "35613000-4", group: legend),
                        "nsn": fields.input("\(field).nsn", "\(t["field_nsn"]) \(m)", item.nsn, placeholder: "1005-01-123-4567", group: legend),
                        "quantity": fields.input("\(field).quantity", "\(t["field_quantity"]) \(m)", item.quantity, number: true, group: legend),
                        "unit": fields.input("\(field).unit", "\(t["field_unit"]) \(m)", item.unit, placeholder: "H87", group: legend),
                        "codes": codes ? codeNotes(cpv: item.cpv, nsn: item.nsn, t: t) : [],
                    ]
                },
            ]
        }
        let criteria = draft.criteria.enumerated().map { index, row -> [String: Any] in
            let n = String(index + 1)
            return [
                "criterion_title": fields.input("criterion.\(n).title", "\(t["field_quality_title"]) \(n)", row.title),
                "criterion_weight": fields.input("criterion.\(n).weight", "\(t["field_quality_weight"]) \(n)", row.weight, number: true),
            ]
        }
        var data: [String: Any] = [
            "notice_title": fields.input("title", t["field_title"], form["title"], required: true),
            "notice_description": fields.input("description", t["field_description"], form["description"], textarea: true),
            "rationale": fields.input("rationale", t["field_method_rationale"], form["rationale"], textarea: true),
            "invited": fields.input("invited", t["field_invited"], form["invited"]),
            "price_weight": fields.input("price_weight", t["field_price_weight"], form["price_weight"], number: true),
            "years": fields.input("years", t["field_years"], form["years"], number: true),
            "methods": options(ProcedureMethod.allCases.map(\.rawValue), prefix: "method", selected: form["method"]),
            "grounds": options(NegotiationGround.allCases.map(\.rawValue), prefix: "ground", selected: form["ground"]),
            "criteria": options(["lowest-price", "best-value", "life-cycle-cost"], prefix: "criteria", selected: form["criteria"]),
            "currencies": options(["UAH", "EUR", "USD"], prefix: "currency", selected: form["currency"]),
            "classifications": options(Classification.allCases.map(\.rawValue), prefix: "classification", selected: form["classification"]),
            "rules": rules, "lots": lots, "criterion_rows": criteria,
        ]
        fields.label("criteria", t["step_criteria"], id: "criteria-fieldset")
        fields.label("method", t["field_method"], id: "method")
        fields.label("currency", t["field_currency"], id: "currency")
        fields.label("ground", t["field_ground"], id: "ground")
        if let problem = fields.problem("criteria") { data["criteria_problem"] = problem }
        if let problem = fields.problem("ground") { data["ground_problem"] = problem }
        let summary = fields.summary()
        if !summary.isEmpty {
            data["problem_list"] = summary
            data["has_problems"] = true
        }
        return page("new-tender", title: t["new_tender_title"], data: data, visitor: visitor, request: request, status: status)
    }

    /// What the CPV and NSN codes of an item row stand for, or why they are refused: the lookup the "check codes"
    /// button asks for, without JavaScript.
    private func codeNotes(cpv: String, nsn: String, t: Catalog) -> [String] {
        var notes: [String] = []
        func note(_ lookup: () throws -> String) {
            do { notes.append(try lookup()) } catch let error as DomainError { notes.append(explain(error, t)) } catch {}
        }
        if !cpv.isEmpty {
            note {
                let code = try CPVCode(cpv)
                return "\(code.value) — \(code.title)" + (code.divisionTitle.map { " (\($0))" } ?? "")
            }
        }
        if !nsn.isEmpty {
            note {
                let code = try NSN(nsn)
                return "NSN \(code.formatted) — \(code.supplyClassName ?? code.nsc)"
            }
        }
        return notes
    }
}
