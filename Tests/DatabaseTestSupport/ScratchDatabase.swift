import Foundation
import SQLKit
import Storage

/// An empty database of one backend for one test: an SQLite file in the temporary directory, or a fresh schema of
/// the PostgreSQL server named by `QM_TEST_POSTGRES_URL`. `open()` may be called again to reopen it or to open a
/// second instance on the same data, as a second server would; `drop()` removes it.
public struct ScratchDatabase: Sendable {
    public let backend: TestBackend
    private let name: String

    public static func create(_ backend: TestBackend) async throws -> ScratchDatabase {
        let name = "qm_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        if backend == .postgres {
            try await TestBackend.withPostgresServer { sql in try await sql.raw("CREATE SCHEMA \(ident: name)").run() }
        }
        return ScratchDatabase(backend: backend, name: name)
    }

    public var sqlitePath: String { FileManager.default.temporaryDirectory.appendingPathComponent(name + ".sqlite").path }

    public func open() async throws -> any Database {
        switch backend {
        case .sqlite: try await SQLiteDatabase.open(path: sqlitePath)
        case .postgres: try await PostgresDatabase.open(url: try TestBackend.postgresURL(), schema: name, connections: 2)
        }
    }

    public func drop() async throws {
        switch backend {
        case .sqlite:
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: sqlitePath + suffix) }
        case .postgres:
            try await TestBackend.withPostgresServer { sql in try await sql.raw("DROP SCHEMA \(ident: name) CASCADE").run() }
        }
    }
}
