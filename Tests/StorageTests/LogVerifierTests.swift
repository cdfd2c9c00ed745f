import DatabaseTestSupport
import Foundation
import Procurement
import SQLKit
import Storage
import Testing
import TransparencyLog

/// `LogVerifier` on real databases of each backend: every test builds its own ledger with three signed
/// checkpoints (``LogFixture``), tampers with it as an attacker with the database in hand would, and checks the
/// first failure named.
@Suite struct LogVerifierTests {
    // MARK: An untouched log

    @Test(arguments: TestBackend.enabled)
    func anUntouchedLogVerifiesInBatchesOfAnySize(on backend: TestBackend) async throws {
        try await LogFixture.with(backend) { fixture in
            #expect(fixture.size >= 30)
            #expect(fixture.checkpointSizes.count == 3)
            #expect(fixture.leafSequences == (1...Int64(fixture.size)).map { $0 })
            #expect(fixture.sealedSequences.count >= 5)
            #expect(fixture.bidSequence.map(fixture.sealedSequences.contains) == true)
            for batchSize in [1, 2, 7, 1_000] {
                let outcome = try await fixture.verify(batchSize: batchSize)
                guard case .verified(let summary) = outcome else {
                    Issue.record("expected the log to verify in batches of \(batchSize): \(outcome)")
                    continue
                }
                #expect(summary.events == fixture.size)
                #expect(summary.leaves == fixture.size)
                #expect(summary.storedHashes == StoredHashLayout.count(treeSize: fixture.size))
                #expect(summary.checkpoints == UInt64(fixture.checkpointSizes.count))
                #expect(summary.latest?.size == fixture.size)
                #expect(summary.signers == [fixture.key.verifierKey])
            }
        }
    }

    @Test func anEmptyLogVerifies() async throws {
        try await withDatabase { database in
            try await Migrator(database: database).migrate()
            let key = try NoteSignerKey.generate(name: LogFixture.origin)
            let outcome = try await LogVerifier(database: database, origin: LogFixture.origin, keys: [key.verifierKey]).verify()
            #expect(outcome.failure == nil)
            guard case .verified(let summary) = outcome else { return }
            #expect(summary.leaves == 0)
            #expect(summary.latest == nil)
        }
    }

    @Test(arguments: TestBackend.enabled)
    func eventsAddedAfterTheLatestCheckpointStillVerify(on backend: TestBackend) async throws {
        try await LogFixture.with(backend) { fixture in
            try await fixture.withOpenDatabase { database in
                let ledger = Ledger(database: database, time: ManualTime(LogFixture.start + 30 * 86_400))
                let id = TenderID("t-late")
                _ = try await ledger.execute(.create(id: id, notice: LedgerTests.notice), tender: id, actor: LedgerTests.officer)
            }
            let outcome = try await fixture.verify(batchSize: 4)
            guard case .verified(let summary) = outcome else {
                Issue.record("expected the log to verify: \(outcome)")
                return
            }
            #expect(summary.leaves == fixture.size + 1)
            #expect(summary.latest?.size == fixture.size)
            #expect(summary.description.contains("1 newer leaves not yet checkpointed"))
        }
    }

    @Test(arguments: TestBackend.enabled)
    func theAppendOnlyTriggersRefuseEditsMadeWithoutBypassingThem(on backend: TestBackend) async throws {
        try await LogFixture.with(backend) { fixture in
            var edits = [
                "UPDATE events SET payload = payload || ' ' WHERE seq = 3",
                "DELETE FROM events WHERE seq = \(fixture.size)",
                "UPDATE tlog_leaves SET named_actor = 1 - named_actor WHERE leaf_index = 3",
                "DELETE FROM tlog_hashes WHERE idx = 40",
                "UPDATE tlog_checkpoints SET note = '' WHERE size = \(fixture.size)",
                "DELETE FROM tlog_checkpoints",
            ]
            if backend == .postgres { edits += ["TRUNCATE events CASCADE", "TRUNCATE tlog_hashes"] }
            try await fixture.withOpenDatabase { database in
                for edit in edits {
                    await #expect(throws: (any Error).self, "\(edit)") { try await database.write { try await $0.raw(SQLQueryString(edit)).run() } }
                }
            }
            #expect(try await fixture.verify().failure == nil)
        }
    }

