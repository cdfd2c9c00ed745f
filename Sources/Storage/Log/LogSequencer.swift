import Foundation
import SQLKit
import TransparencyLog

/// Appends events to the Merkle tree in the transaction that records them, so the log never lags or skips the store.
enum LogSequencer {
    static func append(_ events: [(RecordedEvent, LogEntry.Sealing)], on sql: any SQLDatabase) async throws {
        var leafIndex = try await leafCount(on: sql)
        let reader = SQLHashReader(sql: sql)
        for (event, sealing) in events {
            let entry = LogEntry(event: event, sealing: sealing).bytes
            // An entry bundle frames entries with a 16-bit length; a longer one could never be served.
            guard entry.count <= EntryBundle.maxEntryLength else {
                throw StorageError.corruptRow(table: "tlog_leaves", id: "\(event.sequence)", reason: "log entry of \(entry.count) bytes is too long")
            }
            let hashes = try await StoredHashLayout.hashesToStore(appending: Hash.leaf(entry), at: leafIndex, from: reader)
            let first = StoredHashLayout.index(level: 0, n: leafIndex)
            for (offset, hash) in hashes.enumerated() {
                try await sql.raw("INSERT INTO tlog_hashes (idx, hash) VALUES (\(bind: Int64(first) + Int64(offset)), \(bind: hash.base64))").run()
            }
            try await sql.raw(
                """
                INSERT INTO tlog_leaves (leaf_index, seq, entry, salt, named_actor)
                VALUES (\(bind: Int64(leafIndex)), \(bind: event.sequence), \(bind: String(decoding: entry, as: UTF8.self)),
                        \(bind: sealing.salt.map(LogEntry.hex)), \(bind: sealing.namesActor ? 1 : 0))
                """
            ).run()
            leafIndex += 1
        }
    }

    static func leafCount(on sql: any SQLDatabase) async throws -> UInt64 {
        let row = try await sql.raw("SELECT COALESCE(MAX(leaf_index) + 1, 0) AS size FROM tlog_leaves").first()
        return UInt64(try row?.decode(column: "size", as: Int64.self) ?? 0)
    }

    static func salt() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }
}
