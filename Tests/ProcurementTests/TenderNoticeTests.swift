import Foundation
import Procurement
import Testing

@Suite struct TenderNoticeTests {
    @Test func createMakesADraftForTheBuyersOrganisation() throws {
        var procedure = Procedure()
        try procedure.run(.create(id: TenderID("t-1"), notice: Fixture.notice()), by: Fixture.officer)
        #expect(procedure.status == .draft)
        #expect(procedure.tender?.buyerID == Fixture.buyer)
        #expect(procedure.tender?.noticeVersion == 0)
    }

    @Test(arguments: [Fixture.supplier(Fixture.supplierA), Fixture.evaluator, Fixture.auditor, Actor.system])
    func onlyBuyerOfficersCreate(actor: Actor) {
        var procedure = Procedure()
        #expect(throws: DomainError.self) { try procedure.run(.create(id: TenderID("t"), notice: Fixture.notice()), by: actor) }
    }

    @Test func createTwiceIsAConflict() throws {
        var procedure = try Procedure.published()
        #expect(throws: DomainError.conflict(code: "tender-exists", reason: "tender t-1 already exists")) {
            try procedure.run(.create(id: TenderID("t-1"), notice: Fixture.notice()), by: Fixture.officer)
        }
    }

    @Test func invalidNoticesAreRefusedWithSpecificCodes() throws {
        func code(_ notice: TenderEvent.Notice) -> String? {
            do {
                try notice.validate()
                return nil
            } catch let error as DomainError { return error.code } catch { return "?" }
        }
        var notice = Fixture.notice()
        notice.title = "  "
        #expect(code(notice) == "invalid-length")
        notice = Fixture.notice()
        notice.lots = []
        #expect(code(notice) == "invalid-lot-count")
        notice = Fixture.notice(lots: 2)
        notice.lots[1] = Lot(id: LotID("lot-1"), title: "dup", value: Fixture.money("1.00"), items: [Fixture.item("x")])
        #expect(code(notice) == "duplicate-id")
        notice = Fixture.notice()
        notice.lots[0].value = Fixture.money("0.00")
        #expect(code(notice) == "non-positive-value")
        notice = Fixture.notice()
        notice.lots[0].items[0].quantity = 0
        #expect(code(notice) == "invalid-quantity")
        notice = Fixture.notice(method: .negotiated, invited: [Fixture.supplierA])
        notice.negotiationGround = nil
        #expect(code(notice) == "ground-required")
        notice = Fixture.notice(method: .negotiated, invited: [Fixture.supplierA])
        notice.rationale = "because"
        #expect(code(notice) == "rationale-required")
        #expect(code(Fixture.notice(method: .negotiated)) == "invitation-required")
        #expect(code(Fixture.notice(method: .open, invited: [Fixture.supplierA])) == "not-negotiated")
        #expect(
            code(Fixture.notice(criteria: .bestValue(priceWeight: 50, quality: [.init(id: "q", title: "Quality", weight: 40)]))) == "weights-not-100"
        )
        #expect(code(Fixture.notice(criteria: .bestValue(priceWeight: 100, quality: []))) == "quality-criteria-required")
        #expect(code(Fixture.notice(criteria: .lifeCycleCost(years: 0))) == "invalid-life-cycle")
        #expect(code(Fixture.notice(criteria: .bestValue(priceWeight: 60, quality: [.init(id: "q", title: "Quality", weight: 40)]))) == nil)
    }

    @Test func publishingTakesTheRulesInForceOnThatDay() throws {
        let procedure = try Procedure.published()
        let rules = try #require(procedure.tender?.rules)
        #expect(rules.effectiveFrom == "2022-11-11")
        #expect(procedure.status == .tendering)
        #expect(procedure.tender?.noticeVersion == 1)
        #expect(procedure.tender?.enquiryPeriodEnd == Fixture.start + 7 * Fixture.day)
    }

    @Test func tenderingPeriodMustMeetTheMinimumExactly() throws {
        let minimum = try RuleBook.standard.rules(for: .open, on: Fixture.start).minimumTenderingDays
        var procedure = Procedure()
        try procedure.run(.create(id: TenderID("t"), notice: Fixture.notice()), by: Fixture.officer)
        let tooSoon = Fixture.start + Double(minimum) * Fixture.day - 1
        #expect(throws: DomainError.self) { try procedure.run(.publish(candidatePeriodEnd: nil, tenderPeriodEnd: tooSoon), by: Fixture.officer) }
        try procedure.run(.publish(candidatePeriodEnd: nil, tenderPeriodEnd: tooSoon + 1), by: Fixture.officer)
        #expect(procedure.status == .tendering)
    }

    @Test func deadlinesFarInTheFutureOrForTheWrongMethodAreRefused() throws {
        var procedure = Procedure()
        try procedure.run(.create(id: TenderID("t"), notice: Fixture.notice()), by: Fixture.officer)
        #expect(throws: DomainError.self) {
            try procedure.run(.publish(candidatePeriodEnd: nil, tenderPeriodEnd: Fixture.start + 400 * Fixture.day), by: Fixture.officer)
        }
        #expect(throws: DomainError.self) {
            try procedure.run(.publish(candidatePeriodEnd: Fixture.start + 20 * Fixture.day, tenderPeriodEnd: nil), by: Fixture.officer)
        }
        #expect(throws: DomainError.self) { try procedure.run(.publish(candidatePeriodEnd: nil, tenderPeriodEnd: nil), by: Fixture.officer) }
    }

    @Test func anotherBuyerCannotTouchTheTender() throws {
        var procedure = try Procedure.published()
        #expect(throws: DomainError.forbidden(code: "wrong-organization", reason: "amending a tender is reserved to organisation dpa")) {
            try procedure.run(.amend(notice: Fixture.notice(), tenderPeriodEnd: nil), by: Fixture.foreignOfficer)
        }
        #expect(throws: DomainError.self) {
            try procedure.run(.cancel(reason: .noLongerNeeded, rationale: "Not needed any more"), by: Fixture.foreignOfficer)
        }
    }

    @Test func publishingTwiceIsAnIllegalTransition() throws {
        var procedure = try Procedure.published()
        #expect(throws: DomainError.illegalTransition(action: "publish", status: "tendering")) {
            try procedure.run(.publish(candidatePeriodEnd: nil, tenderPeriodEnd: Fixture.start + 20 * Fixture.day), by: Fixture.officer)
        }
    }

    @Test func draftAmendmentsChangeAnythingWithoutAVersion() throws {
        var procedure = Procedure()
        try procedure.run(.create(id: TenderID("t"), notice: Fixture.notice()), by: Fixture.officer)
        try procedure.run(.amend(notice: Fixture.notice(method: .restricted, lots: 2), tenderPeriodEnd: nil), by: Fixture.officer)
        #expect(procedure.tender?.method == .restricted)
        #expect(procedure.tender?.lots.count == 2)
        #expect(procedure.tender?.noticeVersion == 0)
    }

    @Test func amendingAPublishedNoticeExtendsTheDeadlineAndRaisesTheVersion() throws {
        var procedure = try Procedure.published()
        procedure.advance(days: 8)
        var notice = procedure.tender!.notice
        notice.description = "VHF radios with AES-256 encryption"
        try procedure.run(.amend(notice: notice, tenderPeriodEnd: nil), by: Fixture.officer)
        let rules = procedure.tender!.rules!
        #expect(procedure.tender?.noticeVersion == 2)
        #expect(procedure.tender?.tenderPeriodEnd == procedure.now + Double(rules.minimumDaysAfterAmendment) * Fixture.day)
        #expect(procedure.tender?.enquiryPeriodEnd == procedure.tender!.tenderPeriodEnd! - Double(rules.enquiryCutoffDays) * Fixture.day)
    }

    @Test func aPublishedNoticeKeepsItsMethodCriteriaAndDeadline() throws {
        var procedure = try Procedure.published()
        #expect(throws: DomainError.self) {
            try procedure.run(.amend(notice: Fixture.notice(criteria: .lifeCycleCost(years: 5)), tenderPeriodEnd: nil), by: Fixture.officer)
        }
        #expect(throws: DomainError.self) {
            try procedure.run(.amend(notice: Fixture.notice(), tenderPeriodEnd: Fixture.start + 9 * Fixture.day), by: Fixture.officer)
        }
    }

    @Test func questionsCloseAtTheEnquiryDeadlineAndAnswersAreOnce() throws {
        var procedure = try Procedure.published()
        try procedure.run(.askQuestion(id: QuestionID("q1"), text: "Is encryption AES-256?"), by: Fixture.supplier(Fixture.supplierA))
        #expect(throws: DomainError.self) { try procedure.run(.askQuestion(id: QuestionID("q2"), text: "?"), by: Fixture.officer) }
        try procedure.run(.answerQuestion(id: QuestionID("q1"), answer: "Yes, AES-256."), by: Fixture.officer)
        #expect(procedure.tender?.questions.first?.answer == "Yes, AES-256.")
        #expect(throws: DomainError.self) { try procedure.run(.answerQuestion(id: QuestionID("q1"), answer: "Again"), by: Fixture.officer) }
        #expect(throws: DomainError.self) { try procedure.run(.answerQuestion(id: QuestionID("nope"), answer: "x"), by: Fixture.officer) }
        procedure.advance(days: 7)
        #expect(throws: DomainError.ruleViolation(code: "enquiry-period-ended", reason: "the enquiry period has ended")) {
            try procedure.run(.askQuestion(id: QuestionID("q3"), text: "Late question"), by: Fixture.supplier(Fixture.supplierA))
        }
    }

    @Test func cancellationNeedsARationaleAndEndsEveryLot() throws {
        var procedure = try Procedure.published(Fixture.notice(lots: 2))
        #expect(throws: DomainError.self) { try procedure.run(.cancel(reason: .fundingUnavailable, rationale: "no"), by: Fixture.officer) }
        try procedure.run(.cancel(reason: .fundingUnavailable, rationale: "The budget line was withdrawn"), by: Fixture.approver)
        #expect(procedure.status == .cancelled)
        #expect(procedure.tender?.lots.allSatisfy { $0.status == .cancelled } == true)
        #expect(throws: DomainError.illegalTransition(action: "cancel", status: "cancelled")) {
            try procedure.run(.cancel(reason: .fundingUnavailable, rationale: "The budget line was withdrawn"), by: Fixture.officer)
        }
    }

    @Test func theSchedulerClosesOnlyAfterTheDeadline() throws {
        var procedure = try Procedure.published()
        #expect(throws: DomainError.self) { try procedure.run(.closePeriod, by: .system) }
        procedure.advance(days: 10)
        #expect(throws: DomainError.self) { try procedure.run(.closePeriod, by: Fixture.officer) }
        #expect(procedure.tender?.dueCommand(at: procedure.now) == .closePeriod)
    }
}

@Suite struct NoticeLimitsTests {
    @Test func lotAndItemIdsMustBeAddressable() {
        var notice = Fixture.notice()
        notice.lots[0] = Lot(id: LotID("a/b"), title: "Lot", value: Fixture.money("1.00"), items: [Fixture.item("i")])
        #expect(throws: DomainError.self) { try notice.validate() }
        notice.lots[0] = Lot(id: LotID("lot-1"), title: "Lot", value: Fixture.money("1.00"), items: [Fixture.item("")])
        #expect(throws: DomainError.self) { try notice.validate() }
    }

    @Test func aTenderTakesABoundedNumberOfQuestions() throws {
        var procedure = try Procedure.published()
        for index in 0..<300 {
            try procedure.run(.askQuestion(id: QuestionID("q\(index)"), text: "Question \(index)"), by: Fixture.supplier(Fixture.supplierA))
        }
        #expect(throws: DomainError.ruleViolation(code: "too-many-questions", reason: "a tender takes at most 300 questions")) {
            try procedure.run(.askQuestion(id: QuestionID("q300"), text: "One more"), by: Fixture.supplier(Fixture.supplierB))
        }
    }
}
