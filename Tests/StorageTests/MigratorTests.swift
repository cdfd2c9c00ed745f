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

func withDatabase(_ body: (SQLiteDatabase) async throws -> Void) async throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("qm-storage-\(UUID().uuidString).sqlite").path
    let database = try await SQLiteDatabase.open(path: path)
    do { try await body(database) } catch {
        try await database.close()
        throw error
    }
    try await database.close()
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
}
