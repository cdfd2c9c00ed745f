import Foundation
import Procurement
import Testing

/// Every user command against a tender in every status: exactly the expected ones are accepted, and every other one
/// is refused for the tender's state (never for a missing role or malformed input, which other tests cover).
@Suite struct TransitionMatrixTests {
    enum Step: String, CaseIterable {
        case amend, publish, askQuestion, answerQuestion, applyAsCandidate, decideCandidate, inviteTenders, openBids, decideBid
        case proposeAward, approveAward, rejectAward, declareLotUnsuccessful, signContract, cancel
    }

    static let expected: [String: Set<Step>] = [
        "draft": [.amend, .publish, .cancel],
        "candidate-selection": [.amend, .askQuestion, .applyAsCandidate, .cancel],
        "candidate-qualification": [.decideCandidate, .inviteTenders, .cancel],
        "tendering": [.amend, .askQuestion, .answerQuestion, .cancel],
        "awaiting-opening": [.openBids, .cancel],
        "evaluation": [.decideBid, .proposeAward, .declareLotUnsuccessful, .cancel],
        "evaluation-award-pending": [.approveAward, .rejectAward, .cancel],
        "standstill": [.cancel],
        "awarded": [.signContract, .cancel],
        "complete": [],
        "unsuccessful": [],
        "cancelled": [],
    ]

