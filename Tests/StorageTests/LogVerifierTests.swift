import Foundation
import Procurement
import SQLKit
import SQLiteNIO
import Storage
import Testing
import TransparencyLog

/// `LogVerifier` and `quartermaster verify` on real SQLite files: a ledger of a few dozen events (sealed bids among
/// them) with three signed checkpoints is built once; each test tampers with its own copy, as an attacker with
/// access to the file would (dropping the append-only triggers first), and checks the first failure named.
@Suite struct LogVerifierTests {
    // MARK: An untouched store

    @Test(arguments: [1, 2, 7, 1_000])
    func anUntouchedStoreVerifies(batchSize: Int) async throws {
        let fixture = try await LogFixture.shared.value
        let outcome = try await fixture.verifyCopy(batchSize: batchSize)
        guard case .verified(let summary) = outcome else {
            Issue.record("expected the log to verify: \(outcome)")
            return
        }
        #expect(summary.events == fixture.size)
        #expect(summary.leaves == fixture.size)
        #expect(summary.storedHashes == StoredHashLayout.count(treeSize: fixture.size))
        #expect(summary.checkpoints == UInt64(fixture.checkpointSizes.count))
        #expect(summary.latest?.size == fixture.size)
        #expect(summary.signers == [fixture.key.verifierKey])
    }

    @Test func theFixtureHasSealedAndPublicEventsOneLeafEach() async throws {
        let fixture = try await LogFixture.shared.value
        #expect(fixture.size >= 30)
        #expect(fixture.checkpointSizes.count == 3)
        #expect(fixture.leafSequences == (1...Int64(fixture.size)).map { $0 })
        #expect(fixture.sealedSequences.count >= 5)
        #expect(fixture.bidSequence.map(fixture.sealedSequences.contains) == true)
    }

    @Test func anEmptyStoreVerifies() async throws {
        let path = LogFixture.temporaryPath("empty")
        defer { LogFixture.remove(path) }
        let database = try await Storage.SQLiteDatabase.open(path: path)
        try await Migrator(database: database).migrate()
        let key = try NoteSignerKey.generate(name: LogFixture.origin)
        let outcome = try await LogVerifier(database: database, origin: LogFixture.origin, keys: [key.verifierKey]).verify()
        try await database.close()
        #expect(outcome.failure == nil)
        guard case .verified(let summary) = outcome else { return }
        #expect(summary.leaves == 0)
        #expect(summary.latest == nil)
    }

    @Test func eventsAddedAfterTheLatestCheckpointStillVerify() async throws {
        let fixture = try await LogFixture.shared.value
        let copy = try fixture.copy()
        defer { LogFixture.remove(copy) }
        let database = try await Storage.SQLiteDatabase.open(path: copy)
        let ledger = Ledger(database: database, time: ManualTime(LogFixture.start + 30 * 86_400))
        let id = TenderID("t-late")
        _ = try await ledger.execute(.create(id: id, notice: LogFixture.notice), tender: id, actor: LogFixture.officer)
        let outcome = try await LogVerifier(database: database, origin: LogFixture.origin, keys: [fixture.key.verifierKey], batchSize: 4).verify()
        try await database.close()
        guard case .verified(let summary) = outcome else {
            Issue.record("expected the log to verify: \(outcome)")
            return
        }
        #expect(summary.leaves == fixture.size + 1)
        #expect(summary.latest?.size == fixture.size)
        #expect(summary.description.contains("1 newer leaves not yet checkpointed"))
    }

    // MARK: Events

    @Test func anEditedPayloadNamesItsLeaf() async throws {
        let fixture = try await LogFixture.shared.value
        let failure = try await fixture.failure(tampering: ["UPDATE events SET payload = payload || ' ' WHERE seq = 17"])
        #expect(failure == .entryMismatch(leafIndex: 16, sequence: 17))
        #expect(failure?.description == "leaf 16 (event seq 17): entry does not match the event")
        #expect(failure?.leafIndex == 16)
    }

