import DatabaseTestSupport
import Foundation
import Storage
import Testing

@Suite struct MigratorTests {
    @Test func migratesOnceAndRecordsEveryMigration() async throws {
        try await withDatabase { database in
            let migrator = Migrator(database: database)
            let before = try await migrator.pending()
            let applied = try await migrator.migrate()
            let after = try await migrator.pending()
            let again = try await migrator.migrate()
            #expect(before == Migrations.all.map(\.name))
            #expect(applied == before)
            #expect(after.isEmpty)
            #expect(again.isEmpty)
        }
    }

    @Test func refusesADatabaseFromANewerBuild() async throws {
        try await withDatabase { database in
            try await Migrator(database: database).migrate()
            let older = Migrator(database: database, migrations: Array(Migrations.all.dropLast()))
            await #expect(throws: StorageError.self) { try await older.pending() }
        }
    }
}

/// Runs `body` on a fresh database of each enabled backend (``TestBackend``).
func withDatabase(_ body: (any Database) async throws -> Void) async throws {
    try await TestBackend.withEach { database, _ in try await body(database) }
}
