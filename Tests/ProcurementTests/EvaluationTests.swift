import Foundation
import Procurement
import Testing

@Suite struct EvaluationTests {
    @Test func openingRevealsTheValidBidsAtOnce() throws {
        let procedure = try Procedure.opened()
        #expect(procedure.status == .evaluation)
        guard case .bidsOpened(let opened) = procedure.events.last else {
            Issue.record("no opening event")
            return
        }
        #expect(opened.bids.map(\.bidID) == [BidID("bid-a"), BidID("bid-b"), BidID("bid-c")])
        #expect(opened.bids.first?.lots.first?.price == Fixture.money("900000.00"))
    }

    @Test func openingIsForTheBuyerOfficerOnlyAndOnlyOnce() throws {
        var procedure = try Procedure.published()
        try procedure.submit("b", by: Fixture.supplierA, prices: ["1.00"])
        #expect(throws: DomainError.illegalTransition(action: "open bids", status: "tendering")) { try procedure.run(.openBids, by: Fixture.officer) }
        procedure.advance(days: 10)
        try procedure.run(.closePeriod, by: .system)
        #expect(throws: DomainError.self) { try procedure.run(.openBids, by: Fixture.evaluator) }
        try procedure.run(.openBids, by: Fixture.officer)
        #expect(throws: DomainError.self) { try procedure.run(.openBids, by: Fixture.officer) }
    }

    @Test func theFullPathToAContractWithADisqualification() throws {
        var procedure = try Procedure.opened()
        try procedure.run(.decideBid(bidID: BidID("bid-a"), outcome: .qualified, reason: nil, rationale: nil, scores: [:]), by: Fixture.evaluator)
        try procedure.run(
            .decideBid(
                bidID: BidID("bid-b"),
                outcome: .disqualified,
                reason: .missingDocuments,
                rationale: "No certificate of conformity",
                scores: [:]
            ),
            by: Fixture.evaluator
        )
        #expect(throws: DomainError.ruleViolation(code: "bids-undecided", reason: "bid bid-c on lot lot-1 has no qualification decision yet")) {
            try procedure.run(.proposeAward(lotID: LotID("lot-1"), awardID: AwardID("aw-1")), by: Fixture.evaluator)
        }
        try procedure.run(
            .decideBid(bidID: BidID("bid-c"), outcome: .qualified, reason: nil, rationale: nil, scores: [:]),
            by: Fixture.secondEvaluator
        )
        try procedure.run(.proposeAward(lotID: LotID("lot-1"), awardID: AwardID("aw-1")), by: Fixture.evaluator)
        let award = try procedure.tender!.award(AwardID("aw-1"))
        #expect(award.bidID == BidID("bid-a"))  // lowest qualified; bid-b was cheaper but disqualified
        #expect(award.status == .pending)
        #expect(procedure.status == .evaluation)