    @Test func anEditedSealedBidNamesItsLeaf() async throws {
        let fixture = try await LogFixture.shared.value
        let sequence = try #require(fixture.bidSequence)
        let failure = try await fixture.failure(tampering: [
            "UPDATE events SET payload = replace(payload, '.00', '.01') WHERE seq = \(sequence)"
        ])
        #expect(failure == .entryMismatch(leafIndex: UInt64(sequence - 1), sequence: sequence))
    }

    @Test func anEditedTypeNamesItsLeaf() async throws {
        let fixture = try await LogFixture.shared.value
        let failure = try await fixture.failure(tampering: ["UPDATE events SET type = 'tender.cancelled' WHERE seq = 9"])
        #expect(failure == .entryMismatch(leafIndex: 8, sequence: 9))
    }

    @Test func anEditedActorOrTimeNamesItsLeaf() async throws {
        let fixture = try await LogFixture.shared.value
        let actor = try await fixture.failure(tampering: ["UPDATE events SET actor = 'someone-else' WHERE seq = 6"])
        #expect(actor == .entryMismatch(leafIndex: 5, sequence: 6))
        let time = try await fixture.failure(tampering: ["UPDATE events SET occurred_at = '2030-01-01T00:00:00.000Z' WHERE seq = 12"])
        #expect(time == .entryMismatch(leafIndex: 11, sequence: 12))
        let form = try await fixture.failure(tampering: ["UPDATE events SET occurred_at = replace(occurred_at, 'Z', '+00:00') WHERE seq = 12"])
        guard case .invalidEvent(11, 12, _) = form else {
            Issue.record("expected an invalid event at leaf 11, got \(String(describing: form))")
            return
        }
    }

    @Test func aDeletedEventNamesTheLeafThatRefersToIt() async throws {
        let fixture = try await LogFixture.shared.value
        let failure = try await fixture.failure(tampering: ["DELETE FROM events WHERE seq = 9"])
        #expect(failure == .eventMissing(leafIndex: 8, sequence: 9))
        #expect(failure?.description == "event seq 9 missing: leaf 8 refers to seq 9")
    }

    @Test func swappedPayloadsNameTheFirstLeaf() async throws {
        let fixture = try await LogFixture.shared.value
        let failure = try await fixture.failure(tampering: [
            "CREATE TEMP TABLE original AS SELECT seq, payload FROM events WHERE seq IN (10, 20)",
            "UPDATE events SET payload = (SELECT payload FROM original WHERE seq = 20) WHERE seq = 10",
            "UPDATE events SET payload = (SELECT payload FROM original WHERE seq = 10) WHERE seq = 20",
        ])
        #expect(failure == .entryMismatch(leafIndex: 9, sequence: 10))
    }

    @Test func swappedSequenceNumbersNameTheFirstLeaf() async throws {
        let fixture = try await LogFixture.shared.value
        let failure = try await fixture.failure(tampering: [
            "UPDATE events SET seq = -1 WHERE seq = 10",
            "UPDATE events SET seq = 10 WHERE seq = 20",
            "UPDATE events SET seq = 20 WHERE seq = -1",
        ])
        #expect(failure == .entryMismatch(leafIndex: 9, sequence: 10))
    }

    @Test func anEventWithoutALeafIsNamed() async throws {
        let fixture = try await LogFixture.shared.value
        let inserted = try await fixture.failure(tampering: [
            """
            INSERT INTO events (stream_id, stream_version, type, payload, actor, occurred_at, audience)
            VALUES ('tender:forged', 1, 'tender.created', '{}', 'officer', '2026-11-29T00:00:00.000Z', 'public')
            """
        ])
        #expect(inserted == .eventNotLogged(sequence: Int64(fixture.size) + 1, leafIndex: fixture.size, leafSequence: nil))
        let lastLeaf = try await fixture.failure(tampering: ["DELETE FROM tlog_leaves WHERE leaf_index = \(fixture.size - 1)"])
        #expect(lastLeaf == .eventNotLogged(sequence: Int64(fixture.size), leafIndex: fixture.size - 1, leafSequence: nil))
    }

