import Foundation
import HTTPTypes
import HummingbirdTesting
import Procurement
import Storage
import Testing

/// The guided form with several lots and award criteria, without JavaScript: rows are added by posting the form
/// back, every problem is shown next to its field at once, and nothing is created until there is none.
@Suite struct TenderDraftTests {
    static let fields = [
        "title": "Radios and batteries", "method": "open", "currency": "UAH",
        "criteria": "best-value", "price_weight": "60",
        "criterion.1.title": "Range", "criterion.1.weight": "25",
        "criterion.2.title": "Battery life", "criterion.2.weight": "15",
        "criterion.3.title": "", "criterion.3.weight": "",
        "lot.1.title": "Radios", "lot.1.value": "1 200 000,50",
        "lot.1.item.1.description": "Handheld radio", "lot.1.item.1.cpv": "32236000-6", "lot.1.item.1.nsn": "5820-01-234-5678",
        "lot.1.item.1.quantity": "40", "lot.1.item.1.unit": "H87",
        "lot.1.item.2.description": "Vehicle radio", "lot.1.item.2.cpv": "32236000-6", "lot.1.item.2.quantity": "10", "lot.1.item.2.unit": "H87",
        "lot.1.item.3.description": "", "lot.1.item.3.cpv": "", "lot.1.item.3.quantity": "1", "lot.1.item.3.unit": "H87",
        "lot.2.title": "Batteries", "lot.2.value": "300000",
        "lot.2.item.1.description": "Battery pack", "lot.2.item.1.cpv": "38632000-4", "lot.2.item.1.quantity": "200", "lot.2.item.1.unit": "H87",
        "lot.3.title": "", "lot.3.value": "", "lot.3.item.1.description": "", "lot.3.item.1.quantity": "1",
    ]

    static func officer(_ app: WebTestApp, _ client: any TestClientProtocol) async throws -> Browser {
        let browser = app.browser(client)
        try await browser.signIn("officer", password: WebTestApp.password, totpSecret: WebTestApp.secret("officer"))
        _ = try await browser.get("/tenders/new")
        return browser
    }

