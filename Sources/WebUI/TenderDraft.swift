import Foundation
import Procurement

/// The guided tender form as entered: lots with their items, and best-value criteria with their weights. Rows are
/// numbered fields (`lot.2.item.3.cpv`, `criterion.1.weight`) and rows left blank are ignored, so the form works
/// without JavaScript: "add" buttons post it back with one more blank row and everything entered kept.
struct TenderDraft {
    struct ItemRow {
        var description = "", cpv = "", nsn = "", quantity = "", unit = ""
        var isBlank: Bool { description.isEmpty && cpv.isEmpty && nsn.isEmpty }
    }

    struct LotRow {
        var title = "", value = ""
        var items: [ItemRow]
        var isBlank: Bool { title.isEmpty && value.isEmpty && items.allSatisfy(\.isBlank) }
    }

    struct CriterionRow {
        var title = "", weight = ""
        var isBlank: Bool { title.isEmpty && weight.isEmpty }
    }

    /// Why a field was refused: the domain's own refusal where there is one.
    enum Problem {
        case required
        case wholeNumber
        case itemRequired
        case lotRequired
        case weightsTotal(Int)
        case refused(DomainError)
    }

    static let blankItemRows = 3
    static let blankCriterionRows = 2
    /// The domain's bounds on lots per tender and items per lot, which also bound the rows a forged form can ask for.
    static let maximumLots = 100
    static let maximumItems = 1000
    /// Quality criteria the form offers rows for (the domain sets no number; weights of at least 1% sum to 100).
    static let maximumCriteria = 20

    let form: Form
    private(set) var lots: [LotRow]
    private(set) var criteria: [CriterionRow]

    init(_ form: Form) {
        self.form = form
        var lotCount = 1
        var itemCounts: [Int: Int] = [:]
        var criterionCount = Self.blankCriterionRows
        for (name, _) in form.fields {
            let parts = name.split(separator: ".")
            if parts.count >= 3, parts[0] == "lot", let lot = Int(parts[1]), (1...Self.maximumLots).contains(lot) {
                lotCount = max(lotCount, lot)
                if parts.count == 5, parts[2] == "item", let item = Int(parts[3]), (1...Self.maximumItems).contains(item) {
                    itemCounts[lot] = max(itemCounts[lot] ?? 0, item)
                }
            } else if parts.count == 3, parts[0] == "criterion", let row = Int(parts[1]), (1...Self.maximumCriteria).contains(row) {
                criterionCount = max(criterionCount, row)
            }
        }
        lots = (1...lotCount).map { lot in
            LotRow(
                title: form["lot.\(lot).title"],
                value: form["lot.\(lot).value"],
                items: (1...(itemCounts[lot] ?? Self.blankItemRows)).map { item in
                    let prefix = "lot.\(lot).item.\(item)"
                    return ItemRow(
                        description: form["\(prefix).description"],
                        cpv: form["\(prefix).cpv"],
                        nsn: form["\(prefix).nsn"],
                        quantity: form["\(prefix).quantity"],
                        unit: form["\(prefix).unit"]
                    )
                }
            )
        }
        criteria = (1...criterionCount).map { CriterionRow(title: form["criterion.\($0).title"], weight: form["criterion.\($0).weight"]) }
    }

    /// Appends the blank row an "add" button asks for (`lot`, `item.<lot>`, `criterion`), within the bounds.
    mutating func add(_ what: String) {
        if what == "lot", lots.count < Self.maximumLots {
            lots.append(LotRow(items: Array(repeating: ItemRow(quantity: "1", unit: "H87"), count: Self.blankItemRows)))
        } else if what == "criterion", criteria.count < Self.maximumCriteria {
            criteria.append(CriterionRow())
        } else if what.hasPrefix("item."), let lot = Int(what.dropFirst(5)), lots.indices.contains(lot - 1),
            lots[lot - 1].items.count < Self.maximumItems
        {
            lots[lot - 1].items.append(ItemRow(quantity: "1", unit: "H87"))
        }
    }