    @Test(arguments: Array(expected.keys).sorted())
    func onlyTheExpectedCommandsAreAccepted(fixture: String) throws {
        let procedure = try Self.fixture(fixture)
        var accepted: Set<Step> = []
        for step in Step.allCases {
            var attempt = procedure
            let (command, actor) = Self.command(step, in: attempt)
            do {
                try attempt.run(command, by: actor)
                accepted.insert(step)
            } catch let error as DomainError {
                #expect(
                    [.illegalState, .rule, .notFound, .conflict].contains(error.kind),
                    "\(step) in \(fixture) was refused for \(error.code), not for the tender's state"
                )
            }
        }
        #expect(accepted == Self.expected[fixture], "\(fixture)")
    }

    static func command(_ step: Step, in procedure: Procedure) -> (TenderCommand, Actor) {
        let tender = procedure.tender!
        let later = procedure.now + 15 * Fixture.day
        switch step {
        case .amend: return (.amend(notice: tender.notice, tenderPeriodEnd: nil), Fixture.officer)
        case .publish: return (.publish(candidatePeriodEnd: nil, tenderPeriodEnd: later), Fixture.officer)
        case .askQuestion: return (.askQuestion(id: QuestionID("q-new"), text: "A new question"), Fixture.supplier(Fixture.supplierA))
        case .answerQuestion: return (.answerQuestion(id: QuestionID("q-1"), answer: "An answer"), Fixture.officer)
        case .applyAsCandidate: return (.applyAsCandidate, Fixture.supplier(Fixture.supplierC))
        case .decideCandidate: return (.decideCandidate(supplierID: Fixture.supplierB, qualified: true, reasonCode: nil), Fixture.evaluator)
        case .inviteTenders: return (.inviteTenders(tenderPeriodEnd: later), Fixture.officer)
        case .openBids: return (.openBids, Fixture.officer)
        case .decideBid: return (.decideBid(bidID: BidID("bid-a"), outcome: .qualified, reason: nil, rationale: nil, scores: [:]), Fixture.evaluator)
        case .proposeAward: return (.proposeAward(lotID: LotID("lot-1"), awardID: AwardID("aw-new")), Fixture.evaluator)
        case .approveAward: return (.approveAward(awardID: AwardID("aw-1")), Fixture.approver)
        case .rejectAward: return (.rejectAward(awardID: AwardID("aw-1"), reason: "The winner's licence expired"), Fixture.approver)
        case .declareLotUnsuccessful: return (.declareLotUnsuccessful(lotID: LotID("lot-1"), reason: "No acceptable offer"), Fixture.officer)
        case .signContract: return (.signContract(awardID: AwardID("aw-1"), contractID: ContractID("c-1"), value: nil), Fixture.approver)
        case .cancel: return (.cancel(reason: .noLongerNeeded, rationale: "Requirement withdrawn by the General Staff"), Fixture.officer)
        }
    }

    static func fixture(_ name: String) throws -> Procedure {
        switch name {
        case "draft":
            var procedure = Procedure()
            try procedure.run(.create(id: TenderID("t-1"), notice: Fixture.notice()), by: Fixture.officer)
            return procedure
        case "candidate-selection", "candidate-qualification":
            var procedure = Procedure()
            try procedure.run(.create(id: TenderID("r"), notice: Fixture.notice(method: .restricted)), by: Fixture.officer)
            try procedure.run(.publish(candidatePeriodEnd: Fixture.start + 10 * Fixture.day, tenderPeriodEnd: nil), by: Fixture.officer)
            try procedure.run(.applyAsCandidate, by: Fixture.supplier(Fixture.supplierA))
            try procedure.run(.applyAsCandidate, by: Fixture.supplier(Fixture.supplierB))
            guard name == "candidate-qualification" else { return procedure }
            procedure.advance(days: 10)
            try procedure.run(.closePeriod, by: .system)
            try procedure.run(.decideCandidate(supplierID: Fixture.supplierA, qualified: true, reasonCode: nil), by: Fixture.evaluator)
            try procedure.run(.decideCandidate(supplierID: Fixture.supplierB, qualified: false, reasonCode: "sanctions"), by: Fixture.evaluator)
            return procedure
        case "tendering":
            var procedure = try Procedure.published()
            try procedure.run(.askQuestion(id: QuestionID("q-1"), text: "Which band?"), by: Fixture.supplier(Fixture.supplierB))
            try procedure.submit("bid-a", by: Fixture.supplierA, prices: ["900000.00"])
            return procedure
        case "awaiting-opening":
            var procedure = try Procedure.published()
            try procedure.submit("bid-a", by: Fixture.supplierA, prices: ["900000.00"])
            procedure.advance(days: 10)
            try procedure.run(.closePeriod, by: .system)
            return procedure
        case "evaluation", "evaluation-award-pending", "standstill", "awarded", "complete":
            var procedure = try Procedure.opened()
            for bid in ["bid-a", "bid-b", "bid-c"] {
                try procedure.run(.decideBid(bidID: BidID(bid), outcome: .qualified, reason: nil, rationale: nil, scores: [:]), by: Fixture.evaluator)
            }
            if name == "evaluation" { return procedure }
            try procedure.run(.proposeAward(lotID: LotID("lot-1"), awardID: AwardID("aw-1")), by: Fixture.evaluator)
            if name == "evaluation-award-pending" { return procedure }
            try procedure.run(.approveAward(awardID: AwardID("aw-1")), by: Fixture.approver)
            if name == "standstill" { return procedure }
            procedure.advance(days: 5)
            try procedure.run(.endStandstill, by: .system)
            if name == "awarded" { return procedure }
            try procedure.run(.signContract(awardID: AwardID("aw-1"), contractID: ContractID("c-0"), value: nil), by: Fixture.approver)
            return procedure
        case "unsuccessful":
            var procedure = try Procedure.published()
            procedure.advance(days: 10)
            try procedure.run(.closePeriod, by: .system)
            return procedure
        case "cancelled":
            var procedure = try Procedure.published()
            try procedure.run(.cancel(reason: .forceMajeure, rationale: "Depot destroyed by a missile strike"), by: Fixture.officer)
            return procedure
        default:
            throw DomainError.notFound(entity: "fixture", id: name)
        }
    }

    @Test func everyStatusHasAFixture() throws {
        let reached = try Set(Self.expected.keys.map { try Self.fixture($0).status! })
        #expect(reached == Set(TenderStatus.allCases))
    }
}
