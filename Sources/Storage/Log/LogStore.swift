import Foundation
import Procurement
import SQLKit
import TransparencyLog

/// Reads the transparency log and records its signed checkpoints.
public struct LogStore: Sendable {
    public let database: any Database

    public init(database: any Database) { self.database = database }

    /// A signed checkpoint as stored: its tree size and the signed note text.
    public struct StoredCheckpoint: Sendable, Hashable {
        public let size: UInt64
        public let note: String

        public init(size: UInt64, note: String) {
            self.size = size
            self.note = note
        }
    }

    public func size() async throws -> UInt64 {
        try await database.read { try await LogSequencer.leafCount(on: $0) }
    }

    /// Runs `body` with a reader of stored hashes on committed data.
    public func withHashes<T: Sendable>(_ body: @Sendable (any HashReader) async throws -> T) async throws -> T {
        try await database.read { sql in try await body(SQLHashReader(sql: sql)) }
    }

    public func latestCheckpoint() async throws -> StoredCheckpoint? {
        try await database.read { try await Self.latestCheckpoint(on: $0) }
    }

    private static func latestCheckpoint(on sql: any SQLDatabase) async throws -> StoredCheckpoint? {
        try await sql.raw("SELECT size, note FROM tlog_checkpoints ORDER BY size DESC LIMIT 1").first().map {
            StoredCheckpoint(size: UInt64(try $0.decode(column: "size", as: Int64.self)), note: try $0.decode(column: "note", as: String.self))
        }
    }

    /// Signs the current tree and records its checkpoint in one write transaction, so signers on several server
    /// instances cannot interleave between reading the latest checkpoint and recording the next. `sign` gets the tree
    /// size, the latest checkpoint and the stored hashes, and returns the signed note, or nil to record nothing.
    /// A size at or below the latest one is refused.
    public func recordCheckpoint(
        at time: Date,
        _ sign: @escaping @Sendable (_ size: UInt64, _ latest: StoredCheckpoint?, _ hashes: any HashReader) async throws -> String?
    ) async throws -> StoredCheckpoint? {
        try await database.write { sql in
            let size = try await LogSequencer.leafCount(on: sql)
            let latest = try await Self.latestCheckpoint(on: sql)
            guard let note = try await sign(size, latest, SQLHashReader(sql: sql)) else { return nil }
            if let latest, latest.size >= size {
                throw DomainError.conflict(code: "checkpoint-not-newer", reason: "a checkpoint of size \(size) or larger exists")
            }
            try await sql.raw(
                "INSERT INTO tlog_checkpoints (size, note, signed_at) VALUES (\(bind: Int64(size)), \(bind: note), \(bind: Timestamp.format(time)))"
            ).run()
            return StoredCheckpoint(size: size, note: note)
        }
    }

    /// The entries (leaf data) from `start`, at most `count` of them.
    public func entries(from start: UInt64, count: Int) async throws -> [[UInt8]] {
        try await database.read { sql in
            try await sql.raw(
                "SELECT entry FROM tlog_leaves WHERE leaf_index >= \(bind: Int64(start)) ORDER BY leaf_index LIMIT \(bind: count)"
            ).all().map { Array(try $0.decode(column: "entry", as: String.self).utf8) }
        }
    }

    /// The log index of each event sequence number given.
    public func leafIndexes(sequences: [Int64]) async throws -> [Int64: UInt64] {
        guard !sequences.isEmpty else { return [:] }
        return try await database.read { sql in
            let rows = try await sql.raw(
                "SELECT seq, leaf_index FROM tlog_leaves WHERE seq IN \(SQLGroupExpression(sequences.map { SQLBind($0) }))"
            ).all()
            return try Dictionary(
                uniqueKeysWithValues: rows.map {
                    (try $0.decode(column: "seq", as: Int64.self), UInt64(try $0.decode(column: "leaf_index", as: Int64.self)))
                }
            )
        }
    }
}

extension LogStore {
    /// What opens a sealed log entry: the salt and the document it committed to.
    public struct Reveal: Sendable, Hashable {
        public let sequence: Int64
        public let leafIndex: UInt64
        public let salt: String
        /// The sealed document the entry commits to: canonical JSON of type, stream, tender, actor and payload hash.
        public let document: String
        /// The event's payload, whose SHA-256 the document names.
        public let payload: String
    }

    /// The salts and documents of every sealed log entry of the given streams, in log order.
    public func reveals(streams: [String]) async throws -> [Reveal] {
        guard !streams.isEmpty else { return [] }
        return try await database.read { sql in
            try await sql.raw(
                """
                SELECT l.leaf_index, l.salt, e.seq, e.stream_id, e.stream_version, e.type, e.payload, e.actor, e.occurred_at, e.tender_id
                FROM tlog_leaves l JOIN events e ON e.seq = l.seq
                WHERE e.stream_id IN \(SQLGroupExpression(streams.map { SQLBind($0) })) AND l.salt IS NOT NULL
                ORDER BY l.leaf_index
                """
            ).all().map { row in
                let event = try EventStore.decode(row)
                return Reveal(
                    sequence: event.sequence,
                    leafIndex: UInt64(try row.decode(column: "leaf_index", as: Int64.self)),
                    salt: try row.decode(column: "salt", as: String.self),
                    document: String(decoding: LogEntry.SealedDocument(event: event).bytes, as: UTF8.self),
                    payload: String(decoding: event.payload, as: UTF8.self)
                )
            }
        }
    }
}

extension LogStore {
    /// The event sequence number logged at `leafIndex`, if the log has that leaf.
    public func sequence(ofLeaf leafIndex: UInt64) async throws -> Int64? {
        guard leafIndex <= UInt64(Int64.max) else { return nil }
        return try await database.read { sql in
            try await sql.raw("SELECT seq FROM tlog_leaves WHERE leaf_index = \(bind: Int64(leafIndex))").first()?.decode(
                column: "seq",
                as: Int64.self
            )
        }
    }
}