    // MARK: Leaves

    @Test func aDeletedLeafIsNamed() async throws {
        let fixture = try await LogFixture.shared.value
        let failure = try await fixture.failure(tampering: ["DELETE FROM tlog_leaves WHERE leaf_index = 12"])
        #expect(failure == .leafMissing(leafIndex: 12, found: 13))
        #expect(failure?.description == "leaf 12 missing: the next stored leaf is 13")
    }

    @Test func reorderedLeavesNameTheFirstMovedLeaf() async throws {
        let fixture = try await LogFixture.shared.value
        let failure = try await fixture.failure(tampering: [
            "UPDATE tlog_leaves SET leaf_index = -1 WHERE leaf_index = 9",
            "UPDATE tlog_leaves SET leaf_index = 9 WHERE leaf_index = 10",
            "UPDATE tlog_leaves SET leaf_index = 10 WHERE leaf_index = -1",
        ])
        #expect(failure == .eventNotLogged(sequence: 10, leafIndex: 9, leafSequence: 11))
    }

    @Test func aLeafMovedOntoAnotherEventFailsAtItsStoredHash() async throws {
        let fixture = try await LogFixture.shared.value
        // Event 11 removed; leaf 10 made a copy of leaf 11 (event 12), and leaf 11 pointed at event 11.
        let failure = try await fixture.failure(tampering: [
            "DELETE FROM events WHERE seq = 11",
            "UPDATE tlog_leaves SET seq = -1 WHERE leaf_index = 10",
            "UPDATE tlog_leaves SET seq = 11 WHERE leaf_index = 11",
            """
            UPDATE tlog_leaves SET (seq, entry, salt, named_actor) = (SELECT 12, entry, salt, named_actor FROM tlog_leaves WHERE leaf_index = 11)
            WHERE leaf_index = 10
            """,
        ])
        // Leaf 10 now carries event 12's entry, so its stored hash is the first thing wrong.
        #expect(failure == .storedHashMismatch(index: StoredHashLayout.index(level: 0, n: 10), level: 0, leafIndex: 10))
    }

    @Test func anEditedSaltOrActorFlagNamesItsLeaf() async throws {
        let fixture = try await LogFixture.shared.value
        let sequence = try #require(fixture.sealedSequences.first)
        let salt = try await fixture.failure(tampering: [
            "UPDATE tlog_leaves SET salt = '\(String(repeating: "00", count: 32))' WHERE seq = \(sequence)"
        ])
        #expect(salt == .entryMismatch(leafIndex: UInt64(sequence - 1), sequence: sequence))
        let flag = try await fixture.failure(tampering: ["UPDATE tlog_leaves SET named_actor = 1 - named_actor WHERE leaf_index = 3"])
        #expect(flag == .entryMismatch(leafIndex: 3, sequence: 4))
        let garbage = try await fixture.failure(tampering: ["UPDATE tlog_leaves SET salt = 'xyz' WHERE seq = \(sequence)"])
        #expect(garbage == .invalidLeaf(leafIndex: UInt64(sequence - 1), reason: "salt is not hex"))
    }

    @Test func anEditedEntryNamesItsLeaf() async throws {
        let fixture = try await LogFixture.shared.value
        let failure = try await fixture.failure(tampering: [
            "UPDATE tlog_leaves SET entry = replace(entry, '\"schema\"', '\"Schema\"') WHERE leaf_index = 20"
        ])
        #expect(failure == .entryMismatch(leafIndex: 20, sequence: 21))
    }

    // MARK: Stored hashes

    @Test func anEditedStoredHashIsNamed() async throws {
        let fixture = try await LogFixture.shared.value
        let zero = [UInt8](repeating: 0, count: 32)
        let failure = try await fixture.failure(tampering: ["UPDATE tlog_hashes SET hash = '\(Data(zero).base64EncodedString())' WHERE idx = 40"])
        // Hash 40 is the level-1 hash written with leaf 21 (leaf 21's hashes start at 39).
        #expect(StoredHashLayout.index(level: 0, n: 21) == 39)
        #expect(failure == .storedHashMismatch(index: 40, level: 1, leafIndex: 21))
        #expect(failure?.description.hasPrefix("stored hash 40 differs") == true)
        #expect(failure?.leafIndex == 21)
    }