    // MARK: Tampering

    /// One case at a time: each builds a ledger of some forty transactions, and all of them at once would crowd out
    /// the rest of the suite on a small machine.
    @Test(.serialized, arguments: TestBackend.enabled, Tampering.all)
    func tamperingNamesTheFirstBadIndex(on backend: TestBackend, _ tampering: Tampering) async throws {
        try await LogFixture.with(backend) { fixture in
            let failure = try await fixture.failure(tampering: try tampering.statements(fixture))
            #expect(failure == (try tampering.failure(fixture)))
        }
    }

    @Test(arguments: TestBackend.enabled)
    func theOriginMustMatch(on backend: TestBackend) async throws {
        try await LogFixture.with(backend) { fixture in
            let outcome = try await fixture.verify(origin: "elsewhere.example/log")
            #expect(
                outcome.failure
                    == .checkpointOriginMismatch(.stored(size: fixture.size), origin: LogFixture.origin, expected: "elsewhere.example/log")
            )
        }
    }

    /// The attacker truncates the log and removes every checkpoint after the first; a checkpoint saved elsewhere
    /// still catches it.
    @Test(arguments: TestBackend.enabled)
    func aCheckpointSavedElsewhereCatchesATruncationWhoseCheckpointsWereDeleted(on backend: TestBackend) async throws {
        try await LogFixture.with(backend) { fixture in
            let older = try #require(fixture.notes[fixture.checkpointSizes[1]])
            let intact = try await fixture.verify(external: [.init(note: older, label: "older.checkpoint")])
            #expect(intact.failure == nil)

            try await fixture.tamper(Tampering.truncation(of: fixture) + ["DELETE FROM tlog_checkpoints WHERE size > \(fixture.checkpointSizes[0])"])
            let unnoticed = try await fixture.verify()
            #expect(unnoticed.failure == nil)
            let saved = try #require(fixture.notes[fixture.size])
            let outcome = try await fixture.verify(external: [.init(note: saved, label: "saved.checkpoint")])
            #expect(outcome.failure == .checkpointBeyondLog(.external("saved.checkpoint"), size: fixture.size, treeSize: fixture.size - 1))
        }
    }

    // MARK: What a failure says

    @Test(arguments: [
        (LogVerifier.Failure.entryMismatch(leafIndex: 16, sequence: 17), "leaf 16 (event seq 17): entry does not match the event", UInt64?(16)),
        (.eventMissing(leafIndex: 8, sequence: 9), "event seq 9 missing: leaf 8 refers to seq 9", 8),
        (.leafMissing(leafIndex: 12, found: 13), "leaf 12 missing: the next stored leaf is 13", 12),
        (
            .storedHashMismatch(index: 40, level: 1, leafIndex: 21),
            "stored hash 40 differs from the recomputed tree (level 1, appended with leaf 21)", 21
        ),
        (
            .checkpointBeyondLog(.stored(size: 36), size: 36, treeSize: 35),
            "checkpoint size 36: the log has only 35 of its 36 leaves (leaf 35 missing)", 35
        ),
        (
            .checkpointSignatureInvalid(.stored(size: 36), key: "origin+1234abcd"), "checkpoint size 36: signature invalid for key origin+1234abcd",
            nil
        ),
        (.checkpointRootMismatch(.stored(size: 36), size: 36), "checkpoint size 36: root mismatch with the recomputed tree of 36 leaves", nil),
    ])
    func aFailureNamesItsIndex(_ failure: LogVerifier.Failure, description: String, leafIndex: UInt64?) {
        #expect(failure.description == description)
        #expect(failure.leafIndex == leafIndex)
    }
}
