import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import Procurement
import Server
import Storage
import Testing

/// A restricted procedure through the browser: a supplier applies, an evaluator qualifies it, the officer invites,
/// and only the qualified candidate may bid; rivals never learn who applied.
@Suite struct RestrictedProcedureTests {
    @Test func candidatesApplyAreQualifiedAndInvited() async throws {
        try await WebTestApp.with { app, client in
            let id = try await app.publishedTender(method: .restricted)

            let alpha = app.browser(client)
            try await alpha.signIn("supplier-a", password: WebTestApp.password, totpSecret: nil)
            let open = try await alpha.get("/tenders/\(id)")
            #expect(open.body.contains("id=\"apply-candidate\""))
            #expect(!open.body.contains("id=\"submit-bid\""), "no bids before invitation")
            let applied = try await alpha.post("/tenders/\(id)/candidates", [:])
            #expect(applied.status == .seeOther)

            let bravo = app.browser(client)
            try await bravo.signIn("supplier-b", password: WebTestApp.password, totpSecret: nil)
            let rivalView = try await bravo.get("/tenders/\(id)")
            #expect(!rivalView.body.contains("Alpha Defence"), "a rival never learns who applied")

            app.time.advance(by: 12 * 86_400)
            let fired = await Scheduler(ledger: app.ledger, logger: Logger(label: "test")).tick()
            #expect(fired == 1)
            let evaluator = app.browser(client)
            try await evaluator.signIn("evaluator", password: WebTestApp.password, totpSecret: WebTestApp.secret("evaluator"))
            let listed = try await evaluator.get("/tenders/\(id)")
            #expect(listed.body.contains("Alpha Defence") && listed.body.contains("candidate-submit"))
            let decided = try await evaluator.post("/tenders/\(id)/candidates/supplier-a/decision", ["outcome": "qualified"])
            #expect(decided.status == .seeOther)

            let buyer = app.browser(client)
            try await buyer.signIn("officer", password: WebTestApp.password, totpSecret: WebTestApp.secret("officer"))
            _ = try await buyer.get("/tenders/\(id)")
            let invited = try await buyer.post("/tenders/\(id)/invitations", ["deadline": TenderFormTests.kyiv(app.time.now + 12 * 86_400)])
            #expect(invited.status == .seeOther)
            let tender = try await app.ledger.tender(id)
            #expect(tender?.value.status == .tendering)
            let invitedPage = try await alpha.get("/tenders/\(id)")
            #expect(invitedPage.body.contains("id=\"submit-bid\""), "the qualified candidate may bid")
            let outsiderPage = try await bravo.get("/tenders/\(id)")
            #expect(!outsiderPage.body.contains("id=\"submit-bid\""), "a supplier that did not qualify may not")
        }
    }
}
