import Foundation
import SQLKit
import TransparencyLog

/// Writes the Merkle tree's rows in the transaction that records their events, so the log never lags or skips the
/// store; the writer computes them from the tree's right edge (``TreeFrontier``).
enum LogSequencer {
    static func insert(hashes: [(index: UInt64, hash: Hash)], leaves: [PendingRows.Leaf], on sql: any SQLDatabase) async throws {
        try await sql.insertRows(into: "tlog_hashes", columns: ["idx", "hash"], hashes.map { [Int64($0.index), $0.hash.base64] })
        try await sql.insertRows(
            into: "tlog_leaves",
            columns: ["leaf_index", "seq", "entry", "salt", "named_actor"],
            leaves.map { leaf in
                [
                    Int64(leaf.index), leaf.sequence, String(decoding: leaf.entry, as: UTF8.self), leaf.sealing.salt.map(LogEntry.hex),
                    leaf.sealing.namesActor ? 1 : 0,
                ]
            }
        )
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