        #expect(
            throws: DomainError.forbidden(
                code: "segregation-of-duties",
                reason: "the approver must not have evaluated this lot or proposed its award"
            )
        ) {
            try procedure.run(.approveAward(awardID: AwardID("aw-1")), by: Fixture.evaluatorApprover.withID("evaluator"))
        }
        try procedure.run(.approveAward(awardID: AwardID("aw-1")), by: Fixture.approver)
        #expect(procedure.status == .standstill)
        #expect(throws: DomainError.self) {
            try procedure.run(.signContract(awardID: AwardID("aw-1"), contractID: ContractID("c-1"), value: nil), by: Fixture.approver)
        }
        procedure.advance(days: 4)
        #expect(throws: DomainError.self) { try procedure.run(.endStandstill, by: .system) }
        procedure.advance(days: 1)
        #expect(procedure.tender?.dueCommand(at: procedure.now) == .endStandstill)
        try procedure.run(.endStandstill, by: .system)
        #expect(procedure.status == .awarded)
        #expect(throws: DomainError.self) {
            try procedure.run(
                .signContract(awardID: AwardID("aw-1"), contractID: ContractID("c-1"), value: Fixture.money("900000.01")),
                by: Fixture.approver
            )
        }
        try procedure.run(.signContract(awardID: AwardID("aw-1"), contractID: ContractID("c-1"), value: nil), by: Fixture.approver)
        #expect(procedure.status == .complete)
        #expect(procedure.tender?.contracts.first?.value == Fixture.money("900000.00"))
        #expect(throws: DomainError.self) { try procedure.run(.cancel(reason: .noLongerNeeded, rationale: "Changed our mind"), by: Fixture.officer) }
    }

    @Test func disqualificationNeedsACodedReasonAndRationale() throws {
        var procedure = try Procedure.opened()
        #expect(throws: DomainError.self) {
            try procedure.run(
                .decideBid(bidID: BidID("bid-a"), outcome: .disqualified, reason: nil, rationale: "Missing certificate", scores: [:]),
                by: Fixture.evaluator
            )
        }
        #expect(throws: DomainError.self) {
            try procedure.run(
                .decideBid(bidID: BidID("bid-a"), outcome: .disqualified, reason: .sanctions, rationale: "", scores: [:]),
                by: Fixture.evaluator
            )
        }
        #expect(throws: DomainError.self) {
            try procedure.run(
                .decideBid(bidID: BidID("bid-a"), outcome: .qualified, reason: .sanctions, rationale: nil, scores: [:]),
                by: Fixture.evaluator
            )
        }
        #expect(throws: DomainError.notFound(entity: "bid", id: "bid-z")) {
            try procedure.run(.decideBid(bidID: BidID("bid-z"), outcome: .qualified, reason: nil, rationale: nil, scores: [:]), by: Fixture.evaluator)
        }
        #expect(throws: DomainError.self) {
            try procedure.run(.decideBid(bidID: BidID("bid-a"), outcome: .qualified, reason: nil, rationale: nil, scores: [:]), by: Fixture.officer)
        }
    }

    @Test func aRejectedAwardReopensTheLot() throws {
        var procedure = try Procedure.opened()
        for bid in ["bid-a", "bid-b", "bid-c"] {
            try procedure.run(.decideBid(bidID: BidID(bid), outcome: .qualified, reason: nil, rationale: nil, scores: [:]), by: Fixture.evaluator)
        }
        try procedure.run(.proposeAward(lotID: LotID("lot-1"), awardID: AwardID("aw-1")), by: Fixture.evaluator)
        #expect(throws: DomainError.self) {
            try procedure.run(.decideBid(bidID: BidID("bid-b"), outcome: .qualified, reason: nil, rationale: nil, scores: [:]), by: Fixture.evaluator)
        }
        try procedure.run(.rejectAward(awardID: AwardID("aw-1"), reason: "Winner's licence has expired"), by: Fixture.approver)
        try procedure.run(
            .decideBid(
                bidID: BidID("bid-b"),
                outcome: .disqualified,
                reason: .qualificationCriteria,
                rationale: "Export licence expired",
                scores: [:]
            ),
            by: Fixture.evaluator
        )
        try procedure.run(.proposeAward(lotID: LotID("lot-1"), awardID: AwardID("aw-2")), by: Fixture.evaluator)
        #expect(try procedure.tender!.award(AwardID("aw-2")).bidID == BidID("bid-a"))
    }

    @Test func noQualifiedBidsMeansTheLotIsDeclaredUnsuccessful() throws {
        var procedure = try Procedure.opened()
        for bid in ["bid-a", "bid-b", "bid-c"] {
            try procedure.run(
                .decideBid(
                    bidID: BidID(bid),
                    outcome: .disqualified,
                    reason: .nonCompliantSpecification,
                    rationale: "Does not meet the spec",
                    scores: [:]
                ),
                by: Fixture.evaluator
            )
        }
        #expect(throws: DomainError.self) { try procedure.run(.proposeAward(lotID: LotID("lot-1"), awardID: AwardID("aw")), by: Fixture.evaluator) }
        try procedure.run(.declareLotUnsuccessful(lotID: LotID("lot-1"), reason: "All bids non-compliant"), by: Fixture.officer)
        #expect(procedure.status == .unsuccessful)
    }

    @Test func bestValueRanksByWeightedScore() throws {
        let criteria = AwardCriteria.bestValue(priceWeight: 40, quality: [.init(id: "tech", title: "Technical merit", weight: 60)])
        var procedure = try Procedure.opened(Fixture.notice(criteria: criteria))
        #expect(throws: DomainError.self) {
            try procedure.run(.decideBid(bidID: BidID("bid-a"), outcome: .qualified, reason: nil, rationale: nil, scores: [:]), by: Fixture.evaluator)
        }
        #expect(throws: DomainError.self) {
            try procedure.run(
                .decideBid(bidID: BidID("bid-a"), outcome: .qualified, reason: nil, rationale: nil, scores: ["tech": 101]),
                by: Fixture.evaluator
            )
        }
        try procedure.run(
            .decideBid(bidID: BidID("bid-a"), outcome: .qualified, reason: nil, rationale: nil, scores: ["tech": 70]),
            by: Fixture.evaluator
        )
        try procedure.run(
            .decideBid(bidID: BidID("bid-b"), outcome: .qualified, reason: nil, rationale: nil, scores: ["tech": 50]),
            by: Fixture.evaluator
        )
        try procedure.run(
            .decideBid(bidID: BidID("bid-c"), outcome: .qualified, reason: nil, rationale: nil, scores: ["tech": 95]),
            by: Fixture.evaluator
        )
        try procedure.run(.proposeAward(lotID: LotID("lot-1"), awardID: AwardID("aw")), by: Fixture.evaluator)
        // bid-c: 0.4 * (100 * 850000 / 950000) + 0.6 * 95 = 35.7895 + 57 = 92.7895, above bid-a (37.7778 + 42) and bid-b (40 + 30)
        let award = try procedure.tender!.award(AwardID("aw"))
        #expect(award.bidID == BidID("bid-c"))
        #expect(award.score == Decimal(string: "92.7895"))
    }

    @Test func lifeCycleCostPrefersLowerTotalOwnership() {
        func bid(_ id: String, _ price: String, _ cost: String) -> Bid {
            Bid(
                id: BidID(id),
                tenderID: TenderID("t"),
                supplierID: OrganizationID(id),
                lots: [LotBid(lotID: LotID("l"), price: Fixture.money(price), ownershipCost: Fixture.money(cost))],
                status: .submitted,
                confirmedNoticeVersion: 1,
                submittedAt: Fixture.start,
                updatedAt: Fixture.start
            )
        }
        let ranked = Evaluation.rank(
            lot: LotID("l"),
            bids: [bid("cheap", "100.00", "900.00"), bid("durable", "300.00", "200.00")],
            decisions: [],
            criteria: .lifeCycleCost(years: 10)
        )
        #expect(ranked.map(\.bid.id) == [BidID("durable"), BidID("cheap")])
    }

    @Test func equalPricesGoToTheEarlierBid() {
        func bid(_ id: String, at offset: TimeInterval) -> Bid {
            Bid(
                id: BidID(id),
                tenderID: TenderID("t"),
                supplierID: OrganizationID(id),
                lots: [LotBid(lotID: LotID("l"), price: Fixture.money("100.00"))],
                status: .submitted,
                confirmedNoticeVersion: 1,
                submittedAt: Fixture.start,
                updatedAt: Fixture.start + offset
            )
        }
        let ranked = Evaluation.rank(lot: LotID("l"), bids: [bid("late", at: 60), bid("early", at: 5)], decisions: [], criteria: .lowestPrice)
        #expect(ranked.first?.bid.id == BidID("early"))
    }
}

