import Foundation
import HTTPTypes
import Procurement
import Server
import Testing

/// OCDS over HTTP: a whole procedure as releases and a record, release ids that are log indexes, and a delivery
/// location withheld from the public until its embargo ends, then published in a new release.
@Suite struct OCDSPublicationTests {
    static let location = "Depot 7, Kharkiv oblast"

    @Test func aProcedureIsPublishedAsReleasesAndARecordWithItsDeliveryLocationEmbargoed() async throws {
        try await TestApp.with { app, client in
            let tender = try await runProcedure(app, client)
            let ocid = "ocds-qmdemo-\(tender)"

            let page = try await client.get("/ocds/releases?after=0&limit=1000")
            let releases = try #require(page.json["releases"]?.arrayValue).filter { $0["ocid"] == .string(ocid) }
            let tags = releases.compactMap { $0["tag"]?.arrayValue?.first?.stringValue }
            #expect(tags.first == "tender", "the draft is never published: \(tags)")
            #expect(tags.filter { $0 == "award" }.count == 1)
            #expect(tags.last == "contract")
            #expect(!page.text.contains(Self.location))
            #expect(page.headers[HTTPField.Name("Link")!]?.contains("rel=\"next\"") == true)

            // Release ids are the events' log indexes; every public event of the tender has exactly one release.
            let feed = try await client.get("/api/v1/events?tender=\(tender)&limit=1000")
            let logIndexes = try #require(feed.json["events"]?.arrayValue).compactMap { $0["logIndex"]?.intValue }.map(String.init)
            #expect(releases.compactMap { $0["id"]?.stringValue } == logIndexes)
            #expect(!feed.text.contains(Self.location), "the public feed carries the notice without the withheld location")

            let record = try await client.get("/ocds/records/\(ocid)")
            let compiled = try #require(record.json["records"]?[0]?["compiledRelease"])
            #expect(compiled["tag"] == .array([.string("compiled")]))
            #expect(compiled["tender"]?["status"] == .string("complete"))
            #expect(compiled["bids"]?["details"]?.arrayValue?.count == 2)
            #expect(compiled["awards"]?[0]?["status"] == .string("active"))
            #expect(compiled["contracts"]?[0]?["value"]?["amount"] == .number(870000))
            #expect(compiled["tender"]?["milestones"] == nil)
            let withheld = try #require(compiled["withheldInformation"]?[0])
            #expect(withheld["field"] == .string("tender/milestones/description"))
            #expect(withheld["availabilityDate"]?.stringValue != nil, "the procedure has ended, so the embargo's end is known")
            #expect(!record.text.contains(Self.location))

            // The auditor's authenticated view holds the value; the buyer's too.
            for reader in ["auditor", "officer"] {
                let full = try await client.get("/ocds/records/\(ocid)", as: reader)
                #expect(full.json["records"]?[0]?["compiledRelease"]?["tender"]?["milestones"]?[0]?["description"] == .string(Self.location))
            }
            let beforeLift = try await client.get("/api/v1/tenders/\(tender)")
            #expect(!beforeLift.text.contains(Self.location))

            // 30 days after the procedure ended, the scheduler lifts the embargo: a new release publishes the value.
            app.time.advance(by: 29 * TestApp.day)
            #expect(await app.tick() == 0)
            app.time.advance(by: 2 * TestApp.day)
            #expect(await app.tick() == 1)
            let lifted = try await client.get("/ocds/records/\(ocid)")
            let after = try #require(lifted.json["records"]?[0])
            #expect(after["releases"]?.arrayValue?.last?["tag"] == .array([.string("tenderUpdate")]))
            #expect(after["compiledRelease"]?["tender"]?["milestones"]?[0]?["description"] == .string(Self.location))
            #expect(try await client.get("/api/v1/tenders/\(tender)").text.contains(Self.location))

            // One release by id; unknown and sealed leaves are not found.
            let first = try #require(releases.first?["id"]?.stringValue)
            let single = try await client.get("/ocds/releases/\(first)")
            #expect(single.json["releases"]?[0]?["id"] == .string(first))
            #expect(single.json["releases"]?.arrayValue?.count == 1)
            for missing in ["0", "999999", "abc", "-1"] {
                #expect(try await client.get("/ocds/releases/\(missing)").status == .notFound, "\(missing)")
            }
            for missing in ["ocds-qmdemo-nope", "ocds-other1-\(tender)", tender] {
                #expect(try await client.get("/ocds/records/\(missing)").status == .notFound, "\(missing)")
            }
            let policy = try await client.get("/ocds/publication-policy")
            #expect(policy.text.contains("30 days after the procedure ends"))
        }
    }

