import DatabaseTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import Procurement
import Server
import Storage
import Testing

/// The officer's guided draft: codes looked up without JavaScript, refusals explained in the form, and a draft
/// published with a deadline checked against the dated rules.
@Suite struct TenderFormTests {
    static let fields = [
        "title": "Field radios", "method": "open", "criteria": "lowest-price", "lot.1.value": "250000.00", "currency": "EUR",
        "lot.1.item.1.description": "Handheld radio", "lot.1.item.1.cpv": "32236000-6", "lot.1.item.1.nsn": "5820-01-234-5678",
        "lot.1.item.1.quantity": "40", "lot.1.item.1.unit": "H87",
    ]

    @Test func checkingTheCodesNamesThemAndCreatesNothing() async throws {
        try await WebTestApp.with { app, client in
            let browser = app.browser(client)
            try await browser.signIn("officer", password: WebTestApp.password, totpSecret: WebTestApp.secret("officer"))
            _ = try await browser.get("/tenders/new")
            var fields = Self.fields
            fields["check"] = "1"
            fields["lot.1.item.2.cpv"] = "32236000-2"
            fields["lot.1.item.2.description"] = "Antenna"
            let reply = try await browser.post("/tenders/new", fields)
            #expect(reply.status == .ok)
            #expect(reply.body.contains("Radio telephones"), "the CPV title is shown")
            #expect(reply.body.contains("The CPV code is not valid"), "a wrong code says why")
            let before = try await app.ledger.lastSequence()
            #expect(before == Int64(TestCast.organizations.count), "only the registrations")
        }
    }

    @Test func aDraftIsCreatedAndPublishedThroughTheForms() async throws {
        try await WebTestApp.with { app, client in
            let browser = app.browser(client)
            try await browser.signIn("officer", password: WebTestApp.password, totpSecret: WebTestApp.secret("officer"))
            _ = try await browser.get("/tenders/new")
            let created = try await browser.post("/tenders/new", Self.fields)
            #expect(created.status == .seeOther)
            let path = try #require(created.location?.split(separator: "?").first.map(String.init))
            let draft = try await browser.get(path)
            #expect(draft.body.contains("id=\"publish\""))
            let tooEarly = try await browser.post("\(path)/publish", ["deadline": Self.kyiv(app.time.now + 86_400)])
            #expect(tooEarly.status == .unprocessableContent, "one day is below the minimum the rules set")
            #expect(tooEarly.body.contains("The deadline is too early"))
            let published = try await browser.post("\(path)/publish", ["deadline": Self.kyiv(app.time.now + 9 * 86_400)])
            #expect(published.status == .seeOther)
            let tender = try await app.ledger.tender(TenderID(String(path.dropFirst("/tenders/".count))))
            #expect(tender?.value.status == .tendering)
            #expect(tender?.value.lots.first?.items.first?.nsn?.value == "5820012345678")
        }
    }

    static func kyiv(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Kyiv")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!)
    }
}

/// After opening, the officer may declare a lot unsuccessful with a reason, from the evaluation page.
@Suite struct UnsuccessfulLotTests {
    @Test func theOfficerDeclaresALotUnsuccessful() async throws {
        try await WebTestApp.with { app, client in
            let tender = try await app.publishedTender()
            _ = try await app.bid("supplier-a", on: tender, price: "900000.00")
            app.time.advance(by: 9 * 86_400)
            _ = await Scheduler(ledger: app.ledger, logger: Logger(label: "test")).tick()
            let officer = app.browser(client)
            try await officer.signIn("officer", password: WebTestApp.password, totpSecret: WebTestApp.secret("officer"))
            _ = try await officer.get("/tenders/\(tender)")
            let opened = try await officer.post("/tenders/\(tender)/opening", [:])
            #expect(opened.location == "/tenders/\(tender)/evaluation?done=opened")
            let page = try await officer.get("/tenders/\(tender)/evaluation")
            #expect(page.body.contains("/lots/lot-1/unsuccessful"))
            let declared = try await officer.post("/tenders/\(tender)/lots/lot-1/unsuccessful", ["reason": "The only bid exceeds the budget."])
            #expect(declared.status == .seeOther)
            let lot = try await app.ledger.tender(tender)?.value.lots.first
            #expect(lot?.status == .unsuccessful)
        }
    }
}
