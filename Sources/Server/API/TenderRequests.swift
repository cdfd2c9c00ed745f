import Foundation
import Procurement

/// The notice as a client sends it. Lot and item ids are optional: the server numbers them when absent.
struct NoticeRequest: Decodable {
    var title: String
    var description: String?
    var method: ProcedureMethod
    var negotiationGround: NegotiationGround?
    var rationale: String?
    var classification: Classification?
    var criteria: AwardCriteria?
    var lots: [LotRequest]
    var invitedSupplierIDs: [OrganizationID]?

    func notice() -> TenderEvent.Notice {
        TenderEvent.Notice(
            title: title,
            description: description ?? "",
            method: method,
            negotiationGround: negotiationGround,
            rationale: rationale,
            classification: classification ?? .unclassified,
            criteria: criteria ?? .lowestPrice,
            lots: LotRequest.lots(lots),
            invitedSupplierIDs: invitedSupplierIDs ?? []
        )
    }
}

struct LotRequest: Decodable {
    var id: LotID?
    var title: String
    var value: Money
    var items: [ItemRequest]

    static func lots(_ requests: [LotRequest]) -> [Lot] {
        requests.enumerated().map { index, lot in
            let lotID = lot.id ?? LotID("lot-\(index + 1)")
            let items = lot.items.enumerated().map { itemIndex, item in
                Item(
                    id: item.id ?? ItemID("\(lotID)-item-\(itemIndex + 1)"),
                    description: item.description,
                    cpv: item.cpv,
                    nsn: item.nsn,
                    quantity: item.quantity,
                    unit: item.unit,
                    deliveryLocation: item.deliveryLocation
                )
            }
            return Lot(id: lotID, title: lot.title, value: lot.value, items: items)
        }
    }
}

struct ItemRequest: Decodable {
    var id: ItemID?
    var description: String
    var cpv: CPVCode
    var nsn: NSN?
    var quantity: Int
    var unit: UnitOfMeasure
    var deliveryLocation: String?
}

/// A partial change to the notice; absent fields keep their value.
struct AmendRequest: Decodable {
    var title: String?
    var description: String?
    var lots: [LotRequest]?
    var method: ProcedureMethod?
    var negotiationGround: NegotiationGround?
    var rationale: String?
    var classification: Classification?
    var criteria: AwardCriteria?
    var invitedSupplierIDs: [OrganizationID]?
    var tenderPeriodEnd: Date?

    func applied(to current: TenderEvent.Notice) -> TenderEvent.Notice {
        var notice = current
        if let title { notice.title = title }
        if let description { notice.description = description }
        if let lots { notice.lots = LotRequest.lots(lots) }
        if let method { notice.method = method }
        if let negotiationGround { notice.negotiationGround = negotiationGround }
        if let rationale { notice.rationale = rationale }
        if let classification { notice.classification = classification }
        if let criteria { notice.criteria = criteria }
        if let invitedSupplierIDs { notice.invitedSupplierIDs = invitedSupplierIDs }
        return notice
    }
}

struct PublishRequest: Decodable {
    var candidatePeriodEnd: Date?
    var tenderPeriodEnd: Date?
}

struct QuestionRequest: Decodable { var text: String }
struct AnswerRequest: Decodable { var answer: String }
struct CandidateDecisionRequest: Decodable {
    var qualified: Bool
    var reasonCode: String?
}
struct InvitationRequest: Decodable { var tenderPeriodEnd: Date }
struct BidDecisionRequest: Decodable {
    var outcome: BidDecision.Outcome
    var reason: DisqualificationReason?
    var rationale: String?
    var scores: [String: Int]?
}
struct ReasonRequest: Decodable { var reason: String }
struct ContractRequest: Decodable { var value: Money? }
struct CancelRequest: Decodable {
    var reason: CancellationReason
    var rationale: String
}
struct BidRequest: Decodable { var lots: [LotBid] }
