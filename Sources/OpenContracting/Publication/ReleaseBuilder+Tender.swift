import Foundation
import Procurement

extension ReleaseBuilder {
    func tenderSection(_ tender: Tender, process: ProcessHistory) -> OCDSValue {
        let items = tender.lots.flatMap { lot in lot.items.map { item($0, lot: lot.id) } }
        let deliveries = tender.lots.flatMap { lot in lot.items.compactMap { deliveryMilestone($0, lot: lot.id) } }
        let tenderers = Set(process.opened.map(\.supplierID)).sorted()
        return .object([
            ("id", .string(tender.id.rawValue)),
            ("title", .string(tender.title)),
            ("description", .string(tender.description)),
            ("status", .string(Self.status(of: tender))),
            ("procuringEntity", reference(tender.buyerID)),
            ("items", .nonEmpty(items)),
            ("value", Self.total(of: tender.lots).map(OCDSValue.money)),
            ("procurementMethod", .string(Self.procurementMethod(tender.method))),
            ("procurementMethodDetails", .string(Self.methodDetails(tender))),
            ("procurementMethodRationale", tender.rationale.map(OCDSValue.string)),
            ("mainProcurementCategory", items.isEmpty ? nil : .string(Self.category(of: tender.lots[0].items[0].cpv))),
            ("awardCriteria", .string(Self.awardCriteria(tender.criteria))),
            ("awardCriteriaDetails", Self.criteriaDetails(tender.criteria).map(OCDSValue.string)),
            ("submissionMethod", ["electronicSubmission"]),
            ("tenderPeriod", period(start: tender.publishedAt, end: tender.tenderPeriodEnd)),
            ("enquiryPeriod", period(start: tender.publishedAt, end: tender.enquiryPeriodEnd)),
            ("hasEnquiries", .bool(!tender.questions.isEmpty)),
            ("numberOfTenderers", tender.openedAt == nil ? nil : .number(OCDSNumber(tenderers.count))),
            ("tenderers", .nonEmpty(tenderers.map(reference))),
            ("lots", .nonEmpty(tender.lots.map { lot($0, of: tender) })),
            ("milestones", .nonEmpty(deliveries)),
            ("amendments", .nonEmpty(process.amendments)),
        ])
    }

    func item(_ item: Item, lot: LotID) -> OCDSValue {
        .object([
            ("id", .string(item.id.rawValue)),
            ("description", .string(item.description)),
            ("classification", .object([("scheme", "CPV"), ("id", .string(item.cpv.value)), ("description", .string(item.cpv.title))])),
            (
                "additionalClassifications",
                item.nsn.map { nsn in
                    [.object([("scheme", "NSN"), ("id", .string(nsn.formatted)), ("description", nsn.supplyClassName.map(OCDSValue.string))])]
                }
            ),
            ("quantity", .number(OCDSNumber(item.quantity))),
            ("unit", .object([("scheme", "UNCEFACT"), ("id", .string(item.unit.code)), ("name", .string(item.unit.name))])),
            ("relatedLot", .string(lot.rawValue)),
        ])
    }

    /// A delivery location the viewer may read, published as the item's delivery milestone (core OCDS has no
    /// delivery field on items).
    func deliveryMilestone(_ item: Item, lot: LotID) -> OCDSValue? {
        guard let location = item.deliveryLocation else { return nil }
        return .object([
            ("id", .string("delivery-\(item.id.rawValue)")),
            ("title", .string("Delivery of item \(item.id.rawValue)")),
            ("type", "delivery"),
            ("description", .string(location)),
            ("relatedLots", [.string(lot.rawValue)]),
        ])
    }

    func lot(_ lot: Lot, of tender: Tender) -> OCDSValue {
        let status: String =
            switch lot.status {
            case .unsuccessful: "unsuccessful"
            case .cancelled: "cancelled"
            case .active: tender.contracts.contains { $0.lotID == lot.id } ? "complete" : Self.status(of: tender)
            }
        return .object([
            ("id", .string(lot.id.rawValue)),
            ("title", .string(lot.title)),
            ("status", .string(status)),
            ("value", .money(lot.value)),
        ])
    }

    func period(start: Date?, end: Date?) -> OCDSValue? {
        guard start != nil || end != nil else { return nil }
        return .object([("startDate", start.map(OCDSValue.date)), ("endDate", end.map(OCDSValue.date))])
    }

    /// The tender status codelist (closed): a procedure is active from publication until it ends.
    static func status(of tender: Tender) -> String {
        switch tender.status {
        case .draft: "planning"
        case .complete: "complete"
        case .unsuccessful: "unsuccessful"
        case .cancelled: "cancelled"
        case .candidateSelection, .candidateQualification, .tendering, .awaitingOpening, .evaluation, .standstill, .awarded: "active"
        }
    }

    static func procurementMethod(_ method: ProcedureMethod) -> String {
        switch method {
        case .open: "open"
        case .restricted: "selective"
        case .negotiated: "limited"
        }
    }

    static func methodDetails(_ tender: Tender) -> String {
        switch tender.method {
        case .open: "Open procedure"
        case .restricted: "Restricted procedure"
        case .negotiated: "Negotiated procedure without prior publication" + (tender.negotiationGround.map { " (ground: \($0.rawValue))" } ?? "")
        }
    }

    /// `mainProcurementCategory` from the CPV division: 45 is works, 50 and above services, the rest goods.
    static func category(of cpv: CPVCode) -> String {
        let division = Int(cpv.division) ?? 0
        return division == 45 ? "works" : division >= 50 ? "services" : "goods"
    }

    static func awardCriteria(_ criteria: AwardCriteria) -> String {
        switch criteria {
        case .lowestPrice: "priceOnly"
        case .bestValue: "ratedCriteria"
        case .lifeCycleCost: "costOnly"
        }
    }

    static func criteriaDetails(_ criteria: AwardCriteria) -> String? {
        switch criteria {
        case .lowestPrice: nil
        case .bestValue(let priceWeight, let quality):
            (["price \(priceWeight)%"] + quality.map { "\($0.title) \($0.weight)%" }).joined(separator: "; ")
        case .lifeCycleCost(let years): "Lowest price plus the declared cost of ownership over \(years) years"
        }
    }

    /// The sum of the lots' estimates, when they share one currency.
    static func total(of lots: [Lot]) -> Money? {
        guard let first = lots.first, lots.allSatisfy({ $0.value.currency == first.value.currency }) else { return nil }
        var sum = first.value
        for lot in lots.dropFirst() {
            guard let next = try? sum.adding(lot.value) else { return nil }
            sum = next
        }
        return sum
    }
}