    @Test func aMissingUnreadableOrExtraStoredHashIsNamed() async throws {
        let fixture = try await LogFixture.shared.value
        let missing = try await fixture.failure(tampering: ["DELETE FROM tlog_hashes WHERE idx = 40"])
        #expect(missing == .storedHashMissing(index: 40, level: 1, leafIndex: 21))
        let unreadable = try await fixture.failure(tampering: ["UPDATE tlog_hashes SET hash = 'not base64' WHERE idx = 7"])
        #expect(unreadable == .storedHashInvalid(index: 7, leafIndex: 4))
        let count = StoredHashLayout.count(treeSize: fixture.size)
        let extra = try await fixture.failure(tampering: ["INSERT INTO tlog_hashes (idx, hash) VALUES (\(count), 'AAAA')"])
        #expect(extra == .unexpectedStoredHash(index: Int64(count), treeSize: fixture.size))
    }

    // MARK: Checkpoints

    @Test func aTruncatedLogFailsAgainstTheSignedCheckpoint() async throws {
        let fixture = try await LogFixture.shared.value
        let last = fixture.size - 1
        let failure = try await fixture.failure(tampering: [
            "DELETE FROM tlog_hashes WHERE idx >= \(StoredHashLayout.index(level: 0, n: last))",
            "DELETE FROM tlog_leaves WHERE leaf_index = \(last)",
            "DELETE FROM events WHERE seq = \(last + 1)",
        ])
        #expect(failure == .checkpointBeyondLog(.stored(size: fixture.size), size: fixture.size, treeSize: last))
        #expect(
            failure?.description == "checkpoint size \(fixture.size): the log has only \(last) of its \(fixture.size) leaves (leaf \(last) missing)"
        )
        #expect(failure?.leafIndex == last)
    }

    @Test func anEditedCheckpointNoteFailsItsSignature() async throws {
        let fixture = try await LogFixture.shared.value
        let note = try #require(fixture.notes[fixture.size])
        let root = try #require(note.split(separator: "\n").dropFirst(2).first)
        let edited = note.replacingOccurrences(of: String(root), with: Hash.emptyTree.base64)
        let failure = try await fixture.failure(tampering: ["UPDATE tlog_checkpoints SET note = \(sqlLiteral(edited)) WHERE size = \(fixture.size)"])
        #expect(failure == .checkpointSignatureInvalid(.stored(size: fixture.size), key: fixture.keyLabel))
        #expect(failure?.description == "checkpoint size \(fixture.size): signature invalid for key \(fixture.keyLabel)")
    }

    @Test func aCheckpointSignedByAnotherKeyIsUnsigned() async throws {
        let fixture = try await LogFixture.shared.value
        let forger = try NoteSignerKey.generate(name: LogFixture.origin)
        let forged = try CheckpointSigner(origin: LogFixture.origin, keys: [forger]).sign(
            size: fixture.size,
            root: .emptyTree,
            previous: nil,
            proof: []
        )
        let failure = try await fixture.failure(tampering: [
            "UPDATE tlog_checkpoints SET note = \(sqlLiteral(forged.formatted)) WHERE size = \(fixture.size)"
        ])
        #expect(failure == .checkpointUnsigned(.stored(size: fixture.size), keys: [fixture.keyLabel]))
    }

    @Test func aCheckpointReSignedWithTheRealKeyMustStillMatchTheTree() async throws {
        let fixture = try await LogFixture.shared.value
        let signer = CheckpointSigner(origin: LogFixture.origin, keys: [fixture.key])
        let wrongRoot = Hash.leaf(Array("forged".utf8))
        let latest = try signer.sign(size: fixture.size, root: wrongRoot, previous: nil, proof: [])
        let rootFailure = try await fixture.failure(tampering: [
            "UPDATE tlog_checkpoints SET note = \(sqlLiteral(latest.formatted)) WHERE size = \(fixture.size)"
        ])
        #expect(rootFailure == .checkpointRootMismatch(.stored(size: fixture.size), size: fixture.size))
        #expect(rootFailure?.description == "checkpoint size \(fixture.size): root mismatch with the recomputed tree of \(fixture.size) leaves")

        let olderSize = fixture.checkpointSizes[1]
        let older = try signer.sign(size: olderSize, root: wrongRoot, previous: nil, proof: [])
        let olderFailure = try await fixture.failure(tampering: [
            "UPDATE tlog_checkpoints SET note = \(sqlLiteral(older.formatted)) WHERE size = \(olderSize)"
        ])
        #expect(olderFailure == .checkpointInconsistent(.stored(size: olderSize), size: olderSize, latestSize: fixture.size))

        let misfiled = try await fixture.failure(tampering: [
            "UPDATE tlog_checkpoints SET note = (SELECT note FROM tlog_checkpoints WHERE size = \(fixture.checkpointSizes[0])) WHERE size = \(olderSize)"
        ])
        #expect(misfiled == .checkpointSizeMismatch(.stored(size: olderSize), signedSize: fixture.checkpointSizes[0]))
    }

    @Test func theOriginMustMatch() async throws {
        let fixture = try await LogFixture.shared.value
        let outcome = try await fixture.verifyCopy(origin: "elsewhere.example/log")
        #expect(
            outcome.failure == .checkpointOriginMismatch(.stored(size: fixture.size), origin: LogFixture.origin, expected: "elsewhere.example/log")
        )
    }

    @Test func deletedCheckpointsAreNoticedAndAnExternalCheckpointCatchesTruncation() async throws {
        let fixture = try await LogFixture.shared.value
        let none = try await fixture.failure(tampering: ["DELETE FROM tlog_checkpoints"])
        #expect(none == .noCheckpoint(treeSize: fixture.size))

        // The attacker truncates the log and removes every checkpoint after the first; a checkpoint saved
        // elsewhere still catches it.
        let last = fixture.size - 1
        let truncation = [
            "DELETE FROM tlog_hashes WHERE idx >= \(StoredHashLayout.index(level: 0, n: last))",
            "DELETE FROM tlog_leaves WHERE leaf_index = \(last)",
            "DELETE FROM events WHERE seq = \(last + 1)",
            "DELETE FROM tlog_checkpoints WHERE size > \(fixture.checkpointSizes[0])",
        ]
        let unnoticed = try await fixture.verifyCopy(tampering: truncation)
        #expect(unnoticed.failure == nil)
        let saved = try #require(fixture.notes[fixture.size])
        let outcome = try await fixture.verifyCopy(tampering: truncation, external: [.init(note: saved, label: "saved.checkpoint")])
        #expect(outcome.failure == .checkpointBeyondLog(.external("saved.checkpoint"), size: fixture.size, treeSize: last))

        let older = try #require(fixture.notes[fixture.checkpointSizes[1]])
        let intact = try await fixture.verifyCopy(external: [.init(note: older, label: "older.checkpoint")])
        #expect(intact.failure == nil)
    }

    // MARK: The CLI

    @Test(.enabled(if: LogFixture.binary != nil, "needs the built quartermaster binary beside the test bundle"))
    func theCommandLineVerifiesAndNamesTheFirstBadIndex() async throws {
        let fixture = try await LogFixture.shared.value
        let binary = try #require(LogFixture.binary)
        let dataDir = try fixture.dataDirectory()
        defer { try? FileManager.default.removeItem(atPath: dataDir) }

        let good = try LogFixture.run(binary, ["verify", "--data-dir", dataDir, "--log-origin", LogFixture.origin])
        #expect(good.status == 0)
        #expect(good.output.hasPrefix("OK: transparency log \(LogFixture.origin) verified: \(fixture.size) events"))
        #expect(good.output.split(separator: "\n").count == 1)

        let saved = dataDir + "/saved.checkpoint"
        try Data(try #require(fixture.notes[fixture.size]).utf8).write(to: URL(fileURLWithPath: saved))
        let withSaved = try LogFixture.run(binary, ["verify", "--data-dir", dataDir, "--log-origin", LogFixture.origin, "--checkpoint", saved])
        #expect(withSaved.status == 0)
        #expect(withSaved.output.contains("3 checkpoints and 1 external checkpoints"))

        let noDatabase = try LogFixture.run(binary, ["verify", "--data-dir", dataDir + "/nothing-here"])
        #expect(noDatabase.status == 2)
        #expect(noDatabase.errors == "Error: no database at \(dataDir)/nothing-here/quartermaster.sqlite\n")

        let wrongOrigin = try LogFixture.run(binary, ["verify", "--data-dir", dataDir])
        #expect(wrongOrigin.status != 0)
        #expect(wrongOrigin.errors.contains("pass --log-origin \(LogFixture.origin)"))

        try await LogFixture.tamper(dataDir + "/quartermaster.sqlite", ["UPDATE events SET payload = payload || ' ' WHERE seq = 17"])
        let bad = try LogFixture.run(binary, ["verify", "--data-dir", dataDir, "--log-origin", LogFixture.origin])
        #expect(bad.status == 1)
        #expect(bad.output.isEmpty)
        #expect(bad.errors == "FAILED: transparency log \(LogFixture.origin): leaf 16 (event seq 17): entry does not match the event\n")

        try FileManager.default.removeItem(atPath: dataDir + "/log-signer.key")
        let byVKey = try LogFixture.run(
            binary,
            ["verify", "--data-dir", dataDir, "--log-origin", LogFixture.origin, "--vkey", fixture.key.verifierKey.encoded]
        )
        #expect(byVKey.status == 1)
        #expect(byVKey.errors.contains("leaf 16 (event seq 17)"))
        #expect(!FileManager.default.fileExists(atPath: dataDir + "/log-signer.key"))
    }
}

