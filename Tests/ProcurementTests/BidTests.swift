import Foundation
import Procurement
import Testing

@Suite struct BidTests {
    @Test func aSupplierSubmitsReplacesAndWithdrawsBeforeTheDeadline() throws {
        var procedure = try Procedure.published()
        try procedure.submit("b1", by: Fixture.supplierA, prices: ["900000.00"])
        #expect(procedure.bids[BidID("b1")]?.status == .submitted)
        try procedure.bid(
            .replace(lots: [LotBid(lotID: LotID("lot-1"), price: Fixture.money("880000.00"))]),
            id: BidID("b1"),
            by: Fixture.supplier(Fixture.supplierA)
        )
        #expect(procedure.bids[BidID("b1")]?.lots.first?.price == Fixture.money("880000.00"))
        try procedure.bid(.withdraw, id: BidID("b1"), by: Fixture.supplier(Fixture.supplierA))
        #expect(procedure.bids[BidID("b1")]?.status == .withdrawn)
        #expect(throws: DomainError.self) { try procedure.bid(.withdraw, id: BidID("b1"), by: Fixture.supplier(Fixture.supplierA)) }
    }

    @Test func afterTheDeadlineNothingChanges() throws {
        var procedure = try Procedure.published()
        try procedure.submit("b1", by: Fixture.supplierA, prices: ["900000.00"])
        procedure.advance(days: 10)
        let supplier = Fixture.supplier(Fixture.supplierA)
        for command in [BidCommand.withdraw, .confirm, .replace(lots: [LotBid(lotID: LotID("lot-1"), price: Fixture.money("1.00"))])] {
            #expect(throws: DomainError.ruleViolation(code: "deadline-passed", reason: "the bid deadline has passed; bids can no longer change")) {
                try procedure.bid(command, id: BidID("b1"), by: supplier)
            }
        }
        #expect(throws: DomainError.self) { try procedure.submit("b2", by: Fixture.supplierB, prices: ["1.00"]) }
    }

    @Test func aRivalCannotTouchAnotherSuppliersBid() throws {
        var procedure = try Procedure.published()
        try procedure.submit("b1", by: Fixture.supplierA, prices: ["900000.00"])
        #expect(throws: DomainError.notFound(entity: "bid", id: "b1")) {
            try procedure.bid(.withdraw, id: BidID("b1"), by: Fixture.supplier(Fixture.supplierB))
        }
    }

    @Test func oneLiveBidPerSupplier() throws {
        var procedure = try Procedure.published()
        try procedure.submit("b1", by: Fixture.supplierA, prices: ["900000.00"])
        #expect(throws: DomainError.self) { try procedure.submit("b2", by: Fixture.supplierA, prices: ["800000.00"]) }
    }

    @Test func invalidOffersAreRefused() throws {
        var procedure = try Procedure.published()
        func code(_ lots: [LotBid]) -> String? {
            do {
                try procedure.bid(
                    .submit(id: BidID("x"), tenderID: TenderID("t-1"), lots: lots),
                    id: BidID("x"),
                    by: Fixture.supplier(Fixture.supplierA)
                )
                return nil
            } catch let error as DomainError { return error.code } catch { return "?" }
        }
        #expect(code([]) == "no-lots")
        #expect(code([LotBid(lotID: LotID("lot-9"), price: Fixture.money("1.00"))]) == "unknown-lot")
        #expect(code([LotBid(lotID: LotID("lot-1"), price: Fixture.money("1.00", .EUR))]) == "currency-mismatch")
        #expect(code([LotBid(lotID: LotID("lot-1"), price: Fixture.money("0.00"))]) == "non-positive-price")
        #expect(code([LotBid(lotID: LotID("lot-1"), price: Fixture.money("1000000.01"))]) == "price-above-estimate")
        let offer = LotBid(lotID: LotID("lot-1"), price: Fixture.money("5.00"))
        #expect(code([offer, offer]) == "duplicate-lot")
    }

    @Test func buyersAndOfficialsCannotBid() throws {
        var procedure = try Procedure.published()
        #expect(throws: DomainError.forbidden(code: "supplier-only", reason: "only suppliers submit and manage bids")) {
            try procedure.bid(
                .submit(id: BidID("x"), tenderID: TenderID("t-1"), lots: [LotBid(lotID: LotID("lot-1"), price: Fixture.money("5.00"))]),
                id: BidID("x"),
                by: Fixture.officer
            )
        }
    }

    @Test func anAmendmentInvalidatesBidsUntilReconfirmed() throws {
        var procedure = try Procedure.published()
        try procedure.submit("b1", by: Fixture.supplierA, prices: ["900000.00"])
        try procedure.submit("b2", by: Fixture.supplierB, prices: ["800000.00"])
        var notice = procedure.tender!.notice
        notice.lots[0].items[0].quantity = 120
        try procedure.run(.amend(notice: notice, tenderPeriodEnd: nil), by: Fixture.officer)
        #expect(procedure.bids[BidID("b1")]!.needsConfirmation(against: procedure.tender!))
        try procedure.bid(.confirm, id: BidID("b1"), by: Fixture.supplier(Fixture.supplierA))
        #expect(!procedure.bids[BidID("b1")]!.needsConfirmation(against: procedure.tender!))
        #expect(throws: DomainError.self) { try procedure.bid(.confirm, id: BidID("b1"), by: Fixture.supplier(Fixture.supplierA)) }
        procedure.advance(days: 10)
        try procedure.run(.closePeriod, by: .system)
        #expect(procedure.tender?.validBidIDs == [BidID("b1")])
        #expect(procedure.status == .awaitingOpening)
    }

    @Test func aLotWithTooFewBidsFailsAtTheDeadline() throws {
        var procedure = try Procedure.published(Fixture.notice(lots: 2))
        try procedure.submit("b1", by: Fixture.supplierA, prices: ["900000.00"], lots: ["lot-1"])
        procedure.advance(days: 10)
        try procedure.run(.closePeriod, by: .system)
        #expect(procedure.tender?.lots.map(\.status) == [.active, .unsuccessful])
        #expect(procedure.status == .awaitingOpening)
    }

    @Test func noBidsAtAllMakesTheTenderUnsuccessful() throws {
        var procedure = try Procedure.published()
        procedure.advance(days: 10)
        try procedure.run(.closePeriod, by: .system)
        #expect(procedure.status == .unsuccessful)
        #expect(procedure.tender?.dueCommand(at: procedure.now) == nil)
    }

    @Test func lifeCycleCostBidsMustDeclareOwnershipCost() throws {
        var procedure = try Procedure.published(Fixture.notice(criteria: .lifeCycleCost(years: 10)))
        #expect(throws: DomainError.self) { try procedure.submit("b1", by: Fixture.supplierA, prices: ["900000.00"]) }
        try procedure.bid(
            .submit(
                id: BidID("b1"),
                tenderID: TenderID("t-1"),
                lots: [LotBid(lotID: LotID("lot-1"), price: Fixture.money("900000.00"), ownershipCost: Fixture.money("50000.00"))]
            ),
            id: BidID("b1"),
            by: Fixture.supplier(Fixture.supplierA)
        )
        #expect(procedure.bids[BidID("b1")]?.lots.first?.lifeCycleCost == Fixture.money("950000.00"))
    }
}
