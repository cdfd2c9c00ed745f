import DatabaseTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Procurement
import Storage
import Testing
import WebUI

/// The TOTP second factor over HTTP: enrolment of an official without a secret, codes refused when replayed, and
/// the enrolment page out of reach of everyone but the official signing in.
@Suite struct SecondFactorTests {
    static let evaluator = UserID("user-evaluator")

    /// Signs in with the password only; returns where the server sends the official next.
    static func password(_ browser: Browser, _ name: String) async throws -> String? {
        _ = try await browser.get("/sign-in")
        return try await browser.post("/sign-in", ["email": "\(name)@example.org", "password": WebTestApp.password, "next": "/"]).location
    }

    @Test func anOfficialWithoutASecretEnrolsAndItIsActiveOnlyOnceConfirmed() async throws {
        try await WebTestApp.with { app, client in
            let tender = try await app.publishedTender()
            let access = WebAccessStore(database: app.world.database)
            _ = try await access.resetSecondFactor(user: Self.evaluator, at: app.wall.now)
            let browser = app.browser(client)
            _ = try await browser.get("/sign-in")
            let signedIn = try await browser.post(
                "/sign-in",
                ["email": "evaluator@example.org", "password": WebTestApp.password, "next": "/tenders/\(tender)/evaluation"]
            )
            #expect(signedIn.location?.removingPercentEncoding == "/sign-in/enrol?next=/tenders/\(tender)/evaluation")
            let early = try await browser.get("/tenders/\(tender)/evaluation")
            #expect(early.location == "/sign-in/code", "a password alone opens nothing")
            let page = try await browser.get(try #require(signedIn.location))
            #expect(page.status == .ok)
            let pending = try #require(try await access.credentials(user: Self.evaluator)?.pendingSecret)
            #expect(page.body.contains("data-secret=\"\(Secrets.base32(pending))\""), "the key is shown in base32")
            #expect(
                page.body.contains("otpauth://totp/Quartermaster:evaluator") && page.body.contains("?secret=\(Secrets.base32(pending))&amp;issuer=")
            )
            let reloaded = try await browser.get(try #require(signedIn.location))
            #expect(reloaded.body.contains(Secrets.base32(pending)), "a reload shows the same key")
            #expect(try await access.credentials(user: Self.evaluator)?.totpSecret == nil, "not active before a code confirms it")

            let wrong = try await browser.post("/sign-in/enrol", ["code": "000000", "next": "/"])
            #expect(wrong.status == .unauthorized)
            #expect(wrong.body.contains("The code is wrong"))
            #expect(try await access.credentials(user: Self.evaluator)?.totpSecret == nil)

            let code = browser.code(pending)
            let confirmed = try await browser.post("/sign-in/enrol", ["code": code, "next": "/tenders/\(tender)/evaluation"])
            #expect(confirmed.location == "/tenders/\(tender)/evaluation")
            #expect(try await access.credentials(user: Self.evaluator)?.totpSecret == pending)
            let evaluation = try await browser.get("/tenders/\(tender)/evaluation")
            #expect(evaluation.status == .ok)
            let again = try await browser.get("/sign-in/enrol")
            #expect(again.status == .forbidden, "a signed-in official does not enrol again")

            let replay = app.browser(client)
            #expect(try await Self.password(replay, "evaluator")?.hasPrefix("/sign-in/code") == true, "now asked for a code, not enrolment")
            _ = try await replay.get("/sign-in/code")
            let reused = try await replay.post("/sign-in/code", ["code": code, "next": "/"])
            #expect(reused.status == .unauthorized)
            #expect(reused.body.contains("already been used"), "the enrolment's code cannot sign in again")
        }
    }

    @Test func aCodeIsRefusedOnceUsedEvenWithinItsWindow() async throws {
        try await WebTestApp.with { app, client in
            let secret = WebTestApp.secret("officer")
            let first = app.browser(client)
            try await first.signIn("officer", password: WebTestApp.password, totpSecret: secret)
            #expect(try await first.get("/tenders/new").status == .ok)
            let used = first.code(secret)

            let attacker = app.browser(client)
            _ = try await Self.password(attacker, "officer")
            _ = try await attacker.get("/sign-in/code")
            let replayed = try await attacker.post("/sign-in/code", ["code": used, "next": "/"])
            #expect(replayed.status == .unauthorized)
            #expect(replayed.body.contains("already been used"))
            #expect(try await attacker.get("/tenders/new").location == "/sign-in/code", "the replay opened nothing")

            app.wall.advance(by: 30)
            let stillInWindow = try await attacker.post("/sign-in/code", ["code": used, "next": "/"])
            #expect(stillInWindow.body.contains("already been used"), "the previous step's code is still in its window, and still used")
            let fresh = try await attacker.post("/sign-in/code", ["code": attacker.code(secret), "next": "/tenders/new"])
            #expect(fresh.location == "/tenders/new", "the next code is accepted")
        }
    }

    @Test func noOneButTheOfficialSigningInReachesEnrolment() async throws {
        try await WebTestApp.with { app, client in
            let access = WebAccessStore(database: app.world.database)
            _ = try await access.resetSecondFactor(user: Self.evaluator, at: app.wall.now)

            let anonymous = app.browser(client)
            #expect(try await anonymous.get("/sign-in/enrol").location?.hasPrefix("/sign-in?next=") == true)
            _ = try await anonymous.get("/sign-in")
            let anonymousPost = try await anonymous.post("/sign-in/enrol", ["code": "123456"])
            #expect(anonymousPost.location?.hasPrefix("/sign-in") == true)

            let supplier = app.browser(client)
            try await supplier.signIn("supplier-a", password: WebTestApp.password, totpSecret: nil)
            #expect(try await supplier.get("/sign-in/enrol?user=user-evaluator").status == .forbidden)
            _ = try await supplier.get("/my/bids")
            #expect(try await supplier.post("/sign-in/enrol", ["code": "123456", "user": "user-evaluator"]).status == .forbidden)

            // An enrolled official who knows only the password cannot see or replace the secret.
            let intruder = app.browser(client)
            #expect(try await SecondFactorTests.password(intruder, "officer")?.hasPrefix("/sign-in/code") == true)
            let page = try await intruder.get("/sign-in/enrol?user=user-evaluator")
            #expect(page.location?.hasPrefix("/sign-in/code") == true)
            #expect(!page.body.contains("data-secret"))
            _ = try await intruder.get("/sign-in/code")
            _ = try await intruder.post("/sign-in/enrol", ["code": "123456", "next": "/"])
            let officer = try await access.credentials(user: UserID("user-officer"))
            #expect(officer?.totpSecret == WebTestApp.secret("officer") && officer?.pendingSecret == nil)
            let evaluator = try await access.credentials(user: Self.evaluator)
            #expect(evaluator?.pendingSecret == nil, "nobody started the evaluator's enrolment")
        }
    }
}