    @Test func pagesFollowTheFeedWithoutGapsOrRepeats() async throws {
        try await TestApp.with { app, client in
            _ = try await runProcedure(app, client)
            let all = try await client.get("/ocds/releases?limit=1000").json["releases"]?.arrayValue ?? []
            var paged: [JSONValue] = []
            var after = 0
            for _ in 0..<200 {
                let page = try await client.get("/ocds/releases?after=\(after)&limit=3")
                paged += page.json["releases"]?.arrayValue ?? []
                let link = try #require(page.headers[HTTPField.Name("Link")!])
                let next = try #require(Int(link.firstMatch(of: /after=([0-9]+)/)?.1 ?? ""))
                if next == after { break }
                after = next
            }
            #expect(paged == all)
            #expect(all.count > 5)
            #expect(try await client.get("/ocds/releases?limit=0").status == .badRequest)
        }
    }

    @Test func classifiedProceduresAreNeverPublished() async throws {
        try await TestApp.with { app, client in
            let created = try await client.post(
                "/api/v1/tenders",
                as: "officer",
                json: Payload.notice(title: "Classified radios", classification: "restricted")
            )
            let tender = try #require(created.string("id"))
            #expect(try await client.post("/api/v1/tenders/\(tender)/publish", as: "officer", json: Payload.publish(days: 10)).status == .ok)
            let page = try await client.get("/ocds/releases?limit=1000")
            #expect(!page.text.contains("Classified radios"))
            #expect(try await client.get("/ocds/records/ocds-qmdemo-\(tender)").status == .notFound)
            let cleared = try await client.get("/ocds/records/ocds-qmdemo-\(tender)", as: "auditor")
            #expect(cleared.status == .ok)
        }
    }

    /// Publication, two bids, opening, qualification, award, approval, standstill and contract. Returns the tender id.
    func runProcedure(_ app: TestApp, _ client: Client) async throws -> String {
        let created = try await client.post("/api/v1/tenders", as: "officer", json: Payload.notice(deliveryLocation: Self.location))
        let tender = try #require(created.string("id"))
        _ = try await client.post("/api/v1/tenders/\(tender)/publish", as: "officer", json: Payload.publish(days: 10))
        var bids: [String] = []
        for (supplier, price) in [("supplier-a", "910000.00"), ("supplier-b", "870000.00")] {
            let bid = try await client.post("/api/v1/tenders/\(tender)/bids", as: supplier, json: Payload.bid(price))
            bids.append(try #require(bid.string("id")))
        }
        app.time.advance(by: 11 * TestApp.day)
        _ = await app.tick()
        _ = try await client.post("/api/v1/tenders/\(tender)/opening", as: "officer")
        for (bid, evaluator) in zip(bids, ["evaluator", "evaluator2"]) {
            _ = try await client.post("/api/v1/tenders/\(tender)/bids/\(bid)/decision", as: evaluator, json: #"{"outcome": "qualified"}"#)
        }
        let proposed = try await client.post("/api/v1/tenders/\(tender)/lots/lot-1/award", as: "evaluator")
        let award = try #require(proposed.json["awards"]?[0]?["id"]?.stringValue)
        _ = try await client.post("/api/v1/tenders/\(tender)/awards/\(award)/approval", as: "approver")
        app.time.advance(by: 5 * TestApp.day)
        _ = await app.tick()
        let signed = try await client.post("/api/v1/tenders/\(tender)/awards/\(award)/contract", as: "approver")
        #expect(signed.string("status") == "complete")
        return tender
    }
}
