import Foundation
import HTTPTypes
import HummingbirdTesting
import Procurement
import Server
import Storage
import Testing

/// Supplier representatives add colleagues to their own organisation only.
@Suite struct RepresentativeTests {
    @Test func aRepresentativeAddsAColleagueWhoCanSignIn() async throws {
        try await WebTestApp.with { app, client in
            let browser = app.browser(client)
            try await browser.signIn("supplier-a", password: WebTestApp.password, totpSecret: nil)
            _ = try await browser.get("/my/organization")
            let reply = try await browser.post(
                "/my/organization",
                ["person": "Second Rep", "email": "second@example.org", "password": WebTestApp.password, "organizationID": "supplier-b"]
            )
            #expect(reply.status == .ok)
            #expect(reply.body.contains("second@example.org"))
            let added = try await app.services.identity.account(email: "second@example.org")
            #expect(added?.organization.id.rawValue == "supplier-a", "the organisation comes from the session, not the form")
            let colleague = app.browser(client)
            _ = try await colleague.get("/sign-in")
            let signIn = try await colleague.post("/sign-in", ["email": "second@example.org", "password": WebTestApp.password, "next": "/my/bids"])
            #expect(signIn.location == "/my/bids")
        }
    }

    @Test func officialsAndAnonymousVisitorsCannotAddRepresentatives() async throws {
        try await WebTestApp.with { app, client in
            let anonymous = app.browser(client)
            let page = try await anonymous.get("/my/organization")
            #expect(page.location?.hasPrefix("/sign-in") == true)
            let officer = app.browser(client)
            try await officer.signIn("officer", password: WebTestApp.password, totpSecret: WebTestApp.secret("officer"))
            let refused = try await officer.get("/my/organization")
            #expect(refused.status == .forbidden)
            let posted = try await officer.post(
                "/my/organization",
                ["person": "Intruder", "email": "x@example.org", "password": WebTestApp.password]
            )
            #expect(posted.status == .forbidden)
            let intruder = try await app.services.identity.account(email: "x@example.org")
            #expect(intruder == nil)
        }
    }
}
