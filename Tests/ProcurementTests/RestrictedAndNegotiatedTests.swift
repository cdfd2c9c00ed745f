import Foundation
import Procurement
import Testing

@Suite struct RestrictedAndNegotiatedTests {
    @Test func restrictedRunsCandidatesThenInvitedBids() throws {
        var procedure = Procedure()
        try procedure.run(.create(id: TenderID("r"), notice: Fixture.notice(method: .restricted)), by: Fixture.officer)
        #expect(throws: DomainError.self) {
            try procedure.run(.publish(candidatePeriodEnd: nil, tenderPeriodEnd: Fixture.start + 20 * Fixture.day), by: Fixture.officer)
        }
        try procedure.run(.publish(candidatePeriodEnd: Fixture.start + 10 * Fixture.day, tenderPeriodEnd: nil), by: Fixture.officer)
        #expect(procedure.status == .candidateSelection)
        try procedure.run(.applyAsCandidate, by: Fixture.supplier(Fixture.supplierA))
        try procedure.run(.applyAsCandidate, by: Fixture.supplier(Fixture.supplierB))
        #expect(throws: DomainError.self) { try procedure.run(.applyAsCandidate, by: Fixture.supplier(Fixture.supplierA)) }
        procedure.advance(days: 10)
        #expect(throws: DomainError.self) { try procedure.run(.applyAsCandidate, by: Fixture.supplier(Fixture.supplierC)) }
        try procedure.run(.closePeriod, by: .system)
        #expect(procedure.status == .candidateQualification)
        try procedure.run(.decideCandidate(supplierID: Fixture.supplierA, qualified: true, reasonCode: nil), by: Fixture.evaluator)
        #expect(throws: DomainError.self) {
            try procedure.run(.inviteTenders(tenderPeriodEnd: procedure.now + 15 * Fixture.day), by: Fixture.officer)
        }
        #expect(throws: DomainError.self) {
            try procedure.run(.decideCandidate(supplierID: Fixture.supplierB, qualified: false, reasonCode: nil), by: Fixture.evaluator)
        }
        try procedure.run(
            .decideCandidate(supplierID: Fixture.supplierB, qualified: false, reasonCode: "security-clearance-missing"),
            by: Fixture.evaluator
        )
        #expect(throws: DomainError.self) { try procedure.run(.inviteTenders(tenderPeriodEnd: procedure.now + 2 * Fixture.day), by: Fixture.officer) }
        try procedure.run(.inviteTenders(tenderPeriodEnd: procedure.now + 15 * Fixture.day), by: Fixture.officer)
        #expect(procedure.status == .tendering)
        try procedure.submit("ra", by: Fixture.supplierA, prices: ["500000.00"])
        #expect(throws: DomainError.forbidden(code: "not-invited", reason: "your organisation is not admitted to bid in this restricted procedure")) {
            try procedure.submit("rb", by: Fixture.supplierB, prices: ["400000.00"])
        }
    }

    @Test func aRestrictedProcedureWithoutCandidatesIsUnsuccessful() throws {
        var procedure = Procedure()
        try procedure.run(.create(id: TenderID("r"), notice: Fixture.notice(method: .restricted)), by: Fixture.officer)
        try procedure.run(.publish(candidatePeriodEnd: Fixture.start + 10 * Fixture.day, tenderPeriodEnd: nil), by: Fixture.officer)
        procedure.advance(days: 10)
        try procedure.run(.closePeriod, by: .system)
        #expect(procedure.status == .unsuccessful)
    }

    @Test func negotiatedAdmitsOnlyInvitedSuppliers() throws {
        var procedure = Procedure()
        try procedure.run(.create(id: TenderID("n"), notice: Fixture.notice(method: .negotiated, invited: [Fixture.supplierA])), by: Fixture.officer)
        try procedure.run(.publish(candidatePeriodEnd: nil, tenderPeriodEnd: Fixture.start + 3 * Fixture.day), by: Fixture.officer)
        try procedure.submit("na", by: Fixture.supplierA, prices: ["990000.00"])
        #expect(throws: DomainError.self) { try procedure.submit("nb", by: Fixture.supplierB, prices: ["900000.00"]) }
        #expect(throws: DomainError.self) {
            try procedure.run(.askQuestion(id: QuestionID("q"), text: "May we bid?"), by: Fixture.supplier(Fixture.supplierB))
        }
    }
}

@Suite struct RuleBookTests {
    private func day(_ text: String) -> Date { Timestamp.parse(text + "T00:00:00Z")! }

