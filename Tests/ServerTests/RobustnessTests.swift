import Foundation
import HTTPTypes
import HummingbirdTesting
import Procurement
import Server
import Storage
import Testing

/// Retries, races and hostile input: a clear 4xx, and nothing written.
@Suite struct RobustnessTests {
    @Test func retryingACreateWithTheSameKeyReturnsTheFirstTender() async throws {
        try await TestApp.with { app, client in
            let first = try await client.post("/api/v1/tenders", as: "officer", json: Payload.notice(), headers: [.idempotencyKey: "k-1"])
            let events = try await app.services.ledger.lastSequence()
            let second = try await client.post("/api/v1/tenders", as: "officer", json: Payload.notice(), headers: [.idempotencyKey: "k-1"])
            #expect(first.status == .created && second.status == .created)
            #expect(first.string("id") == second.string("id"))
            #expect(second.headers[.idempotentReplayed] == "true")
            #expect(try await app.services.ledger.lastSequence() == events)
            let list = try await client.get("/api/v1/tenders", as: "officer")
            guard case .array(let items)? = list.json["items"] else {
                Issue.record("no items")
                return
            }
            #expect(items.count == 1)

            let reused = try await client.post(
                "/api/v1/tenders",
                as: "officer",
                json: Payload.notice(title: "Other radios"),
                headers: [.idempotencyKey: "k-1"]
            )
            #expect(reused.status == .unprocessableContent)
            #expect(reused.code == "idempotency-key-reused")
            // Keys are scoped per caller: another officer's identical key is a new request.
            let other = try await client.post("/api/v1/tenders", as: "foreign-officer", json: Payload.notice(), headers: [.idempotencyKey: "k-1"])
            #expect(other.status == .created)
            #expect(other.string("id") != first.string("id"))
        }
    }

