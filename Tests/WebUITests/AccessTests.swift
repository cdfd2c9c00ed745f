import Foundation
import Hummingbird
import HummingbirdTesting
import Procurement
import Storage
import Testing

/// Who may reach what through the browser: anonymous visitors, officials before and after their second factor,
/// suppliers against their rivals, forged forms and guessed passwords.
@Suite struct AccessTests {
    @Test func anonymousVisitorsAreSentToSignInFromEveryOfficialPage() async throws {
        try await WebTestApp.with { app, client in
            let tender = try await app.publishedTender()
            let browser = app.browser(client)
            for path in ["/tenders/new", "/my/bids", "/tenders/\(tender)/evaluation"] {
                let reply = try await browser.get(path)
                #expect(reply.status == .seeOther, "\(path)")
                #expect(reply.location?.hasPrefix("/sign-in?next=") == true, "\(path)")
            }
            let before = try await app.ledger.lastSequence()
            _ = try await browser.get("/tenders/\(tender)")
            for path in ["/tenders/\(tender)/opening", "/tenders/\(tender)/cancel", "/tenders/\(tender)/questions", "/tenders/\(tender)/bids"] {
                let reply = try await browser.post(path, ["reason": "force-majeure", "rationale": "tampered form submission", "text": "x"])
                #expect(reply.status == .seeOther && reply.location?.hasPrefix("/sign-in") == true, "\(path)")
            }
            let after = try await app.ledger.lastSequence()
            #expect(after == before, "no anonymous form may change anything")
        }
    }

    @Test func draftsAreNotFoundForThePublic() async throws {
        try await WebTestApp.with { app, client in
            let officer = try await app.actor("officer", kind: .procurementAgency)
            let notice = TenderEvent.Notice(
                title: "Secret draft",
                description: "",
                method: .open,
                lots: [
                    Lot(
                        id: LotID("lot-1"),
                        title: "Lot",
                        value: try Money(parsing: "10.00", .UAH),
                        items: [Item(id: ItemID("i"), description: "Thing", cpv: try CPVCode("32236000-6"), quantity: 1, unit: .piece)]
                    )
                ]
            )
            _ = try await app.ledger.execute(.create(id: TenderID("draft-1"), notice: notice), tender: TenderID("draft-1"), actor: officer)
            let reply = try await app.browser(client).get("/tenders/draft-1")
            #expect(reply.status == .notFound)
            #expect(!reply.body.contains("Secret draft"))
        }
    }

    @Test func deliveryLocationsAreWithheldFromThePublicAndDeclared() async throws {
        try await WebTestApp.with { app, client in
            let tender = try await app.publishedTender(deliveryLocation: "Depot 7, Kharkiv oblast")
            let anonymous = try await app.browser(client).get("/tenders/\(tender)")
            #expect(anonymous.status == .ok)
            #expect(!anonymous.body.contains("Depot 7"))
            #expect(anonymous.body.contains("Delivery locations of items"))
        }
    }

    @Test func officialsNeedTheirSecondFactorBeforeAnyOfficialPage() async throws {
        try await WebTestApp.with { app, client in
            let browser = app.browser(client)
            _ = try await browser.get("/sign-in")
            let reply = try await browser.post("/sign-in", ["email": "officer@example.org", "password": WebTestApp.password, "next": "/tenders/new"])
            #expect(reply.status == .seeOther)
            #expect(reply.location?.hasPrefix("/sign-in/code") == true)
            let early = try await browser.get("/tenders/new")
            #expect(early.location == "/sign-in/code", "a password alone opens nothing")
            _ = try await browser.get("/sign-in/code")
            let wrong = try await browser.post("/sign-in/code", ["code": "000000", "next": "/"])
            #expect(wrong.status == .unauthorized)
            try await browser.signIn("officer", password: WebTestApp.password, totpSecret: WebTestApp.secret("officer"))
            let page = try await browser.get("/tenders/new")
            #expect(page.status == .ok)
            #expect(page.body.contains("name=\"_csrf\""))
        }
    }