extension Actor {
    /// The same user with another id, to test segregation of duties by identity rather than by role.
    func withID(_ id: String) -> Actor {
        guard case .user(let user, let kind) = self else { return self }
        return .user(User(id: UserID(id), organizationID: user.organizationID, name: user.name, roles: user.roles), organizationKind: kind)
    }
}

@Suite struct CancellationAfterAwardTests {
    @Test func aCancelledTenderTakesNoFurtherAwardOrContractDecisions() throws {
        var procedure = try Procedure.opened()
        for bid in ["bid-a", "bid-b", "bid-c"] {
            try procedure.run(.decideBid(bidID: BidID(bid), outcome: .qualified, reason: nil, rationale: nil, scores: [:]), by: Fixture.evaluator)
        }
        try procedure.run(.proposeAward(lotID: LotID("lot-1"), awardID: AwardID("aw-1")), by: Fixture.evaluator)
        try procedure.run(.cancel(reason: .fundingUnavailable, rationale: "Donor funding was withdrawn"), by: Fixture.officer)
        for command in [
            TenderCommand.approveAward(awardID: AwardID("aw-1")), .rejectAward(awardID: AwardID("aw-1"), reason: "No longer relevant"),
            .signContract(awardID: AwardID("aw-1"), contractID: ContractID("c"), value: nil),
        ] {
            #expect(throws: DomainError.self) { try procedure.run(command, by: Fixture.approver) }
        }
    }
}