    /// The notice the form describes, or every problem found, by field name in form order. Values are checked by the
    /// domain's own types and rules (codes, money, lots, items, criteria, the notice), field by field where a refusal
    /// can be placed, so the officer sees each problem next to its field at once.
    func notice() -> (TenderEvent.Notice?, [(field: String, problem: Problem)]) {
        var problems: [(field: String, problem: Problem)] = []
        func check<T>(_ field: String, _ body: () throws -> T) -> T? {
            do { return try body() } catch let error as DomainError {
                problems.append((field, .refused(error)))
            } catch {}
            return nil
        }
        let method = check("method") {
            guard let method = ProcedureMethod(rawValue: form["method"]) else {
                throw DomainError.invalidField(field: "method", code: "invalid-method", reason: "choose a procedure method")
            }
            return method
        }
        let currency = check("currency") {
            guard let currency = Currency(rawValue: form["currency"]) else {
                throw DomainError.invalidField(field: "currency", code: "invalid-currency", reason: "choose a currency")
            }
            return currency
        }
        let filled = lots.enumerated().filter { !$0.element.isBlank }
        if filled.isEmpty { problems.append(("lot.1.title", .lotRequired)) }
        var built: [Lot] = []
        for (number, (index, row)) in filled.enumerated() {
            let prefix = "lot.\(index + 1)"
            let id = "lot-\(number + 1)"
            var items: [Item] = []
            for (itemIndex, item) in row.items.enumerated() where !item.isBlank {
                let field = "\(prefix).item.\(itemIndex + 1)"
                if item.description.isEmpty { problems.append(("\(field).description", .required)) }
                let cpv = check("\(field).cpv") { try CPVCode(item.cpv) }
                let nsn = check("\(field).nsn") { item.nsn.isEmpty ? nil : try NSN(item.nsn) }
                guard let quantity = Int(item.quantity) else {
                    problems.append(("\(field).quantity", .wholeNumber))
                    continue
                }
                let unit = check("\(field).unit") { try UnitOfMeasure(code: item.unit.isEmpty ? "H87" : item.unit) }
                guard let cpv, let nsn, let unit, !item.description.isEmpty else { continue }
                let built = Item(
                    id: ItemID("item-\(number + 1)-\(items.count + 1)"),
                    description: item.description,
                    cpv: cpv,
                    nsn: nsn,
                    quantity: quantity,
                    unit: unit
                )
                do {
                    try built.validate()
                    items.append(built)
                } catch let error as DomainError {
                    problems.append((field + (error.field == "lots.items.quantity" ? ".quantity" : ".description"), .refused(error)))
                } catch {}
            }
            if row.items.allSatisfy(\.isBlank) { problems.append(("\(prefix).item.1.description", .itemRequired)) }
            if row.title.isEmpty, filled.count > 1 { problems.append(("\(prefix).title", .required)) }
            if row.value.isEmpty { problems.append(("\(prefix).value", .required)) }
            guard let currency, !row.value.isEmpty,
                let value = check("\(prefix).value", { try Money(parsing: LocaleFormat.amountInput(row.value), currency, field: "value") })
            else { continue }
            let lot = Lot(id: LotID(id), title: row.title.isEmpty ? form["title"] : row.title, value: value, items: items)
            guard !items.isEmpty, items.count == row.items.filter({ !$0.isBlank }).count else { continue }
            do {
                try lot.validate()
                built.append(lot)
            } catch let error as DomainError {
                problems.append(("\(prefix).\(error.field == "lots.value" ? "value" : "title")", .refused(error)))
            } catch {}
        }
        let awardCriteria = criteria(&problems)
        guard problems.isEmpty, let method, let awardCriteria else { return (nil, problems) }
        let negotiated = method == .negotiated
        let notice = TenderEvent.Notice(
            title: form["title"],
            description: form["description"],
            method: method,
            negotiationGround: negotiated ? NegotiationGround(rawValue: form["ground"]) : nil,
            rationale: form["rationale"].isEmpty ? nil : form["rationale"],
            classification: Classification(rawValue: form["classification"]) ?? .unclassified,
            criteria: awardCriteria,
            lots: built,
            invitedSupplierIDs: negotiated
                ? form["invited"].split(whereSeparator: { $0 == "," || $0.isWhitespace }).map { OrganizationID(String($0)) } : []
        )
        do { try notice.validate() } catch let error as DomainError {
            return (nil, [(Self.noticeField(error.field), .refused(error))])
        } catch {}
        return (notice, [])
    }

    /// The award criteria, or nil with their problems: each weight and title next to its row, the total of the
    /// weights for the whole group (the domain requires 100).
    private func criteria(_ problems: inout [(field: String, problem: Problem)]) -> AwardCriteria? {
        switch form["criteria"] {
        case "best-value":
            guard let priceWeight = Int(form["price_weight"]) else {
                problems.append(("price_weight", .wholeNumber))
                return nil
            }
            var quality: [AwardCriteria.QualityCriterion] = []
            var rows: [Int] = []
            var complete = true
            for (index, row) in criteria.enumerated() where !row.isBlank {
                if row.title.isEmpty {
                    problems.append(("criterion.\(index + 1).title", .required))
                    complete = false
                }
                guard let weight = Int(row.weight) else {
                    problems.append(("criterion.\(index + 1).weight", .wholeNumber))
                    complete = false
                    continue
                }
                quality.append(.init(id: "q\(quality.count + 1)", title: row.title, weight: weight))
                rows.append(index + 1)
            }
            guard complete else { return nil }
            let criteria = AwardCriteria.bestValue(priceWeight: priceWeight, quality: quality)
            do { try criteria.validate() } catch let error as DomainError {
                switch error.code {
                case "weights-not-100":
                    problems.append(("criteria", .weightsTotal(priceWeight + quality.reduce(0) { $0 + $1.weight })))
                case "invalid-weight":
                    if priceWeight <= 0 { problems.append(("price_weight", .refused(error))) }
                    for (row, criterion) in zip(rows, quality) where criterion.weight <= 0 {
                        problems.append(("criterion.\(row).weight", .refused(error)))
                    }
                default: problems.append(("criterion.1.title", .refused(error)))
                }
                return nil
            } catch {}
            return criteria
        case "life-cycle-cost":
            guard let years = Int(form["years"]) else {
                problems.append(("years", .wholeNumber))
                return nil
            }
            do { try AwardCriteria.lifeCycleCost(years: years).validate() } catch let error as DomainError {
                problems.append(("years", .refused(error)))
                return nil
            } catch {}
            return .lifeCycleCost(years: years)
        default: return .lowestPrice
        }
    }

    /// The form field of a notice-level refusal (criteria and lots were placed before the notice was built), or ""
    /// for the form as a whole.
    private static func noticeField(_ field: String?) -> String {
        switch field {
        case "negotiationGround": "ground"
        case "invitedSupplierIDs": "invited"
        case "title", "description", "rationale", "method": field!
        default: ""
        }
    }
}
