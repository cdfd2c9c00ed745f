import Crypto
import DatabaseTestSupport
import Foundation
import HTTPTypes
import Logging
import Procurement
import Server
import Storage
import Testing
import TransparencyLog

/// The public log over HTTP, checked the way an outside auditor would: only what `/tlog` serves, our own verifier.
@Suite struct TransparencyLogHTTPTests {
    @Test func everyEventIsALeafOfASignedVerifiableTree() async throws {
        try await TestApp.with { app, client in
            let created = try await client.post("/api/v1/tenders", as: "officer", json: Payload.notice())
            let tender = try #require(created.string("id"))
            _ = try await client.post("/api/v1/tenders/\(tender)/publish", as: "officer", json: Payload.publish(days: 10))
            _ = try await client.post("/api/v1/tenders/\(tender)/bids", as: "supplier-a", json: Payload.bid("910000.00"))
            _ = try await client.post("/api/v1/tenders/\(tender)/bids", as: "supplier-b", json: Payload.bid("870000.00"))
            let sealed = try await client.get("/api/v1/tenders/\(tender)/bid-commitments")
            #expect(sealed.code == "bids-sealed")
            try await app.services.log.publish()
            let first = try await checkpoint(client)
            let lastSequence = try await app.services.ledger.lastSequence()
            #expect(first.size == UInt64(lastSequence))

            let entries = try await entries(client, size: first.size)
            let root = try await rootOf(entries)
            #expect(root == first.root)
            let text = entries.map { String(decoding: $0, as: UTF8.self) }
            for secret in ["910000", "870000", "user-supplier"] {
                #expect(!text.joined().contains(secret), "the public log shows \(secret)")
            }
            // Sealed entries name neither the tender, the stream, the type nor the actor: only that something was sealed.
            let sealedEntries = text.filter { $0.contains("\"type\":\"sealed\"") }
            #expect(sealedEntries.count >= 3)  // the draft's creation and the two bids
            for entry in sealedEntries {
                #expect(entry.contains("\"commitment\""))
                for field in ["payloadSHA256", "supplier", "actor", "stream", tender, "bid."] { #expect(!entry.contains(field), "\(entry)") }
            }
            // Opening, after the deadline; then every sealed bid entry can be opened and checked.
            app.time.advance(by: 11 * TestApp.day)
            _ = await app.tick()
            _ = try await client.post("/api/v1/tenders/\(tender)/opening", as: "officer")
            try await app.services.log.publish()
            let second = try await checkpoint(client)
            #expect(second.size > first.size)
            let all = try await self.entries(client, size: second.size)
            let reveals = try await client.get("/api/v1/tenders/\(tender)/bid-commitments")
            guard case .array(let items)? = reveals.json["items"] else {
                Issue.record("no reveals: \(reveals.text)")
                return
            }
            #expect(items.count == 2)
            for item in items {
                guard case .number(let index)? = item["logIndex"], case .string(let salt)? = item["salt"],
                    case .string(let payload)? = item["payload"],
                    case .string(let document)? = item["document"]
                else {
                    Issue.record("malformed reveal")
                    continue
                }
                let payloadHash = SHA256.hash(data: Array(payload.utf8)).map { String(format: "%02x", $0) }.joined()
                let named = try JSONDecoder().decode([String: JSONValue].self, from: Data(document.utf8))
                #expect(named["payloadSHA256"] == .string(payloadHash))
                #expect(named["tender"] == .string(tender))
                var hasher = SHA256()
                hasher.update(data: Array("bid-commit/v1".utf8))
                hasher.update(data: try #require(bytes(hex: salt)))
                hasher.update(data: Array(SHA256.hash(data: Array(document.utf8))))
                let commitment = hasher.finalize().map { String(format: "%02x", $0) }.joined()
                let entry = try JSONDecoder().decode([String: JSONValue].self, from: Data(all[Int(index)]))
                #expect(entry["commitment"] == .string(commitment))
            }

            // Each event in the feed carries its leaf index; its inclusion proof verifies against the signed root.
            let feed = try await client.get("/api/v1/events?tender=\(tender)&limit=1000", as: "officer")
            guard case .array(let events)? = feed.json["events"] else {
                Issue.record("no feed")
                return
            }
            #expect(events.count == 4 && events.allSatisfy { $0["tenderID"] == .string(tender) })
            for event in events {
                guard case .number(let index)? = event["logIndex"] else {
                    Issue.record("event without logIndex")
                    continue
                }
                let reply = try await client.get("/tlog/proof/inclusion?index=\(Int(index))")
                let proof = InclusionProof(leafIndex: UInt64(index), treeSize: second.size, hashes: try hashes(reply))
                try proof.verify(leafHash: .leaf(all[Int(index)]), root: second.root)
            }

            let consistency = try await client.get("/tlog/proof/consistency?old=\(first.size)")
            try ConsistencyProof(oldSize: first.size, newSize: second.size, hashes: try hashes(consistency))
                .verify(oldRoot: first.root, newRoot: second.root)

            let tile = try await client.get("/tlog/tile/0/000.p/\(second.size)")
            #expect(tile.headers[.cacheControl]?.contains("immutable") == false)
            #expect(Array(tile.body) == all.flatMap { Hash.leaf($0).bytes })
        }
    }

    @Test func badLogRequestsAreRefused() async throws {
        try await TestApp.with { app, client in
            #expect(try await client.get("/tlog/checkpoint").code == "no-checkpoint")
            try await app.services.log.publish()
            #expect(try await client.get("/tlog/checkpoint").status == .ok)
            #expect(try await client.get("/tlog/tile/0/abc").code == "tile-not-found")
            #expect(try await client.get("/tlog/tile/0/000").code == "tile-not-found", "a full tile beyond the checkpoint")
            #expect(try await client.get("/tlog/tile/0/000.p/255").code == "tile-not-found")
            #expect(try await client.get("/tlog/proof/inclusion?index=9999").code == "invalid-query")
            #expect(try await client.get("/tlog/proof/inclusion").code == "invalid-query")
            #expect(try await client.get("/tlog/proof/consistency?old=0").code == "invalid-query")
            #expect(try await client.get("/tlog/proof/consistency?old=99999").code == "invalid-query")
        }
    }

    @Test(arguments: TestBackend.enabled)
    func aReplacedSigningKeyCannotContinueTheLog(backend: TestBackend) async throws {
        let app = try await TestApp.make(backend)
        try await app.services.log.publish()
        _ = try await app.services.ledger.register(
            Organization(id: OrganizationID("late"), name: "Late Supplier", kind: .supplier, country: "EST", nationalRegistryID: "1"),
            actor: .system
        )
        let impostor = LogPublisher(
            store: app.services.log.store,
            signer: CheckpointSigner(origin: TestApp.origin, keys: [try NoteSignerKey.generate(name: TestApp.origin)]),
            logger: .init(label: "test")
        )
        await #expect(throws: ForeignCheckpoint.self) { try await impostor.publish() }
        let latest = try await app.services.log.publish()
        #expect(latest != nil)
        try await app.close()
    }

    private func checkpoint(_ client: Client) async throws -> Checkpoint {
        let vkey = try await client.get("/tlog/vkey").text
        let key = try NoteVerifierKey(parsing: vkey.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(key.name == TestApp.origin)
        let body = try await client.get("/tlog/checkpoint").body
        let note = try SignedNote(parsing: Array(body))
        #expect(try note.verify(with: [key]) == [key])
        let checkpoint = try Checkpoint(parsing: note.text)
        #expect(checkpoint.origin == TestApp.origin)
        return checkpoint
    }

    private func entries(_ client: Client, size: UInt64) async throws -> [[UInt8]] {
        let path = size == 256 ? "/tlog/tile/entries/000" : "/tlog/tile/entries/000.p/\(size)"
        let reply = try await client.get(path)
        #expect(reply.status == .ok)
        return try EntryBundle(parsing: Array(reply.body)).entries
    }

    private func rootOf(_ entries: [[UInt8]]) async throws -> Hash {
        var store = InMemoryHashStore()
        for entry in entries { store.append(leafHash: .leaf(entry)) }
        return try await store.treeHash(size: UInt64(entries.count))
    }

    private func hashes(_ reply: Client.Reply) throws -> [Hash] {
        guard case .array(let list)? = reply.json["hashes"] else { throw DomainError.notFound(entity: "hashes", id: reply.text) }
        return try list.map { value in
            guard case .string(let text) = value, let hash = Hash(base64: text) else { throw DomainError.notFound(entity: "hash", id: "\(value)") }
            return hash
        }
    }

    private func bytes(hex: String) -> [UInt8]? {
        var result: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex, let next = hex.index(index, offsetBy: 2, limitedBy: hex.endIndex) {
            guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
            result.append(byte)
            index = next
        }
        return result.count * 2 == hex.count ? result : nil
    }
}