    @Test func formsWithoutTheSessionsCSRFTokenAreRefused() async throws {
        try await WebTestApp.with { app, client in
            let browser = app.browser(client)
            try await browser.signIn("officer", password: WebTestApp.password, totpSecret: WebTestApp.secret("officer"))
            _ = try await browser.get("/tenders/new")
            let before = try await app.ledger.lastSequence()
            let fields = [
                "title": "Forged", "method": "open", "criteria": "lowest-price", "lot.1.value": "100.00", "currency": "UAH",
                "lot.1.item.1.description": "Thing", "lot.1.item.1.cpv": "32236000-6", "lot.1.item.1.quantity": "1", "lot.1.item.1.unit": "H87",
            ]
            for token in ["", "forged-token"] {
                let reply = try await browser.post("/tenders/new", fields, csrf: token)
                #expect(reply.status == .forbidden)
            }
            let after = try await app.ledger.lastSequence()
            #expect(after == before)
            let accepted = try await browser.post("/tenders/new", fields)
            #expect(accepted.status == .seeOther, "the same form with the page's token is accepted")
        }
    }

    @Test func aSupplierNeverSeesARivalsBid() async throws {
        try await WebTestApp.with { app, client in
            let tender = try await app.publishedTender()
            _ = try await app.bid("supplier-a", on: tender, price: "900000.00")
            let rival = try await app.bid("supplier-b", on: tender, price: "876543.21")
            let browser = app.browser(client)
            try await browser.signIn("supplier-a", password: WebTestApp.password, totpSecret: nil)
            let page = try await browser.get("/tenders/\(tender)")
            #expect(page.status == .ok)
            #expect(page.body.contains("900,000.00"), "its own bid is shown")
            #expect(!page.body.contains("876,543.21") && !page.body.contains("876543.21"), "the rival's is not")
            let tampered = try await browser.post("/bids/\(rival)/withdraw", [:])
            #expect(tampered.status == .notFound, "a rival's bid is not found, as if it did not exist")
            let rivalBid = try await app.ledger.bid(rival)
            #expect(rivalBid?.value.status == .submitted)
            let evaluation = try await browser.get("/tenders/\(tender)/evaluation")
            #expect(evaluation.status == .forbidden)
            let officer = app.browser(client)
            try await officer.signIn("officer", password: WebTestApp.password, totpSecret: WebTestApp.secret("officer"))
            let sealed = try await officer.get("/tenders/\(tender)")
            #expect(!sealed.body.contains("876,543.21") && !sealed.body.contains("900,000.00"), "sealed from the buyer too")
        }
    }

    @Test func repeatedFailedSignInsAreThrottled() async throws {
        try await WebTestApp.with { app, client in
            let browser = app.browser(client)
            _ = try await browser.get("/sign-in")
            for _ in 0..<5 {
                let reply = try await browser.post("/sign-in", ["email": "supplier-a@example.org", "password": "wrong", "next": "/"])
                #expect(reply.status == .unauthorized)
            }
            let blocked = try await browser.post("/sign-in", ["email": "supplier-a@example.org", "password": WebTestApp.password, "next": "/"])
            #expect(blocked.status == .tooManyRequests, "even the right password waits")
        }
    }

    @Test func signingOutEndsTheSession() async throws {
        try await WebTestApp.with { app, client in
            let browser = app.browser(client)
            try await browser.signIn("supplier-a", password: WebTestApp.password, totpSecret: nil)
            let stolen = browser.cookies["qm_session"] ?? ""
            _ = try await browser.get("/my/bids")
            _ = try await browser.post("/sign-out", [:])
            let after = try await browser.get("/my/bids")
            #expect(after.status == .seeOther)
            #expect(!stolen.isEmpty)
            let replay = app.browser(client)
            replay.cookies["qm_session"] = stolen
            let replayed = try await replay.get("/my/bids")
            #expect(replayed.status == .seeOther, "the old token is worthless")
        }
    }
}