@Suite struct MultiLotAndAmendmentTests {
    @Test func aLotsStandstillEndsWhileAnotherLotIsStillInEvaluation() throws {
        var procedure = try Procedure.published(Fixture.notice(lots: 2))
        try procedure.submit("a", by: Fixture.supplierA, prices: ["900000.00", "900000.00"])
        procedure.advance(days: 10)
        try procedure.run(.closePeriod, by: .system)
        try procedure.run(.openBids, by: Fixture.officer)
        try procedure.run(.decideBid(bidID: BidID("a"), outcome: .qualified, reason: nil, rationale: nil, scores: [:]), by: Fixture.evaluator)
        try procedure.run(.proposeAward(lotID: LotID("lot-1"), awardID: AwardID("aw-1")), by: Fixture.evaluator)
        try procedure.run(.approveAward(awardID: AwardID("aw-1")), by: Fixture.approver)
        #expect(procedure.status == .evaluation)
        procedure.advance(days: 5)
        #expect(procedure.tender?.dueCommand(at: procedure.now) == .endStandstill)
        try procedure.run(.endStandstill, by: .system)
        try procedure.run(.signContract(awardID: AwardID("aw-1"), contractID: ContractID("c-1"), value: nil), by: Fixture.approver)
        #expect(procedure.status == .evaluation)
        #expect(procedure.tender?.contracts.count == 1)
    }

    @Test func aPublishedLotKeepsItsCurrencyAndConfirmationRechecksTheOffer() throws {
        var procedure = try Procedure.published()
        try procedure.submit("a", by: Fixture.supplierA, prices: ["900000.00"])
        var notice = procedure.tender!.notice
        notice.lots[0].value = Fixture.money("1000000.00", .EUR)
        #expect(throws: DomainError.self) { try procedure.run(.amend(notice: notice, tenderPeriodEnd: nil), by: Fixture.officer) }
        notice.lots[0].value = Fixture.money("800000.00")
        try procedure.run(.amend(notice: notice, tenderPeriodEnd: nil), by: Fixture.officer)
        #expect(
            throws: DomainError.ruleViolation(
                code: "price-above-estimate",
                reason: "the price for lot lot-1 exceeds its estimated value 800000.00 UAH"
            )
        ) {
            try procedure.bid(.confirm, id: BidID("a"), by: Fixture.supplier(Fixture.supplierA))
        }
        try procedure.bid(
            .replace(lots: [LotBid(lotID: LotID("lot-1"), price: Fixture.money("790000.00"))]),
            id: BidID("a"),
            by: Fixture.supplier(Fixture.supplierA)
        )
        #expect(!procedure.bids[BidID("a")]!.needsConfirmation(against: procedure.tender!))
    }
}
