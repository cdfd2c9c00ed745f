import Foundation
import Hummingbird
import Procurement
import Storage

/// The guided draft: method (with ground and rationale where the law asks for them), criteria, one lot and its
/// items with CPV and NSN checked against the classifications. Publication, with its dated rules, follows on the
/// tender page.
extension WebUI {
    static let itemRows = 3

    func newTenderPage(_ request: Request) async throws -> Response {
        try await guarded(request) { visitor in
            try requireBuyer(visitor)
            return newTenderForm(
                visitor,
                request: request,
                form: Form(encoded: "method=open&criteria=lowest-price&currency=UAH&quantity.1=1&unit.1=H87")
            )
        }
    }

    private func requireBuyer(_ visitor: Visitor) throws {
        guard let account = visitor.account else { throw WebError.signInRequired }
        guard account.organization.kind.canBuy, visitor.has(.buyerOfficer) else { throw WebError.forbidden }
    }

    private func newTenderForm(_ visitor: Visitor, request: Request, form: Form, error: String? = nil, status: HTTPResponse.Status = .ok) -> Response
    {
        let t = pages.catalog(visitor.language)
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
        var data: [String: Any] = [
            "form": Dictionary(form.fields, uniquingKeysWith: { a, _ in a }),
            "methods": options(ProcedureMethod.allCases.map(\.rawValue), prefix: "method", selected: form["method"]),
            "grounds": options(NegotiationGround.allCases.map(\.rawValue), prefix: "ground", selected: form["ground"]),
            "criteria": options(["lowest-price", "best-value", "life-cycle-cost"], prefix: "criteria", selected: form["criteria"]),
            "currencies": options(["UAH", "EUR", "USD"], prefix: "currency", selected: form["currency"]),
            "classifications": options(Classification.allCases.map(\.rawValue), prefix: "classification", selected: form["classification"]),
            "rules": rules,
            "items": (1...Self.itemRows).map { row in
                [
                    "n": String(row), "description": form["description.\(row)"], "cpv": form["cpv.\(row)"], "nsn": form["nsn.\(row)"],
                    "quantity": form["quantity.\(row)"], "unit": form["unit.\(row)"], "required": row == 1,
                    "codes": codeNotes(cpv: form["cpv.\(row)"], nsn: form["nsn.\(row)"], t: t),
                ]
            },
        ]
        if let error { data["error"] = error }
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

    func createTender(_ request: Request) async throws -> Response {
        try await guarded(request) { visitor in
            try requireBuyer(visitor)
            guard let actor = visitor.actor else { throw WebError.signInRequired }
            let form = try await visitor.form(request)
            if form["check"] == "1" { return newTenderForm(visitor, request: request, form: form) }
            do {
                let id = TenderID(UUID().uuidString.lowercased())
                _ = try await ledger.execute(.create(id: id, notice: try Self.notice(form)), tender: id, actor: actor)
                return redirect("/tenders/\(id)?done=created")
            } catch let error as DomainError {
                let message = explain(error, pages.catalog(visitor.language))
                return newTenderForm(visitor, request: request, form: form, error: message, status: Self.status(of: error))
            }
        }
    }

    static func notice(_ form: Form) throws -> TenderEvent.Notice {
        guard let method = ProcedureMethod(rawValue: form["method"]) else {
            throw DomainError.invalidField(field: "method", code: "invalid-method", reason: "choose a procedure method")
        }
        guard let currency = Currency(rawValue: form["currency"]) else {
            throw DomainError.invalidField(field: "currency", code: "invalid-currency", reason: "choose a currency")
        }
        let items = try (1...itemRows).filter { !form["description.\($0)"].isEmpty }.map { row in
            guard let quantity = Int(form["quantity.\(row)"]) else {
                throw DomainError.invalidField(field: "lots.items.quantity", code: "invalid-quantity", reason: "quantity must be 1 to 100000000")
            }
            return Item(
                id: ItemID("item-\(row)"),
                description: form["description.\(row)"],
                cpv: try CPVCode(form["cpv.\(row)"]),
                nsn: form["nsn.\(row)"].isEmpty ? nil : try NSN(form["nsn.\(row)"]),
                quantity: quantity,
                unit: try UnitOfMeasure(code: form["unit.\(row)"].isEmpty ? "H87" : form["unit.\(row)"])
            )
        }
        let lot = Lot(
            id: LotID("lot-1"),
            title: form["lot_title"].isEmpty ? form["title"] : form["lot_title"],
            value: try Money(
                parsing: form["value"].replacingOccurrences(of: " ", with: "").replacingOccurrences(of: ",", with: "."),
                currency,
                field: "value"
            ),
            items: items
        )
        let negotiated = method == .negotiated
        return TenderEvent.Notice(
            title: form["title"],
            description: form["description"],
            method: method,
            negotiationGround: negotiated ? NegotiationGround(rawValue: form["ground"]) : nil,
            rationale: form["rationale"].isEmpty ? nil : form["rationale"],
            classification: Classification(rawValue: form["classification"]) ?? .unclassified,
            criteria: try criteria(form),
            lots: [lot],
            invitedSupplierIDs: negotiated
                ? form["invited"].split(whereSeparator: { $0 == "," || $0.isWhitespace }).map { OrganizationID(String($0)) } : []
        )
    }

    private static func criteria(_ form: Form) throws -> AwardCriteria {
        switch form["criteria"] {
        case "best-value":
            let quality = AwardCriteria.QualityCriterion(id: "quality", title: form["quality_title"], weight: Int(form["quality_weight"]) ?? 0)
            return .bestValue(priceWeight: 100 - quality.weight, quality: [quality])
        case "life-cycle-cost": return .lifeCycleCost(years: Int(form["years"]) ?? 0)
        default: return .lowestPrice
        }
    }
}