    @Test func rulesSwitchOnTheirEffectiveDay() throws {
        let book = RuleBook.standard
        #expect(try book.rules(for: .open, on: day("2022-11-10")).minimumTenderingDays == 15)
        #expect(try book.rules(for: .open, on: day("2022-11-11")).minimumTenderingDays == 7)
        #expect(try book.rules(for: .restricted, on: day("2022-11-10")).standstillDays == 10)
        #expect(try book.rules(for: .restricted, on: day("2022-11-11")).standstillDays == 5)
        #expect(try book.rules(for: .negotiated, on: day("2021-01-01")).legalBasis.contains("2009/81"))
    }

    @Test func beforeAnyRuleNothingCanStart() {
        #expect(
            throws: DomainError.ruleViolation(code: "no-rules-in-force", reason: "no open procedure rules are in force on 2020-12-31 23:59:59 +0000")
        ) {
            try RuleBook.standard.rules(for: .open, on: day("2021-01-01") - 1)
        }
    }

    @Test func everyMethodHasRules() throws {
        for method in ProcedureMethod.allCases { _ = try RuleBook.standard.rules(for: method, on: day("2026-11-29")) }
        #expect(try RuleBook.standard.rules(for: .restricted, on: day("2026-11-29")).minimumCandidatePeriodDays != nil)
    }

    @Test func malformedDatesAreRefused() {
        let bad =
            #"[{"method":"open","effectiveFrom":"01.01.2021","legalBasis":"x","minimumTenderingDays":1,"enquiryCutoffDays":1,"minimumDaysAfterAmendment":1,"minimumBids":1,"standstillDays":1}]"#
        #expect(throws: DomainError.self) { try RuleBook(json: Data(bad.utf8)) }
    }

    @Test func underTheOldRulesASingleBidIsNotEnough() throws {
        var procedure = Procedure()
        procedure.now = day("2022-11-01")
        try procedure.run(.create(id: TenderID("t"), notice: Fixture.notice(lots: 2)), by: Fixture.officer)
        try procedure.run(.publish(candidatePeriodEnd: nil, tenderPeriodEnd: procedure.now + 15 * Fixture.day), by: Fixture.officer)
        try procedure.submit("a", by: Fixture.supplierA, prices: ["1.00", "1.00"])
        try procedure.submit("b", by: Fixture.supplierB, prices: ["2.00"])
        procedure.advance(days: 15)
        try procedure.run(.closePeriod, by: .system)
        #expect(procedure.tender?.lots.map(\.status) == [.active, .unsuccessful])
    }

    @Test func theCandidatePeriodMustMeetItsMinimumExactly() throws {
        let minimum = try #require(try RuleBook.standard.rules(for: .restricted, on: Fixture.start).minimumCandidatePeriodDays)
        var procedure = Procedure()
        try procedure.run(.create(id: TenderID("r"), notice: Fixture.notice(method: .restricted)), by: Fixture.officer)
        let end = Fixture.start + Double(minimum) * Fixture.day
        #expect(throws: DomainError.self) { try procedure.run(.publish(candidatePeriodEnd: end - 1, tenderPeriodEnd: nil), by: Fixture.officer) }
        try procedure.run(.publish(candidatePeriodEnd: end, tenderPeriodEnd: nil), by: Fixture.officer)
        #expect(procedure.status == .candidateSelection)
    }

    @Test func publishingBeforeASwitchUsesTheOldRules() throws {
        var procedure = Procedure()
        procedure.now = day("2022-11-10")
        try procedure.run(.create(id: TenderID("t"), notice: Fixture.notice()), by: Fixture.officer)
        #expect(throws: DomainError.self) {
            try procedure.run(.publish(candidatePeriodEnd: nil, tenderPeriodEnd: procedure.now + 10 * Fixture.day), by: Fixture.officer)
        }
        try procedure.run(.publish(candidatePeriodEnd: nil, tenderPeriodEnd: procedure.now + 15 * Fixture.day), by: Fixture.officer)
        #expect(procedure.tender?.rules?.minimumBids == 2)
    }
}

@Suite struct TimestampTests {
    @Test func formattingAParsedTimeGivesTheSameText() {
        for millisecond in 0..<1000 {
            let text = "2026-11-29T17:42:23.\(String(format: "%03d", millisecond))Z"
            #expect(Timestamp.parse(text).map(Timestamp.format) == text)
        }
    }

    @Test func roundsToTheNearestMillisecond() {
        #expect(Timestamp.format(Date(timeIntervalSince1970: 0.0004)) == "1970-01-01T00:00:00.000Z")
        #expect(Timestamp.format(Date(timeIntervalSince1970: 0.0006)) == "1970-01-01T00:00:00.001Z")
        #expect(Timestamp.parse("2026-11-29T17:42:23Z") != nil)
        #expect(Timestamp.parse("29.11.2026") == nil)
    }
}
