import Foundation
import HTTPTypes
import HummingbirdTesting
import Procurement
import Testing

/// Sessions end after 30 minutes without a request, and 8 hours after sign-in however busy; the sign-in page then
/// says why.
@Suite struct SessionTests {
    @Test func aSessionEndsAfterThirtyIdleMinutesAndRequestsKeepItAlive() async throws {
        try await WebTestApp.with { app, client in
            let browser = app.browser(client)
            try await browser.signIn("supplier-a", password: WebTestApp.password, totpSecret: nil)
            for _ in 0..<3 {
                app.wall.advance(by: 29 * 60)
                #expect(try await browser.get("/my/bids").status == .ok, "a request within 30 minutes keeps the session")
            }
            app.wall.advance(by: 31 * 60)
            let ended = try await browser.get("/my/bids")
            #expect(ended.location?.hasPrefix("/sign-in?ended=1&next=") == true)
            #expect(browser.cookies["qm_session"] == nil, "the dead cookie is dropped")
            let signIn = try await browser.get(try #require(ended.location))
            #expect(signIn.body.contains("Your session has ended"))
        }
    }

    @Test func aBusySessionStillEndsEightHoursAfterSignIn() async throws {
        try await WebTestApp.with { app, client in
            let browser = app.browser(client)
            try await browser.signIn("officer", password: WebTestApp.password, totpSecret: WebTestApp.secret("officer"))
            for _ in 0..<19 {
                app.wall.advance(by: 25 * 60)
                #expect(try await browser.get("/tenders/new").status == .ok)
            }
            app.wall.advance(by: 10 * 60)
            #expect(try await browser.get("/tenders/new").location?.hasPrefix("/sign-in?ended=1") == true, "8 hours and 5 minutes after sign-in")
        }
    }
}
