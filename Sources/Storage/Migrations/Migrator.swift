import Foundation
import SQLKit

/// Applies pending migrations in order, each in the same transaction as its record in `schema_migrations`.
public struct Migrator: Sendable {
    public let database: any Database
    public let migrations: [any Migration]

    public init(database: any Database, migrations: [any Migration] = Migrations.all) {
        self.database = database
        self.migrations = migrations
    }

    /// Names of migrations not yet applied, in order. Fails if the database holds migrations this build does not know.
    public func pending() async throws -> [String] {
        let applied = try await database.read { sql in try await Self.applied(sql) }
        let known = migrations.map(\.name)
        guard Array(known.prefix(applied.count)) == applied else {
            throw StorageError.unknownMigrations(applied.filter { !known.contains($0) })
        }
        return Array(known.dropFirst(applied.count))
    }

    /// Applies what is pending and returns the names applied. Servers starting together may race to migrate: each
    /// migration checks, inside its write transaction, that no other process applied it first.
    @discardableResult
    public func migrate() async throws -> [String] {
        try await database.write { sql in
            try await sql.raw(
                SchemaDialect(sql).table("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
            )
            .run()
        }
        let pending = try await pending()
        var applied: [String] = []
        for migration in migrations where pending.contains(migration.name) {
            let ran = try await database.write { sql in
                guard try await !Self.applied(sql).contains(migration.name) else { return false }
                try await migration.apply(on: sql)
                try await sql.insert(into: "schema_migrations").columns("name", "applied_at")
                    .values(SQLBind(migration.name), SQLBind(ISO8601DateFormatter().string(from: Date()))).run()
                return true
            }
            if ran { applied.append(migration.name) }
        }
        return applied
    }

    private static func applied(_ sql: any SQLDatabase) async throws -> [String] {
        let exists =
            SchemaDialect(sql).isPostgres
            ? try await sql.raw("SELECT to_regclass('schema_migrations') AS name WHERE to_regclass('schema_migrations') IS NOT NULL").all()
            : try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").all()
        guard !exists.isEmpty else { return [] }
        return try await sql.raw("SELECT name FROM schema_migrations ORDER BY name").all().map { try $0.decode(column: "name", as: String.self) }
    }
}