private func sqlLiteral(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
}

/// The shared ledger: built once per test run, closed, and copied by each test.
struct LogFixture: Sendable {
    static let origin = "test.quartermaster.local/procurement-log"
    static let start = Date(timeIntervalSince1970: 1_796_000_000)
    static let shared = Task<LogFixture, any Error> { try await build() }

    /// The closed database file's bytes; each test writes its own copy.
    let bytes: Data
    let key: NoteSignerKey
    let size: UInt64
    let checkpointSizes: [UInt64]
    /// Signed notes by checkpoint size.
    let notes: [UInt64: String]
    /// The event sequence of each leaf, in leaf order.
    let leafSequences: [Int64]
    /// Events logged as salted commitments.
    let sealedSequences: [Int64]
    /// The first sealed bid with a price in it.
    let bidSequence: Int64?

    var keyLabel: String {
        key.verifierKey.encoded.split(separator: "+").prefix(2).joined(separator: "+")
    }

    static let buyer = Organization(
        id: OrganizationID("dpa"),
        name: "Defence Procurement Agency",
        kind: .procurementAgency,
        country: "UKR",
        edrpou: try! EDRPOU("00034022")
    )
    static let officer = Actor.user(
        User(id: UserID("officer"), organizationID: OrganizationID("dpa"), name: "Officer", roles: [.buyerOfficer]),
        organizationKind: .procurementAgency
    )
    static let notice: TenderEvent.Notice = {
        let item = Item(id: ItemID("i"), description: "Radio", cpv: try! CPVCode("35811300-5"), quantity: 5, unit: .piece)
        return TenderEvent.Notice(
            title: "Radios",
            description: "",
            method: .open,
            lots: [Lot(id: LotID("lot-1"), title: "Radios", value: try! Money(parsing: "100.00", .UAH), items: [item])]
        )
    }()

