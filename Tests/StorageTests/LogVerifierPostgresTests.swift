import DatabaseTestSupport
import Foundation
import Procurement
import SQLKit
import Storage
import Testing
import TransparencyLog

/// `LogVerifier` on PostgreSQL: it reads one repeatable-read snapshot, and it catches what an attacker who can bypass
/// the append-only triggers changes. (``LogVerifierTests`` tamper with SQLite files in every other way.)
@Suite struct LogVerifierPostgresTests {
    @Test(.enabled(if: TestBackend.enabled.contains(.postgres)))
    func aLogVerifiesAndAnEditThatBypassesTheTriggersNamesItsLeaf() async throws {
        let scratch = try await ScratchDatabase.create(.postgres)
        let database = try await scratch.open()
        try await Migrator(database: database).migrate()
        let ledger = Ledger(database: database, time: ManualTime(LogFixture.start))
        _ = try await ledger.register(LogFixture.buyer, actor: .system)
        for index in 1...4 {
            let id = TenderID("t-\(index)")
            _ = try await ledger.execute(.create(id: id, notice: LogFixture.notice), tender: id, actor: LogFixture.officer)
        }
        let key = try NoteSignerKey.generate(name: LogFixture.origin)
        try await LogFixture.publish(LogStore(database: database), CheckpointSigner(origin: LogFixture.origin, keys: [key]))
        let verifier = LogVerifier(database: database, origin: LogFixture.origin, keys: [key.verifierKey], batchSize: 2)
        let intact = try await verifier.verify()
        let edit = "UPDATE events SET payload = payload || ' ' WHERE seq = 3"
        await #expect(throws: (any Error).self) { try await database.write { try await $0.raw(SQLQueryString(edit)).run() } }
        try await database.write { sql in
            try await sql.raw("SET LOCAL session_replication_role = replica").run()
            try await sql.raw(SQLQueryString(edit)).run()
        }
        let tampered = try await verifier.verify()
        try await database.close()
        try await scratch.drop()
        #expect(intact.failure == nil)
        #expect(tampered.failure == .entryMismatch(leafIndex: 2, sequence: 3))
    }
}
