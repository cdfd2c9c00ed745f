import Foundation
import HTTPTypes
import HummingbirdTesting
import Procurement
import Storage
import Testing

/// A life-cycle-cost tender asks each bid for the cost of ownership beside the price; the bid form offers the field
/// only there, and a bid without it is refused with nothing written.
@Suite struct LifeCycleBidTests {
    @Test func aSupplierBidsPriceAndCostOfOwnership() async throws {
        try await WebTestApp.with { app, client in
            let id = try await app.publishedTender(criteria: .lifeCycleCost(years: 10))
            let alpha = app.browser(client)
            try await alpha.signIn("supplier-a", password: WebTestApp.password, totpSecret: nil)
            let page = try await alpha.get("/tenders/\(id)")
            #expect(page.body.contains("id=\"ownership-lot-1\""))

            let refused = try await alpha.post("/tenders/\(id)/bids", ["price.lot-1": "900000.00"])
            #expect(refused.status.code >= 400)
            let none = try await app.ledger.bids(tender: id)
            #expect(none.isEmpty)

            let submitted = try await alpha.post("/tenders/\(id)/bids", ["price.lot-1": "900000.00", "ownership.lot-1": "250000.00"])
            #expect(submitted.status == .seeOther)
            let bids = try await app.ledger.bids(tender: id)
            #expect(bids.first?.lots.first?.ownershipCost == (try Money(parsing: "250000.00", .UAH)))

            let replaced = try await alpha.post("/bids/\(bids[0].id)/replace", ["price.lot-1": "880000.00", "ownership.lot-1": "240000.00"])
            #expect(replaced.status == .seeOther)
            let after = try await app.ledger.bid(bids[0].id)
            #expect(after?.value.lots.first?.lifeCycleCost == (try Money(parsing: "1120000.00", .UAH)))
        }
    }

    @Test func aLowestPriceTenderDoesNotAskForIt() async throws {
        try await WebTestApp.with { app, client in
            let id = try await app.publishedTender()
            let alpha = app.browser(client)
            try await alpha.signIn("supplier-a", password: WebTestApp.password, totpSecret: nil)
            let page = try await alpha.get("/tenders/\(id)")
            #expect(page.body.contains("id=\"price-lot-1\"") && !page.body.contains("ownership-lot-1"))
        }
    }
}