    @Test func concurrentDoubleSubmitCreatesOneTender() async throws {
        try await TestApp.with { app, client in
            let replies = try await withThrowingTaskGroup(of: Client.Reply.self) { group in
                for _ in 0..<2 {
                    group.addTask {
                        try await client.post("/api/v1/tenders", as: "officer", json: Payload.notice(), headers: [.idempotencyKey: "double"])
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(Set(replies.compactMap { $0.string("id") }).count == 1)
            #expect(try await app.services.ledger.tenders(.init(), viewer: .anonymous).isEmpty)
            let mine = try await client.get("/api/v1/tenders", as: "officer")
            guard case .array(let items)? = mine.json["items"] else {
                Issue.record("no items")
                return
            }
            #expect(items.count == 1)
        }
    }

    @Test func concurrentConflictingCommandsYieldOneSuccessAndOneConflict() async throws {
        try await TestApp.with { _, client in
            let tender = try await client.post("/api/v1/tenders", as: "officer", json: Payload.notice()).string("id")!
            let publishes = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<2 {
                    group.addTask {
                        try await client.post("/api/v1/tenders/\(tender)/publish", as: "officer", json: Payload.publish(days: 10)).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(publishes.sorted { $0.code < $1.code } == [.ok, .conflict])

            // Two editors holding the same version: the second is told to reload.
            let version = try await client.get("/api/v1/tenders/\(tender)", as: "officer").headers[.eTag]!
            let amends = try await withThrowingTaskGroup(of: Client.Reply.self) { group in
                for title in ["Radios, revised", "Radios, revised again"] {
                    group.addTask {
                        try await client.send(
                            .patch,
                            "/api/v1/tenders/\(tender)",
                            as: "officer",
                            json: #"{"title": "\#(title)"}"#,
                            headers: [.ifMatch: version]
                        )
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(amends.map(\.status.code).sorted() == [200, 409])
            #expect(amends.contains { $0.code == "version-conflict" })
        }
    }

    @Test func aDoubleClickedBidSubmitLeavesOneBid() async throws {
        try await TestApp.with { app, client in
            let tender = try await publishedTender(client)
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<2 {
                    group.addTask { try await client.post("/api/v1/tenders/\(tender)/bids", as: "supplier-a", json: Payload.bid("5.00")).status }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.map(\.code).sorted() == [201, 409])
            #expect(try await app.services.ledger.bids(tender: TenderID(tender)).count == 1)
        }
    }

    @Test func badInputGetsAProblemAndWritesNothing() async throws {
        try await TestApp.with { app, client in
            let tender = try await publishedTender(client)
            let before = try await app.services.ledger.lastSequence()
            let oversized = Payload.notice(title: String(repeating: "x", count: 300_000))
            let cases: [(HTTPRequest.Method, String, String, String?, Int, String)] = [
                (.post, "/api/v1/tenders", "officer", #"{"title": "#, 400, "malformed-json"),
                (.post, "/api/v1/tenders", "officer", "[]", 422, "wrong-type"),
                (.post, "/api/v1/tenders", "officer", #"{"title": 5}"#, 422, "wrong-type"),
                (.post, "/api/v1/tenders", "officer", #"{"title": "Radios"}"#, 422, "missing-field"),
                (.post, "/api/v1/tenders", "officer", Payload.notice(method: "auction"), 422, "invalid-value"),
                (.post, "/api/v1/tenders", "officer", Payload.notice().replacingOccurrences(of: "1000000.00", with: "-5.00"), 422, "invalid-value"),
                (
                    .post, "/api/v1/tenders", "officer", Payload.notice().replacingOccurrences(of: "35811300-5", with: "35811300-9"), 422,
                    "invalid-value"
                ),
                (
                    .post, "/api/v1/tenders", "officer", Payload.notice().replacingOccurrences(of: "5820-12-345-6789", with: "0000-12-345-6789"), 422,
                    "invalid-value"
                ),
                (.post, "/api/v1/tenders", "officer", Payload.notice().replacingOccurrences(of: "H87", with: "XYZ"), 422, "invalid-value"),
                (.post, "/api/v1/tenders", "officer", Payload.notice(title: "ab"), 422, "invalid-length"),
                (.post, "/api/v1/tenders", "officer", oversized, 413, "body-too-large"),
                (.post, "/api/v1/tenders", "officer", nil, 400, "body-required"),
                (.post, "/api/v1/tenders", "supplier-a", Payload.notice(), 403, "buyer-only"),
                (.post, "/api/v1/tenders", "auditor", Payload.notice(), 403, "buyer-only"),
                (
                    .post, "/api/v1/tenders", "officer",
                    Payload.notice().replacingOccurrences(
                        of: #"{"type": "lowest-price"}"#,
                        with: #"{"type": "best-value", "priceWeight": 50, "quality": []}"#
                    ), 422, "quality-criteria-required"
                ),
                (
                    .post, "/api/v1/tenders", "officer",
                    Payload.notice().replacingOccurrences(of: #"{"type": "lowest-price"}"#, with: #"{"type": "cheapest"}"#), 422, "invalid-value"
                ),
                (.post, "/api/v1/tenders/nope/publish", "officer", Payload.publish(days: 10), 404, "tender-not-found"),
                (.post, "/api/v1/tenders/\(tender)/publish", "officer", Payload.publish(days: 10), 409, "illegal-transition"),
                (.post, "/api/v1/tenders/\(tender)/bids", "supplier-a", Payload.bid("5.00", lot: "lot-9"), 422, "unknown-lot"),
                (.post, "/api/v1/tenders/\(tender)/bids", "supplier-a", Payload.bid("-5.00"), 422, "invalid-value"),
                (.post, "/api/v1/tenders/\(tender)/bids", "supplier-a", Payload.bid("5.001"), 422, "invalid-value"),
                (.post, "/api/v1/tenders/\(tender)/bids", "supplier-a", Payload.bid("2000000.00"), 422, "price-above-estimate"),
                (.post, "/api/v1/tenders/\(tender)/bids", "supplier-a", #"{"lots": "all"}"#, 422, "wrong-type"),
                (.post, "/api/v1/tenders/\(tender)/bids", "officer", Payload.bid("5.00"), 403, "supplier-only"),
                (
                    .post, "/api/v1/tenders/\(tender)/cancel", "officer", #"{"reason": "bored", "rationale": "We are bored of it"}"#, 422,
                    "invalid-value"
                ),
                (
                    .post, "/api/v1/tenders/\(tender)/cancel", "supplier-a", #"{"reason": "no-longer-needed", "rationale": "Hostile cancel"}"#, 403,
                    "role-required"
                ),
                (.post, "/api/v1/tenders/\(tender)/opening", "officer", nil, 409, "illegal-transition"),
                (.get, "/api/v1/bids/does-not-exist", "supplier-a", nil, 404, "bid-not-found"),
                (.get, "/api/v1/tenders?status=open-ish", "officer", nil, 400, "invalid-query"),
                (.get, "/api/v1/events?limit=0", "officer", nil, 400, "invalid-query"),
                (.get, "/api/v1/nothing-here", "officer", nil, 404, "route-not-found"),
            ]
            for (method, path, user, body, status, code) in cases {
                let reply = try await client.send(method, path, as: user, json: body)
                #expect(reply.status.code == status, "\(method) \(path) \(body?.prefix(80) ?? ""): \(reply.text.prefix(300))")
                #expect(reply.code == code, "\(method) \(path): \(reply.text.prefix(300))")
                #expect(reply.headers[.contentType] == "application/problem+json")
                #expect(reply.string("detail")?.isEmpty == false)
            }
            let past = try await client.post("/api/v1/tenders", as: "officer", json: Payload.notice())
            let draft = try #require(past.string("id"))
            let before2 = try await app.services.ledger.lastSequence()
            let pastDeadline = try await client.post("/api/v1/tenders/\(draft)/publish", as: "officer", json: Payload.publish(days: -1))
            #expect(pastDeadline.code == "period-too-short")
            #expect(try await app.services.ledger.lastSequence() == before2)
            #expect(before2 == before + 1, "only the one valid create wrote an event")
        }
    }

    @Test func anonymousAndUnknownTokensCannotAct() async throws {
        try await TestApp.with { app, client in
            let tender = try await publishedTender(client)
            let anonymous = try await client.post("/api/v1/tenders", json: Payload.notice())
            #expect(anonymous.status == .unauthorized)
            #expect(anonymous.code == "authentication-required")
            #expect(try await client.post("/api/v1/tenders/\(tender)/bids", json: Payload.bid("5.00")).status == .unauthorized)
            let forged = try await client.raw.execute(
                uri: "/api/v1/tenders",
                method: .get,
                headers: [.authorization: "Bearer qm_forged"],
                body: nil
            ) { $0.status }
            #expect(forged == .unauthorized)
            #expect(try await client.get("/api/v1/me").status == .unauthorized)
            #expect(try await client.get("/api/v1/me", as: "officer").string("email") == "officer@example.org")
            _ = app
        }
    }

    @Test func draftsAndClassifiedTendersStayWithThoseEntitled() async throws {
        try await TestApp.with { _, client in
            let draft = try await client.post("/api/v1/tenders", as: "officer", json: Payload.notice()).string("id")!
            #expect(try await client.get("/api/v1/tenders/\(draft)").status == .notFound)
            #expect(try await client.get("/api/v1/tenders/\(draft)", as: "supplier-a").status == .notFound)
            #expect(try await client.get("/api/v1/tenders/\(draft)", as: "foreign-officer").status == .notFound)
            #expect(
                try await client.post("/api/v1/tenders/\(draft)/publish", as: "foreign-officer", json: Payload.publish(days: 10)).status == .notFound
            )
            #expect(try await client.get("/api/v1/tenders/\(draft)", as: "evaluator").status == .ok)
            let cancelled = try await client.post(
                "/api/v1/tenders/\(draft)/cancel",
                as: "officer",
                json: #"{"reason": "no-longer-needed", "rationale": "Requirement withdrawn before publication"}"#
            )
            #expect(cancelled.string("status") == "cancelled")
            #expect(try await client.get("/api/v1/tenders/\(draft)").status == .notFound, "a draft cancelled before publication stays private")
            #expect(!(try await client.get("/api/v1/events?limit=1000", as: "supplier-a").text.contains(draft)))

            let secret = try await client.post(
                "/api/v1/tenders",
                as: "officer",
                json: Payload.notice(title: "Counter-battery radars", classification: "confidential")
            )
            .string("id")!
            #expect(try await client.post("/api/v1/tenders/\(secret)/publish", as: "officer", json: Payload.publish(days: 10)).status == .ok)
            #expect(try await client.get("/api/v1/tenders/\(secret)").status == .notFound)
            #expect(try await client.get("/api/v1/tenders/\(secret)", as: "supplier-a").status == .notFound)
            #expect(try await client.get("/api/v1/tenders/\(secret)", as: "auditor").status == .ok)
            #expect(try await client.get("/api/v1/tenders/\(secret)", as: "clerk").status == .notFound, "the buyer's own uncleared staff")
            for viewer in [nil, "supplier-a"] as [String?] {
                #expect(!(try await client.get("/api/v1/tenders?limit=200", as: viewer).text.contains("Counter-battery")))
                #expect(!(try await client.get("/api/v1/events?limit=1000", as: viewer).text.contains("Counter-battery")))
            }
            #expect(try await client.get("/api/v1/events?limit=1000", as: "auditor").text.contains("Counter-battery"))
        }
    }

    @Test func administratorsManageTheirOwnOrganisationOnly() async throws {
        try await TestApp.with { _, client in
            let rival = try await client.post(
                "/api/v1/users",
                as: "admin",
                json: #"{"organizationID": "supplier-a", "name": "Mallory", "email": "mallory@example.org", "roles": ["supplier-representative"]}"#
            )
            #expect(rival.status == .forbidden)
            #expect(try await client.post("/api/v1/users/user-supplier-a/tokens", as: "admin").status == .forbidden)
            #expect(try await client.post("/api/v1/users/user-supplier-a/tokens", as: "supplier-b").status == .forbidden)
            #expect(try await client.post("/api/v1/users/user-supplier-a/tokens", as: "supplier-a").status == .created)
        }
    }

    @Test func candidatesOfARestrictedProcedureAreKnownOnlyToTheBuyer() async throws {
        try await TestApp.with { _, client in
            let tender = try #require(
                try await client.post("/api/v1/tenders", as: "officer", json: Payload.notice(method: "restricted")).string("id")
            )
            let published = try await client.post(
                "/api/v1/tenders/\(tender)/publish",
                as: "officer",
                json: #"{"candidatePeriodEnd": "\#(TestApp.timestamp(days: 12))"}"#
            )
            #expect(published.status == .ok)
            for supplier in ["supplier-a", "supplier-b"] {
                #expect(try await client.post("/api/v1/tenders/\(tender)/candidates", as: supplier).status == .created)
            }
            func candidates(_ viewer: String?) async throws -> Int {
                guard case .array(let list)? = try await client.get("/api/v1/tenders/\(tender)", as: viewer).json["candidates"] else { return -1 }
                return list.count
            }
            #expect(try await candidates(nil) == 0)
            #expect(try await candidates("supplier-c") == 0)
            #expect(try await candidates("supplier-b") == 1)
            #expect(try await candidates("officer") == 2)
            #expect(try await candidates("auditor") == 2)
            for viewer in [nil, "supplier-b"] as [String?] {
                let feed = try await client.get("/api/v1/events?tender=\(tender)&limit=100", as: viewer).text
                #expect(!feed.contains("candidate-applied") && !feed.contains("supplier-a"), "\(viewer ?? "anonymous")")
            }
        }
    }

    @Test func theFeedNamesActorsOnlyToTheBuyerAndAuditors() async throws {
        try await TestApp.with { _, client in
            let tender = try await publishedTender(client)
            _ = try await client.post("/api/v1/tenders/\(tender)/questions", as: "supplier-a", json: #"{"text": "Which frequency band?"}"#)
            for (viewer, named) in [(nil, false), ("supplier-b", false), ("foreign-officer", false), ("officer", true), ("auditor", true)]
                as [(String?, Bool)]
            {
                let feed = try await client.get("/api/v1/events?after=0&limit=1000", as: viewer)
                guard case .array(let events)? = feed.json["events"] else {
                    Issue.record("no events")
                    continue
                }
                let asked = events.first { $0["type"] == .string("tender.question-asked") }
                #expect(asked != nil)
                #expect((asked?["actor"] != nil) == named, "\(viewer ?? "anonymous")")
                #expect(!feed.text.contains("user-supplier-a") || named, "\(viewer ?? "anonymous") learned who asked")
            }
            let page = try await client.get("/api/v1/tenders/\(tender)", as: "officer")
            #expect(!page.text.contains("supplier-a"), "the buyer does not learn who asked")
        }
    }

    @Test func listingFiltersByStatusBuyerCodeAndText() async throws {
        try await TestApp.with { _, client in
            _ = try await publishedTender(client)
            _ = try await client.post("/api/v1/tenders", as: "foreign-officer", json: Payload.notice(title: "Diesel generators"))
            func count(_ query: String, as user: String? = nil) async throws -> Int {
                guard case .array(let items)? = try await client.get("/api/v1/tenders?\(query)", as: user).json["items"] else { return -1 }
                return items.count
            }
            #expect(try await count("status=tendering") == 1)
            #expect(try await count("status=draft") == 0)
            #expect(try await count("status=draft", as: "foreign-officer") == 1)
            #expect(try await count("buyer=dpa") == 1)
            #expect(try await count("buyer=dot") == 0)
            #expect(try await count("cpv=3581") == 1)
            #expect(try await count("cpv=35811300-5") == 1)
            #expect(try await count("code=5820-12-345-6789") == 1)
            #expect(try await count("cpv=0913") == 0)
            #expect(try await count("q=VHF") == 1)
            #expect(try await count("q=100%25") == 0)
        }
    }

    private func publishedTender(_ client: Client) async throws -> String {
        let tender = try #require(try await client.post("/api/v1/tenders", as: "officer", json: Payload.notice()).string("id"))
        let published = try await client.post("/api/v1/tenders/\(tender)/publish", as: "officer", json: Payload.publish(days: 10))
        #expect(published.status == .ok)
        return tender
    }
}