    static func supplier(_ id: String) -> (Organization, Actor) {
        let organization = Organization(id: OrganizationID(id), name: "Supplier \(id)", kind: .supplier, country: "POL")
        let actor = Actor.user(
            User(id: UserID("rep-\(id)"), organizationID: organization.id, name: "Rep \(id)", roles: [.supplierRepresentative]),
            organizationKind: .supplier
        )
        return (organization, actor)
    }

    static func offer(_ price: String) -> [LotBid] {
        [LotBid(lotID: LotID("lot-1"), price: try! Money(parsing: price, .UAH))]
    }

    private static func build() async throws -> LogFixture {
        let path = temporaryPath("fixture")
        let database = try await Storage.SQLiteDatabase.open(path: path)
        try await Migrator(database: database).migrate()
        let time = ManualTime(start)
        let ledger = Ledger(database: database, time: time)
        let store = LogStore(database: database)
        let key = try NoteSignerKey.generate(name: origin)
        let signer = CheckpointSigner(origin: origin, keys: [key])

        _ = try await ledger.register(buyer, actor: .system)
        let suppliers = ["alpha", "bravo", "charlie"].map(supplier)
        for (organization, _) in suppliers { _ = try await ledger.register(organization, actor: .system) }
        try await publish(store, signer)

        let tenders = (1...8).map { TenderID("t-\($0)") }
        for id in tenders {
            time.advance(by: 61.1)
            _ = try await ledger.execute(.create(id: id, notice: notice), tender: id, actor: officer)
            _ = try await ledger.execute(
                .publish(candidatePeriodEnd: nil, tenderPeriodEnd: start + 10 * 86_400),
                tender: id,
                actor: officer
            )
        }
        for (index, (_, actor)) in suppliers.enumerated() {
            time.advance(by: 3_600.37)
            let id = BidID("b-1-\(index)")
            _ = try await ledger.execute(
                .submit(id: id, tenderID: tenders[0], lots: offer("9\(index).00")),
                bid: id,
                tender: tenders[0],
                actor: actor
            )
        }
        _ = try await ledger.execute(.replace(lots: offer("89.00")), bid: BidID("b-1-0"), tender: tenders[0], actor: suppliers[0].1)
        _ = try await ledger.execute(
            .submit(id: BidID("b-2-0"), tenderID: tenders[1], lots: offer("95.00")),
            bid: BidID("b-2-0"),
            tender: tenders[1],
            actor: suppliers[1].1
        )
        _ = try await ledger.execute(.withdraw, bid: BidID("b-2-0"), tender: tenders[1], actor: suppliers[1].1)
        try await publish(store, signer)

        time.advance(by: 11 * 86_400)
        for id in tenders.prefix(4) { _ = try await ledger.execute(.closePeriod, tender: id, actor: .system) }
        _ = try await ledger.execute(.openBids, tender: tenders[0], actor: officer)
        try await publish(store, signer)

        let facts = try await database.read { sql in
            let leaves = try await sql.raw("SELECT seq, salt FROM tlog_leaves ORDER BY leaf_index").all()
            let bid = try await sql.raw("SELECT MIN(seq) AS seq FROM events WHERE type = 'bid.submitted' AND payload LIKE '%.00%'").first()
            let checkpoints = try await sql.raw("SELECT size, note FROM tlog_checkpoints ORDER BY size").all()
            return (
                leaves: try leaves.map { (try $0.decode(column: "seq", as: Int64.self), try $0.decode(column: "salt", as: String?.self) != nil) },
                checkpoints: try checkpoints.map {
                    (UInt64(try $0.decode(column: "size", as: Int64.self)), try $0.decode(column: "note", as: String.self))
                },
                bid: try bid?.decode(column: "seq", as: Int64?.self)
            )
        }
        try await database.close()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        remove(path)
        return LogFixture(
            bytes: bytes,
            key: key,
            size: UInt64(facts.leaves.count),
            checkpointSizes: facts.checkpoints.map(\.0),
            notes: Dictionary(uniqueKeysWithValues: facts.checkpoints),
            leafSequences: facts.leaves.map(\.0),
            sealedSequences: facts.leaves.filter(\.1).map(\.0),
            bidSequence: facts.bid
        )
    }

