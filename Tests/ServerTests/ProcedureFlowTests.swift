import Foundation
import HTTPTypes
import Procurement
import Server
import Testing

/// A whole open procedure over HTTP: three suppliers, enquiries, an amendment, re-confirmation, the deadline,
/// opening, a disqualification, award, standstill and contract.
@Suite struct ProcedureFlowTests {
    @Test func fullProcedureWithThreeSuppliers() async throws {
        try await TestApp.with { app, client in
            let created = try await client.post("/api/v1/tenders", as: "officer", json: Payload.notice(), headers: [.idempotencyKey: "create-1"])
            #expect(created.status == .created)
            let tender = try #require(created.string("id"))
            #expect(created.string("status") == "draft")
            #expect(created.headers[.location] == "/api/v1/tenders/\(tender)")

            #expect(try await client.post("/api/v1/tenders/\(tender)/publish", as: "officer", json: Payload.publish(days: 10)).status == .ok)

            let asked = try await client.post("/api/v1/tenders/\(tender)/questions", as: "supplier-a", json: #"{"text": "Is AES-256 required?"}"#)
            #expect(asked.status == .created)
            guard case .array(let questions)? = asked.json["questions"], case .string(let question)? = questions.first?["id"] else {
                Issue.record("no question in \(asked.text)")
                return
            }
            let answered = try await client.post(
                "/api/v1/tenders/\(tender)/questions/\(question)/answer",
                as: "officer",
                json: #"{"answer": "Yes."}"#
            )
            #expect(answered.status == .ok)

            var bids: [String: String] = [:]
            for (supplier, price) in [("supplier-a", "910000.00"), ("supplier-b", "870000.00"), ("supplier-c", "930000.00")] {
                let reply = try await client.post("/api/v1/tenders/\(tender)/bids", as: supplier, json: Payload.bid(price))
                #expect(reply.status == .created, "\(reply.text)")
                bids[supplier] = reply.string("id")
            }

            try await assertSealed(client, tender: tender, bids: bids, prices: ["910000", "870000", "930000"])

            // The notice changes: every bid must be re-confirmed; supplier-c does not and drops out.
            let amended = try await client.send(
                .patch,
                "/api/v1/tenders/\(tender)",
                as: "officer",
                json: #"{"description": "VHF radios, AES-256 required"}"#
            )
            #expect(amended.status == .ok)
            #expect(amended.json["noticeVersion"] == .number(2))
            let confirmed = try await client.post("/api/v1/bids/\(bids["supplier-a"]!)/confirmation", as: "supplier-a")
            #expect(confirmed.status == .ok)
            let replaced = try await client.send(.put, "/api/v1/bids/\(bids["supplier-b"]!)", as: "supplier-b", json: Payload.bid("860000.00"))
            #expect(replaced.status == .ok)

            app.time.advance(by: 11 * TestApp.day)
            #expect(try await client.post("/api/v1/bids/\(bids["supplier-c"]!)/confirmation", as: "supplier-c").code == "deadline-passed")
            #expect(await app.tick() == 1)
            let closed = try await client.get("/api/v1/tenders/\(tender)", as: "officer")
            #expect(closed.string("status") == "awaiting-opening")
            #expect(closed.json["validBidIDs"] == .array([bids["supplier-a"]!, bids["supplier-b"]!].sorted().map(JSONValue.string)))

            #expect(try await client.post("/api/v1/tenders/\(tender)/opening", as: "supplier-a").status == .forbidden)
            #expect(try await client.post("/api/v1/tenders/\(tender)/opening", as: "officer").status == .ok)
            let visible = try await client.get("/api/v1/tenders/\(tender)/bids", as: "officer")
            #expect(visible.json["sealed"] == .bool(false))
            #expect(visible.text.contains("860000.00"))
            // supplier-c never re-confirmed: its bid did not count and stays with its owner.
            #expect(!visible.text.contains("930000"))
            for viewer in [nil, "officer", "supplier-a"] as [String?] {
                #expect(try await client.get("/api/v1/bids/\(bids["supplier-c"]!)", as: viewer).status == .notFound)
            }
            #expect(try await client.get("/api/v1/bids/\(bids["supplier-c"]!)", as: "supplier-c").status == .ok)

            let disqualified = try await client.post(
                "/api/v1/tenders/\(tender)/bids/\(bids["supplier-b"]!)/decision",
                as: "evaluator",
                json: #"{"outcome": "disqualified", "reason": "missing-documents", "rationale": "No certificate of conformity attached"}"#
            )
            #expect(disqualified.status == .ok)
            #expect(
                try await client.post(
                    "/api/v1/tenders/\(tender)/bids/\(bids["supplier-a"]!)/decision",
                    as: "evaluator2",
                    json: #"{"outcome": "qualified"}"#
                )
                .status == .ok
            )
            let proposed = try await client.post("/api/v1/tenders/\(tender)/lots/lot-1/award", as: "evaluator")
            #expect(proposed.status == .created)
            guard case .array(let awards)? = proposed.json["awards"], case .string(let award)? = awards.first?["id"] else {
                Issue.record("no award in \(proposed.text)")
                return
            }
            #expect(awards.first?["bidID"] == .string(bids["supplier-a"]!))
            #expect(try await client.post("/api/v1/tenders/\(tender)/awards/\(award)/approval", as: "evaluator").status == .forbidden)
            let approved = try await client.post("/api/v1/tenders/\(tender)/awards/\(award)/approval", as: "approver")
            #expect(approved.string("status") == "standstill")

            let early = try await client.post("/api/v1/tenders/\(tender)/awards/\(award)/contract", as: "approver")
            #expect(early.status == .unprocessableContent)
            #expect(early.code == "standstill-running")
            app.time.advance(by: 5 * TestApp.day)
            #expect(await app.tick() == 1)
            let signed = try await client.post("/api/v1/tenders/\(tender)/awards/\(award)/contract", as: "approver")
            #expect(signed.status == .created)
            #expect(signed.string("status") == "complete")

            let feed = try await client.get("/api/v1/events?after=0&limit=1000")
            guard case .array(let events)? = feed.json["events"] else {
                Issue.record("no events")
                return
            }
            let sequences = events.compactMap { if case .number(let n)? = $0["sequence"] { Int(n) } else { nil } }
            #expect(sequences == sequences.sorted() && Set(sequences).count == sequences.count)
            let types = events.compactMap { if case .string(let t)? = $0["type"] { t } else { nil } }
            #expect(types.contains("tender.contract-signed"))
            #expect(!types.contains("tender.created"), "draft work stays with the buyer")
            #expect(!types.contains { $0.hasPrefix("bid.") }, "bid streams are never public")
        }
    }

