import Foundation
import Procurement

/// A small cast and a notice for the lifecycle tests.
enum Fixture {
    static let start = Date(timeIntervalSince1970: 1_796_000_000)  // 2026-11-29
    static let day: TimeInterval = 86_400

    static let buyer = OrganizationID("dpa")
    static let otherBuyer = OrganizationID("dot")
    static let supplierA = OrganizationID("supplier-a")
    static let supplierB = OrganizationID("supplier-b")
    static let supplierC = OrganizationID("supplier-c")

    static func user(_ id: String, _ organization: OrganizationID, _ roles: Set<Role>, kind: Organization.Kind = .procurementAgency) -> Actor {
        .user(User(id: UserID(id), organizationID: organization, name: id, roles: roles), organizationKind: kind)
    }

    static let officer = user("officer", buyer, [.buyerOfficer])
    static let evaluator = user("evaluator", buyer, [.evaluator])
    static let secondEvaluator = user("evaluator-2", buyer, [.evaluator])
    static let approver = user("approver", buyer, [.buyerApprover])
    static let evaluatorApprover = user("evaluator-approver", buyer, [.evaluator, .buyerApprover])
    static let foreignOfficer = user("foreign", otherBuyer, [.buyerOfficer])
    static let auditor = user("auditor", OrganizationID("audit"), [.auditor], kind: .oversightBody)
    static func supplier(_ organization: OrganizationID) -> Actor {
        user("rep-\(organization)", organization, [.supplierRepresentative], kind: .supplier)
    }

    static func money(_ amount: String, _ currency: Currency = .UAH) -> Money { try! Money(parsing: amount, currency) }

    static func item(_ id: String) -> Item {
        Item(
            id: ItemID(id),
            description: "Tactical radio set",
            cpv: try! CPVCode("35811300-5"),
            nsn: try! NSN("5820-12-345-6789"),
            quantity: 100,
            unit: .piece
        )
    }

    static func notice(
        method: ProcedureMethod = .open,
        criteria: AwardCriteria = .lowestPrice,
        lots: Int = 1,
        invited: [OrganizationID] = [],
        classification: Classification = .unclassified
    ) -> TenderEvent.Notice {
        let lotList = (1...lots).map { index in
            Lot(id: LotID("lot-\(index)"), title: "Lot \(index)", value: money("1000000.00"), items: [item("item-\(index)")])
        }
        return TenderEvent.Notice(
            title: "Field radios for brigades",
            description: "VHF radios with encryption",
            method: method,
            negotiationGround: method == .negotiated ? .urgency : nil,
            rationale: method == .negotiated ? "Urgent replacement of radios lost in combat operations" : nil,
            classification: classification,
            criteria: criteria,
            lots: lotList,
            invitedSupplierIDs: invited
        )
    }
}

/// Runs commands against an in-memory aggregate the way the ledger does, with a controllable clock.
struct Procedure {
    var tender: Tender?
    var bids: [BidID: Bid] = [:]
    var now = Fixture.start
    var events: [TenderEvent] = []

    @discardableResult
    mutating func run(_ command: TenderCommand, by actor: Actor) throws -> [TenderEvent] {
        let decided = try Tender.decide(command, state: tender, context: TenderContext(now: now, actor: actor, bids: Array(bids.values)))
        for event in decided { tender = Tender.evolve(tender, event) }
        events += decided
        return decided
    }

    @discardableResult
    mutating func bid(_ command: BidCommand, id: BidID, by actor: Actor) throws -> [BidEvent] {
        let live = bids.values.first { $0.supplierID == actor.organizationID && $0.status == .submitted && $0.id != id }?.id
        let decided = try Bid.decide(
            command,
            state: bids[id],
            context: BidContext(now: now, actor: actor, tender: tender!, activeBidOfSupplier: live)
        )
        for event in decided { bids[id] = Bid.evolve(bids[id], event) }
        return decided
    }

    mutating func advance(days: Double) { now += days * Fixture.day }

    var status: TenderStatus? { tender?.status }

    /// An open tender, published with a deadline 10 days out.
    static func published(_ notice: TenderEvent.Notice = Fixture.notice()) throws -> Procedure {
        var procedure = Procedure()
        try procedure.run(.create(id: TenderID("t-1"), notice: notice), by: Fixture.officer)
        try procedure.run(.publish(candidatePeriodEnd: nil, tenderPeriodEnd: Fixture.start + 10 * Fixture.day), by: Fixture.officer)
        return procedure
    }

    mutating func submit(_ id: String, by supplier: OrganizationID, prices: [String], lots: [String]? = nil) throws {
        let lotIDs = lots ?? prices.indices.map { "lot-\($0 + 1)" }
        let offers = zip(lotIDs, prices).map { LotBid(lotID: LotID($0), price: Fixture.money($1)) }
        try bid(.submit(id: BidID(id), tenderID: tender!.id, lots: offers), id: BidID(id), by: Fixture.supplier(supplier))
    }

    /// Three bids, deadline passed, opened.
    static func opened(_ notice: TenderEvent.Notice = Fixture.notice()) throws -> Procedure {
        var procedure = try published(notice)
        try procedure.submit("bid-a", by: Fixture.supplierA, prices: ["900000.00"])
        try procedure.submit("bid-b", by: Fixture.supplierB, prices: ["850000.00"])
        try procedure.submit("bid-c", by: Fixture.supplierC, prices: ["950000.00"])
        procedure.advance(days: 10)
        try procedure.run(.closePeriod, by: .system)
        try procedure.run(.openBids, by: Fixture.officer)
        return procedure
    }
}