    /// What `LogPublisher.publish` does: sign the current tree if it is consistent with the last checkpoint.
    static func publish(_ store: LogStore, _ signer: CheckpointSigner) async throws {
        _ = try await store.recordCheckpoint(at: Date()) { size, latest, reader in
            let previous = try latest.map { try Checkpoint(parsing: try SignedNote(parsing: Array($0.note.utf8)).text) }
            let root = try await reader.treeHash(size: size)
            let proof =
                if let previous, previous.size > 0 { try await reader.consistencyProof(oldSize: previous.size, newSize: size).hashes } else {
                    [Hash]()
                }
            return try signer.sign(size: size, root: root, previous: previous, proof: proof).formatted
        }
    }

    static func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("qm-verify-\(name)-\(UUID().uuidString).sqlite").path
    }

    static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    func copy(to target: String = LogFixture.temporaryPath("copy")) throws -> String {
        try bytes.write(to: URL(fileURLWithPath: target))
        return target
    }

    /// Edits a closed database file directly, as an attacker with access to it would: no foreign keys, no triggers.
    static func tamper(_ path: String, _ statements: [String]) async throws {
        let connection = try await SQLiteConnection.open(storage: .file(path: path))
        do {
            var all = ["PRAGMA foreign_keys = OFF"]
            for table in ["events", "tlog_leaves", "tlog_hashes", "tlog_checkpoints"] {
                all += ["DROP TRIGGER IF EXISTS \(table)_no_update", "DROP TRIGGER IF EXISTS \(table)_no_delete"]
            }
            for statement in all + statements { try await connection.query(statement, []) { _ in } }
        } catch {
            try await connection.close()
            throw error
        }
        try await connection.close()
    }

    func verifyCopy(
        tampering statements: [String] = [],
        origin: String = LogFixture.origin,
        external: [LogVerifier.ExternalCheckpoint] = [],
        batchSize: Int = 5
    ) async throws -> LogVerifier.Outcome {
        let copy = try copy()
        defer { Self.remove(copy) }
        try await Self.tamper(copy, statements)
        let database = try await Storage.SQLiteDatabase.open(path: copy)
        let verifier = LogVerifier(database: database, origin: origin, keys: [key.verifierKey], externalCheckpoints: external, batchSize: batchSize)
        let outcome: LogVerifier.Outcome
        do { outcome = try await verifier.verify() } catch {
            try await database.close()
            throw error
        }
        try await database.close()
        return outcome
    }

    /// The first failure after tampering; nil when the log still verifies.
    func failure(tampering statements: [String]) async throws -> LogVerifier.Failure? {
        try await verifyCopy(tampering: statements).failure
    }

    // MARK: Running the binary

    /// The `quartermaster` executable built beside the test bundle, if any.
    static let binary: String? = {
        let candidates = [URL(fileURLWithPath: CommandLine.arguments[0]), Bundle.main.bundleURL, Bundle.main.executableURL].compactMap { $0 }
        for candidate in candidates {
            var directory = candidate.deletingLastPathComponent()
            for _ in 0..<4 {
                let path = directory.appendingPathComponent("quartermaster").path
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                    FileManager.default.isExecutableFile(atPath: path)
                {
                    return path
                }
                directory = directory.deletingLastPathComponent()
            }
        }
        return nil
    }()

    /// A data directory holding a copy of the database and the signer key.
    func dataDirectory() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qm-verify-data-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        _ = try copy(to: directory + "/quartermaster.sqlite")
        try Data((key.encoded + "\n").utf8).write(to: URL(fileURLWithPath: directory + "/log-signer.key"))
        return directory
    }

    static func run(_ binary: String, _ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outputData, as: UTF8.self), String(decoding: errorData, as: UTF8.self))
    }
}