    /// Before opening no one but the bidder sees a price: not the buyer, not a rival, not the public; not in lists,
    /// single reads, the feed, or error messages.
    private func assertSealed(_ client: Client, tender: String, bids: [String: String], prices: [String]) async throws {
        for viewer in [nil, "officer", "evaluator", "approver", "auditor", "supplier-b", "admin"] as [String?] {
            var replies = [
                try await client.get("/api/v1/tenders/\(tender)/bids", as: viewer),
                try await client.get("/api/v1/tenders/\(tender)", as: viewer),
                try await client.get("/api/v1/events?after=0&limit=1000", as: viewer),
                try await client.get("/api/v1/bids/\(bids["supplier-a"]!)", as: viewer),
                try await client.get("/api/v1/tenders?limit=200", as: viewer),
            ]
            if let viewer {
                replies.append(try await client.get("/api/v1/bids", as: viewer))
                replies.append(try await client.send(.put, "/api/v1/bids/\(bids["supplier-a"]!)", as: viewer, json: Payload.bid("1.00")))
                replies.append(try await client.post("/api/v1/bids/\(bids["supplier-a"]!)/withdrawal", as: viewer))
            }
            #expect(replies[3].status == .notFound, "\(viewer ?? "anonymous") must not read supplier-a's bid")
            let own = viewer == "supplier-b" ? "870000" : nil
            for reply in replies {
                for price in prices where price != own {
                    #expect(!reply.text.contains(price), "\(viewer ?? "anonymous") saw \(price) in \(reply.text.prefix(300))")
                }
            }
        }
        let own = try await client.get("/api/v1/bids/\(bids["supplier-a"]!)", as: "supplier-a")
        #expect(own.text.contains("910000.00"))
        let list = try await client.get("/api/v1/tenders/\(tender)/bids", as: "officer")
        #expect(list.json["sealed"] == .bool(true))
        #expect(list.json["items"] == .array([]))
    }
}