    @Test func severalLotsAndWeightedCriteriaMakeOneDraft() async throws {
        try await WebTestApp.with { app, client in
            let browser = try await Self.officer(app, client)
            let created = try await browser.post("/tenders/new", Self.fields)
            #expect(created.status == .seeOther)
            let id = try #require(created.location?.split(separator: "?").first?.split(separator: "/").last.map(String.init))
            let tender = try #require(try await app.ledger.tender(TenderID(id))?.value)
            #expect(tender.lots.map(\.id.rawValue) == ["lot-1", "lot-2"], "the blank third lot is ignored")
            #expect(tender.lots.map(\.title) == ["Radios", "Batteries"])
            #expect(tender.lots.map { $0.items.count } == [2, 1])
            #expect(tender.lots[0].value == (try Money(parsing: "1200000.50", .UAH)))
            #expect(tender.lots[0].items[0].nsn?.value == "5820012345678")
            #expect(
                tender.criteria
                    == .bestValue(
                        priceWeight: 60,
                        quality: [.init(id: "q1", title: "Range", weight: 25), .init(id: "q2", title: "Battery life", weight: 15)]
                    )
            )
            let page = try await browser.get("/tenders/\(id)")
            #expect(page.body.contains("Range 25%") && page.body.contains("Battery life 15%"))
        }
    }

    @Test func everyProblemIsShownAtItsFieldAndNothingIsCreated() async throws {
        try await WebTestApp.with { app, client in
            let browser = try await Self.officer(app, client)
            let before = try await app.ledger.lastSequence()
            var fields = Self.fields
            fields["criterion.2.weight"] = "5"
            fields["lot.1.item.1.cpv"] = "32236000-2"
            fields["lot.2.value"] = ""
            fields["lot.2.item.1.quantity"] = "0"
            fields["lot.2.title"] = ""
            let reply = try await browser.post("/tenders/new", fields)
            #expect(reply.status == .unprocessableContent)
            let body = reply.body
            #expect(body.contains("id=\"criteria-problem\">The weights add up to 90%"))
            #expect(body.contains("id=\"lot-1-item-1-cpv-problem\">The CPV code is not valid"))
            #expect(body.contains("id=\"lot-2-value-problem\">Fill this in."))
            #expect(body.contains("id=\"lot-2-title-problem\">Fill this in."), "with two lots each needs a title")
            #expect(body.contains("id=\"lot-2-item-1-quantity-problem\">The quantity must be a whole number from 1 to 100,000,000."))
            #expect(body.contains("aria-describedby=\"lot-1-item-1-cpv-problem\""))
            #expect(body.contains("<a href=\"#lot-2-value\">"), "the summary links to each field")
            #expect(body.contains("value=\"Battery life\"") && body.contains("value=\"1 200 000,50\""), "what was entered is kept")
            let after = try await app.ledger.lastSequence()
            #expect(after == before)
        }
    }

    @Test func weightsThatAreNotWholeNumbersOrMissingTitlesAreNamed() async throws {
        try await WebTestApp.with { app, client in
            let browser = try await Self.officer(app, client)
            var fields = Self.fields
            fields["criterion.1.weight"] = "twenty"
            fields["criterion.2.title"] = ""
            let reply = try await browser.post("/tenders/new", fields)
            #expect(reply.status == .unprocessableContent)
            #expect(reply.body.contains("id=\"criterion-1-weight-problem\">Enter a whole number."))
            #expect(reply.body.contains("id=\"criterion-2-title-problem\">Fill this in."))
        }
    }

    @Test func addButtonsAddARowAndKeepWhatWasEntered() async throws {
        try await WebTestApp.with { app, client in
            let browser = try await Self.officer(app, client)
            let before = try await app.ledger.lastSequence()
            var fields = Self.fields
            fields["add"] = "lot"
            let lot = try await browser.post("/tenders/new", fields)
            #expect(lot.status == .ok)
            #expect(lot.body.contains("id=\"lot-4-title\""))
            #expect(lot.body.contains("value=\"Battery pack\""))
            fields["add"] = "item.2"
            let item = try await browser.post("/tenders/new", fields)
            #expect(item.body.contains("id=\"lot-2-item-2-description\"") && !item.body.contains("id=\"lot-2-item-3-description\""))
            fields["add"] = "criterion"
            let criterion = try await browser.post("/tenders/new", fields)
            #expect(criterion.body.contains("id=\"criterion-4-title\""))
            fields["add"] = "lot"
            fields["lot.5000.title"] = "forged"
            let forged = try await browser.post("/tenders/new", fields)
            #expect(forged.status == .ok && !forged.body.contains("lot-5000"), "rows beyond the domain's bounds are not drawn")
            let after = try await app.ledger.lastSequence()
            #expect(after == before)
        }
    }

    @Test func onlyBuyerOfficersReachTheForm() async throws {
        try await WebTestApp.with { app, client in
            let anonymous = app.browser(client)
            #expect(try await anonymous.get("/tenders/new").location?.hasPrefix("/sign-in?next=") == true)
            let supplier = app.browser(client)
            try await supplier.signIn("supplier-a", password: WebTestApp.password, totpSecret: nil)
            #expect(try await supplier.get("/tenders/new").status == .forbidden)
            _ = try await supplier.get("/my/bids")
            let before = try await app.ledger.lastSequence()
            #expect(try await supplier.post("/tenders/new", Self.fields).status == .forbidden)
            let evaluator = app.browser(client)
            try await evaluator.signIn("evaluator", password: WebTestApp.password, totpSecret: WebTestApp.secret("evaluator"))
            #expect(try await evaluator.get("/tenders/new").status == .forbidden)
            let after = try await app.ledger.lastSequence()
            #expect(after == before)
        }
    }
}
