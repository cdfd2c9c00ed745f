import DatabaseTestSupport
import Foundation
import Procurement
import SQLKit
import SQLiteNIO
import Storage
import TransparencyLog

/// A ledger of a few dozen events (sealed bids among them) with three signed checkpoints, built on a fresh database
/// of one backend for one test. The test tampers with it as an attacker with the database in hand would, then
/// verifies it.
struct LogFixture: Sendable {
    static let origin = "test.quartermaster.local/procurement-log"
    static let start = LedgerTests.start

    let scratch: ScratchDatabase
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

    var backend: TestBackend { scratch.backend }

    var keyLabel: String {
        key.verifierKey.encoded.split(separator: "+").prefix(2).joined(separator: "+")
    }

    /// Runs `body` on a fixture built on a fresh database of `backend`, and drops the database afterwards.
    static func with<T>(_ backend: TestBackend, _ body: (LogFixture) async throws -> T) async throws -> T {
        let fixture = try await build(backend)
        let result: T
        do { result = try await body(fixture) } catch {
            try? await fixture.scratch.drop()
            throw error
        }
        try await fixture.scratch.drop()
        return result
    }

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

    private static func build(_ backend: TestBackend) async throws -> LogFixture {
        let scratch = try await ScratchDatabase.create(backend)
        let database = try await scratch.open()
        do {
            try await Migrator(database: database).migrate()
            let key = try NoteSignerKey.generate(name: origin)
            try await record(on: database, signer: CheckpointSigner(origin: origin, keys: [key]))
            let fixture = try await describe(database, scratch: scratch, key: key)
            try await database.close()
            return fixture
        } catch {
            try? await database.close()
            try? await scratch.drop()
            throw error
        }
    }

    private static func record(on database: any Database, signer: CheckpointSigner) async throws {
        let time = ManualTime(start)
        let ledger = Ledger(database: database, time: time)
        let store = LogStore(database: database)
        let officer = LedgerTests.officer
        _ = try await ledger.register(LedgerTests.buyer, actor: .system)
        let suppliers = ["alpha", "bravo", "charlie"].map(supplier)
        for (organization, _) in suppliers { _ = try await ledger.register(organization, actor: .system) }
        try await publish(store, signer)

        let tenders = (1...8).map { TenderID("t-\($0)") }
        for id in tenders {
            time.advance(by: 61.1)
            _ = try await ledger.execute(.create(id: id, notice: LedgerTests.notice), tender: id, actor: officer)
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
    }

    private static func describe(_ database: any Database, scratch: ScratchDatabase, key: NoteSignerKey) async throws -> LogFixture {
        try await database.read { sql in
            let leaves = try await sql.raw("SELECT seq, salt FROM tlog_leaves ORDER BY leaf_index").all().map {
                (try $0.decode(column: "seq", as: Int64.self), try $0.decode(column: "salt", as: String?.self) != nil)
            }
            let bid = try await sql.raw("SELECT MIN(seq) AS seq FROM events WHERE type = 'bid.submitted' AND payload LIKE '%.00%'").first()
            let checkpoints = try await sql.raw("SELECT size, note FROM tlog_checkpoints ORDER BY size").all().map {
                (UInt64(try $0.decode(column: "size", as: Int64.self)), try $0.decode(column: "note", as: String.self))
            }
            return LogFixture(
                scratch: scratch,
                key: key,
                size: UInt64(leaves.count),
                checkpointSizes: checkpoints.map(\.0),
                notes: Dictionary(uniqueKeysWithValues: checkpoints),
                leafSequences: leaves.map(\.0),
                sealedSequences: leaves.filter(\.1).map(\.0),
                bidSequence: try bid?.decode(column: "seq", as: Int64?.self)
            )
        }
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

    /// Runs `statements` past the append-only triggers and the foreign keys, as an attacker would: on SQLite by
    /// editing the file without them; on PostgreSQL as a superuser whose session replays changes as a replica,
    /// which fires no ordinary trigger (the append-only ones, or those that check foreign keys).
    func tamper(_ statements: [String]) async throws {
        switch backend {
        case .sqlite: try await Self.tamper(sqliteFile: scratch.sqlitePath, statements)
        case .postgres:
            try await withOpenDatabase { database in
                try await database.write { sql in
                    try await sql.raw("SET LOCAL session_replication_role = replica").run()
                    for statement in statements { try await sql.raw(SQLQueryString(statement)).run() }
                }
            }
        }
    }

    static func tamper(sqliteFile path: String, _ statements: [String]) async throws {
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

    /// Opens the database, runs `body` on it and closes it again.
    func withOpenDatabase<T: Sendable>(_ body: (any Database) async throws -> T) async throws -> T {
        let database = try await scratch.open()
        let result: T
        do { result = try await body(database) } catch {
            try? await database.close()
            throw error
        }
        try await database.close()
        return result
    }

    func verify(
        origin: String = LogFixture.origin,
        external: [LogVerifier.ExternalCheckpoint] = [],
        batchSize: Int = 5
    ) async throws -> LogVerifier.Outcome {
        try await withOpenDatabase { database in
            try await LogVerifier(database: database, origin: origin, keys: [key.verifierKey], externalCheckpoints: external, batchSize: batchSize)
                .verify()
        }
    }

    /// The first failure after tampering; nil when the log still verifies.
    func failure(tampering statements: [String]) async throws -> LogVerifier.Failure? {
        try await tamper(statements)
        return try await verify().failure
    }
}
