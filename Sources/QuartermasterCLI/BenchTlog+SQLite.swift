import Foundation
import SQLKit
import Storage
import TransparencyLog

/// The stored-hash tree through SQLite: a fresh migrated database in a temporary directory.
enum BenchSQLite {
    /// Appends as `LogSequencer` does (read the siblings, one INSERT per stored hash), `batch` leaves per
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
            var next: UInt64 = 0
            while next < UInt64(n) {
                let range = next..<min(next + UInt64(batch), UInt64(n))
                try await database.write { sql in
                    let reader = BenchSQLHashReader(sql: sql)
                    var leaf = BenchTlog.leafTemplate
                    for index in range {
                        BenchTlog.setLeafIndex(index, in: &leaf)
                        let hashes = try await StoredHashLayout.hashesToStore(appending: .leaf(leaf), at: index, from: reader)
                        let first = Int64(StoredHashLayout.index(level: 0, n: index))
                        for (offset, hash) in hashes.enumerated() {
                            try await sql.raw("INSERT INTO tlog_hashes (idx, hash) VALUES (\(bind: first + Int64(offset)), \(bind: hash.base64))")
                                .run()
                        }
                    }
                }
                next = range.upperBound
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

/// The same query as Storage's `SQLHashReader`, on the write transaction's connection.
private struct BenchSQLHashReader: HashReader {
    let sql: any SQLDatabase

    func readHashes(at indexes: [UInt64]) async throws -> [Hash] {
        guard !indexes.isEmpty else { return [] }
        let rows = try await sql.raw("SELECT idx, hash FROM tlog_hashes WHERE idx IN \(SQLGroupExpression(indexes.map { SQLBind(Int64($0)) }))")
            .all()
        var found: [UInt64: Hash] = [:]
        for row in rows {
            guard let hash = Hash(base64: try row.decode(column: "hash", as: String.self)) else { throw TlogError("a stored hash is not base64") }
            found[UInt64(try row.decode(column: "idx", as: Int64.self))] = hash
        }
        return try indexes.map { index in
            guard let hash = found[index] else { throw TlogError("stored hash \(index) missing") }
            return hash
        }
    }
}
