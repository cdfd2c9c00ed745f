import Foundation
import Testing

@testable import Procurement

/// The publication policy: delivery locations stay with the buyer and auditors until 30 days after the procedure
/// ends, when the scheduler lifts the embargo.
@Suite struct WithholdingTests {
    static func noticeWithLocation() -> TenderEvent.Notice {
        var notice = Fixture.notice()
        notice.lots[0].items[0].deliveryLocation = "Depot 7, Kharkiv oblast"
        return notice
    }

    @Test func locationsAreWithheldUntilThirtyDaysAfterTheProcedureEnds() throws {
        var procedure = try Procedure.published(Self.noticeWithLocation())
        let running = try #require(procedure.tender)
        #expect(Disclosure.withheldFields(of: running).map(\.itemID) == [ItemID("item-1")])
        #expect(Disclosure.withheldFields(of: running).first?.availableFrom == nil, "unknown while the procedure runs")
        let anonymous = Disclosure.view(of: running, for: .anonymous)
        #expect(anonymous.lots[0].items[0].deliveryLocation == nil)
        let auditor = Viewer(organizationID: OrganizationID("audit"), roles: [.auditor], clearance: .secret)
        #expect(Disclosure.view(of: running, for: auditor).lots[0].items[0].deliveryLocation != nil)
        #expect(
            Disclosure.view(of: running, for: Viewer(organizationID: running.buyerID, roles: [.buyerOfficer], clearance: .secret)).lots[0].items[0]
                .deliveryLocation != nil
        )

        try procedure.run(.cancel(reason: .noLongerNeeded, rationale: "The need was met from stock"), by: Fixture.officer)
        let ended = try #require(procedure.tender)
        let end = procedure.now + Disclosure.deliveryLocationEmbargo
        #expect(ended.endedAt == procedure.now)
        #expect(ended.nextDeadline == end)
        #expect(Disclosure.withheldFields(of: ended).first?.availableFrom == end)
        #expect(ended.dueCommand(at: end - 1) == nil)
        #expect(throws: DomainError.self) { try procedure.run(.liftEmbargo, by: .system) }

        procedure.now = end
        #expect(ended.dueCommand(at: end) == .liftEmbargo)
        #expect(throws: DomainError.self) { try procedure.run(.liftEmbargo, by: Fixture.officer) }
        try procedure.run(.liftEmbargo, by: .system)
        let lifted = try #require(procedure.tender)
        #expect(lifted.embargoLiftedAt == end)
        #expect(lifted.nextDeadline == nil)
        #expect(Disclosure.view(of: lifted, for: .anonymous).lots[0].items[0].deliveryLocation == "Depot 7, Kharkiv oblast")
        #expect(throws: DomainError.self) { try procedure.run(.liftEmbargo, by: .system) }
    }

    @Test func aTenderWithoutWithheldFieldsHasNoEmbargo() throws {
        var procedure = try Procedure.published()
        try procedure.run(.cancel(reason: .noLongerNeeded, rationale: "The need was met from stock"), by: Fixture.officer)
        #expect(procedure.tender?.nextDeadline == nil)
    }

    @Test func theFeedsCopyOfANoticeLeavesTheLocationOut() throws {
        let published = TenderEvent.published(
            .init(
                notice: Self.noticeWithLocation(),
                rules: try RuleBook.standard.rules(for: .open, on: Fixture.start),
                status: .tendering,
                candidatePeriodEnd: nil,
                enquiryPeriodEnd: nil,
                tenderPeriodEnd: nil,
                at: Fixture.start
            )
        )
        guard case .published(let redacted) = Disclosure.redacted(published) else {
            Issue.record("redaction changed the event's kind")
            return
        }
        #expect(redacted.notice.lots[0].items[0].deliveryLocation == nil)
        #expect(redacted.notice.lots[0].items[0].description == "Tactical radio set")
    }
}
