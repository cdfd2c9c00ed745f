import Foundation
import SQLKit
import Storage
import TransparencyLog

/// The stored-hash tree through SQLite: a fresh migrated database in a temporary directory.
enum BenchSQLite {
    /// Appends as the writer does (the tree's right edge in memory, multi-row INSERTs), `batch` leaves per
    /// transaction, then times proofs through `LogStore.withHashes`, the path the HTTP API uses.
    static func run(leaves n: Int, batch: Int, proofs: Int, seed: UInt64) async throws -> BenchTlog.Figures {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qm-bench-sqlite-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try await SQLiteDatabase.open(path: directory.appendingPathComponent("bench.sqlite").path)
        do {
            try await Migrator(database: database).migrate()
            let clock = ContinuousClock()
            let start = clock.now
            var frontier = TreeFrontier()
            while frontier.size < UInt64(n) {
                var rows: [[any Encodable & Sendable]] = []
                var leaf = BenchTlog.leafTemplate
                for index in frontier.size..<min(frontier.size + UInt64(batch), UInt64(n)) {
                    BenchTlog.setLeafIndex(index, in: &leaf)
                    let (first, hashes) = frontier.append(leafHash: .leaf(leaf))
                    rows += hashes.enumerated().map { [Int64(first) + Int64($0.offset), $0.element.base64] }
                }
                try await database.write { [rows] sql in
                    for start in stride(from: 0, to: rows.count, by: 500) {
                        let insert = sql.insert(into: "tlog_hashes").columns("idx", "hash")
                        for row in rows[start..<min(start + 500, rows.count)] { insert.values(row) }
                        try await insert.run()
                    }
                }
            }
            let appendSeconds = BenchFormat.nanos(clock.now - start) / 1e9
            let figures = try await BenchTlog.timeProofs(
                reader: LogStoreReader(store: LogStore(database: database)),
                leaves: n,
                proofs: proofs,
                seed: seed,
                appendSeconds: appendSeconds
            )
            try await database.close()
            var labelled = figures
            labelled.label = "Swift + SQLite"
            return labelled
        } catch {
            try? await database.close()
            throw error
        }
    }
}

/// Each read in its own `LogStore.withHashes`, as one HTTP request does.
private struct LogStoreReader: HashReader {
    let store: LogStore

    func readHashes(at indexes: [UInt64]) async throws -> [Hash] {
        try await store.withHashes { try await $0.readHashes(at: indexes) }
    }
}
