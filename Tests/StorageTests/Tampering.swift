import Foundation
import Storage
import Testing
import TransparencyLog

/// One way an attacker edits the stored log, and the first failure `verify` must name for it. Both are worked out
/// from the fixture the edit is made to.
struct Tampering: Sendable, CustomTestStringConvertible {
    let testDescription: String
    let statements: @Sendable (LogFixture) throws -> [String]
    let failure: @Sendable (LogFixture) throws -> LogVerifier.Failure

    init(
        _ name: String,
        _ statements: @escaping @Sendable (LogFixture) throws -> [String],
        _ failure: @escaping @Sendable (LogFixture) throws -> LogVerifier.Failure
    ) {
        testDescription = name
        self.statements = statements
        self.failure = failure
    }

    init(_ name: String, _ statements: [String], _ failure: LogVerifier.Failure) {
        self.init(name, { _ in statements }, { _ in failure })
    }

    static let all = events + leaves + storedHashes + checkpoints

    static let events = [
        Tampering("an edited payload", ["UPDATE events SET payload = payload || ' ' WHERE seq = 17"], .entryMismatch(leafIndex: 16, sequence: 17)),
        Tampering(
            "an edited sealed bid",
            { ["UPDATE events SET payload = replace(payload, '.00', '.01') WHERE seq = \(try #require($0.bidSequence))"] },
            { .entryMismatch(leafIndex: UInt64(try #require($0.bidSequence) - 1), sequence: try #require($0.bidSequence)) }
        ),
        Tampering("an edited type", ["UPDATE events SET type = 'tender.cancelled' WHERE seq = 9"], .entryMismatch(leafIndex: 8, sequence: 9)),
        Tampering("an edited actor", ["UPDATE events SET actor = 'someone-else' WHERE seq = 6"], .entryMismatch(leafIndex: 5, sequence: 6)),
        Tampering(
            "an edited time",
            ["UPDATE events SET occurred_at = '2030-01-01T00:00:00.000Z' WHERE seq = 12"],
            .entryMismatch(leafIndex: 11, sequence: 12)
        ),
        Tampering(
            "a time in another notation",
            ["UPDATE events SET occurred_at = '2030-01-01T00:00:00.000+00:00' WHERE seq = 12"],
            .invalidEvent(
                leafIndex: 11,
                sequence: 12,
                reason: #"occurred_at "2030-01-01T00:00:00.000+00:00" is not a timestamp as the store writes them"#
            )
        ),
        Tampering("a deleted event", ["DELETE FROM events WHERE seq = 9"], .eventMissing(leafIndex: 8, sequence: 9)),
        Tampering(
            "swapped payloads",
            [
                "CREATE TEMP TABLE original AS SELECT seq, payload FROM events WHERE seq IN (10, 20)",
                "UPDATE events SET payload = (SELECT payload FROM original WHERE seq = 20) WHERE seq = 10",
                "UPDATE events SET payload = (SELECT payload FROM original WHERE seq = 10) WHERE seq = 20",
                "DROP TABLE original",
            ],
            .entryMismatch(leafIndex: 9, sequence: 10)
        ),
        Tampering(
            "swapped sequence numbers",
            [
                "UPDATE events SET seq = -1 WHERE seq = 10",
                "UPDATE events SET seq = 10 WHERE seq = 20",
                "UPDATE events SET seq = 20 WHERE seq = -1",
            ],
            .entryMismatch(leafIndex: 9, sequence: 10)
        ),
        Tampering(
            "an event without a leaf",
            {
                [
                    """
                    INSERT INTO events (seq, stream_id, stream_version, type, payload, actor, occurred_at, audience)
                    VALUES (\($0.size + 1), 'tender:forged', 1, 'tender.created', '{}', 'officer', '2026-11-29T00:00:00.000Z', 'public')
                    """
                ]
            },
            { .eventNotLogged(sequence: Int64($0.size) + 1, leafIndex: $0.size, leafSequence: nil) }
        ),
        Tampering(
            "the last leaf deleted",
            { ["DELETE FROM tlog_leaves WHERE leaf_index = \($0.size - 1)"] },
            { .eventNotLogged(sequence: Int64($0.size), leafIndex: $0.size - 1, leafSequence: nil) }
        ),
    ]

    static let leaves = [
        Tampering("a deleted leaf", ["DELETE FROM tlog_leaves WHERE leaf_index = 12"], .leafMissing(leafIndex: 12, found: 13)),
        Tampering(
            "reordered leaves",
            [
                "UPDATE tlog_leaves SET leaf_index = -1 WHERE leaf_index = 9",
                "UPDATE tlog_leaves SET leaf_index = 9 WHERE leaf_index = 10",
                "UPDATE tlog_leaves SET leaf_index = 10 WHERE leaf_index = -1",
            ],
            .eventNotLogged(sequence: 10, leafIndex: 9, leafSequence: 11)
        ),
        // Event 11 removed; leaf 10 made a copy of leaf 11 (event 12), and leaf 11 pointed at event 11. Leaf 10 now
        // carries event 12's entry, so its stored hash is the first thing wrong.
        Tampering(
            "a leaf moved onto another event",
            [
                "DELETE FROM events WHERE seq = 11",
                "UPDATE tlog_leaves SET seq = -1 WHERE leaf_index = 10",
                "UPDATE tlog_leaves SET seq = 11 WHERE leaf_index = 11",
                """
                UPDATE tlog_leaves SET (seq, entry, salt, named_actor) = (SELECT 12, entry, salt, named_actor FROM tlog_leaves WHERE leaf_index = 11)
                WHERE leaf_index = 10
                """,
            ],
            .storedHashMismatch(index: StoredHashLayout.index(level: 0, n: 10), level: 0, leafIndex: 10)
        ),
        Tampering(
            "an edited salt",
            {
                let sequence = try #require($0.sealedSequences.first)
                return ["UPDATE tlog_leaves SET salt = '\(String(repeating: "00", count: 32))' WHERE seq = \(sequence)"]
            },
            {
                let sequence = try #require($0.sealedSequences.first)
                return .entryMismatch(leafIndex: UInt64(sequence - 1), sequence: sequence)
            }
        ),
        Tampering(
            "a salt that is not hex",
            { ["UPDATE tlog_leaves SET salt = 'xyz' WHERE seq = \(try #require($0.sealedSequences.first))"] },
            { .invalidLeaf(leafIndex: UInt64(try #require($0.sealedSequences.first) - 1), reason: "salt is not hex") }
        ),
        Tampering(
            "a flipped actor flag",
            ["UPDATE tlog_leaves SET named_actor = 1 - named_actor WHERE leaf_index = 3"],
            .entryMismatch(leafIndex: 3, sequence: 4)
        ),
        Tampering(
            "an edited entry",
            [#"UPDATE tlog_leaves SET entry = replace(entry, '"schema"', '"Schema"') WHERE leaf_index = 20"#],
            .entryMismatch(leafIndex: 20, sequence: 21)
        ),
    ]

    // Hash 40 is the level-1 hash written with leaf 21, whose hashes start at 39.
    static let storedHashes = [
        Tampering(
            "an edited stored hash",
            ["UPDATE tlog_hashes SET hash = '\(Data(count: 32).base64EncodedString())' WHERE idx = 40"],
            .storedHashMismatch(index: 40, level: 1, leafIndex: 21)
        ),
        Tampering("a deleted stored hash", ["DELETE FROM tlog_hashes WHERE idx = 40"], .storedHashMissing(index: 40, level: 1, leafIndex: 21)),
        Tampering(
            "an unreadable stored hash",
            ["UPDATE tlog_hashes SET hash = 'not base64' WHERE idx = 7"],
            .storedHashInvalid(index: 7, leafIndex: 4)
        ),
        Tampering(
            "an extra stored hash",
            { ["INSERT INTO tlog_hashes (idx, hash) VALUES (\(StoredHashLayout.count(treeSize: $0.size)), 'AAAA')"] },
            { .unexpectedStoredHash(index: Int64(StoredHashLayout.count(treeSize: $0.size)), treeSize: $0.size) }
        ),
    ]

    static let checkpoints = [
        Tampering("a truncated log", { truncation(of: $0) }, { .checkpointBeyondLog(.stored(size: $0.size), size: $0.size, treeSize: $0.size - 1) }),
        Tampering("every checkpoint deleted", { _ in ["DELETE FROM tlog_checkpoints"] }, { .noCheckpoint(treeSize: $0.size) }),
        Tampering(
            "an edited checkpoint note",
            {
                let note = try #require($0.notes[$0.size])
                let root = try #require(note.split(separator: "\n").dropFirst(2).first)
                return [replacingNote(size: $0.size, with: note.replacingOccurrences(of: String(root), with: Hash.emptyTree.base64))]
            },
            { .checkpointSignatureInvalid(.stored(size: $0.size), key: $0.keyLabel) }
        ),
        Tampering(
            "a checkpoint signed by another key",
            {
                let forger = try NoteSignerKey.generate(name: LogFixture.origin)
                let forged = try CheckpointSigner(origin: LogFixture.origin, keys: [forger]).sign(
                    size: $0.size,
                    root: .emptyTree,
                    previous: nil,
                    proof: []
                )
                return [replacingNote(size: $0.size, with: forged.formatted)]
            },
            { .checkpointUnsigned(.stored(size: $0.size), keys: [$0.keyLabel]) }
        ),
        Tampering(
            "the latest checkpoint re-signed with the real key over another root",
            { [replacingNote(size: $0.size, with: try forgedRoot(of: $0, size: $0.size))] },
            { .checkpointRootMismatch(.stored(size: $0.size), size: $0.size) }
        ),
        Tampering(
            "an older checkpoint re-signed with the real key over another root",
            { [replacingNote(size: $0.checkpointSizes[1], with: try forgedRoot(of: $0, size: $0.checkpointSizes[1]))] },
            { .checkpointInconsistent(.stored(size: $0.checkpointSizes[1]), size: $0.checkpointSizes[1], latestSize: $0.size) }
        ),
        Tampering(
            "a checkpoint filed under another size",
            {
                [
                    """
                    UPDATE tlog_checkpoints SET note = (SELECT note FROM tlog_checkpoints WHERE size = \($0.checkpointSizes[0]))
                    WHERE size = \($0.checkpointSizes[1])
                    """
                ]
            },
            { .checkpointSizeMismatch(.stored(size: $0.checkpointSizes[1]), signedSize: $0.checkpointSizes[0]) }
        ),
    ]

    /// The last leaf removed with its event and stored hashes, as an attacker who wants it gone would.
    static func truncation(of fixture: LogFixture) -> [String] {
        let last = fixture.size - 1
        return [
            "DELETE FROM tlog_hashes WHERE idx >= \(StoredHashLayout.index(level: 0, n: last))",
            "DELETE FROM tlog_leaves WHERE leaf_index = \(last)",
            "DELETE FROM events WHERE seq = \(last + 1)",
        ]
    }

    private static func forgedRoot(of fixture: LogFixture, size: UInt64) throws -> String {
        try CheckpointSigner(origin: LogFixture.origin, keys: [fixture.key]).sign(
            size: size,
            root: Hash.leaf(Array("forged".utf8)),
            previous: nil,
            proof: []
        ).formatted
    }

    private static func replacingNote(size: UInt64, with note: String) -> String {
        "UPDATE tlog_checkpoints SET note = '\(note.replacingOccurrences(of: "'", with: "''"))' WHERE size = \(size)"
    }
}
