import Foundation
import Storage

/// Opens (creating if needed) the data directory and its database, migrated.
enum Store {
    static func open(_ options: DataOptions, migrate: Bool = true) async throws -> SQLiteDatabase {
        try FileManager.default.createDirectory(atPath: options.dataDir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let database = try await SQLiteDatabase.open(path: options.databasePath)
        if migrate { try await Migrator(database: database).migrate() }
        return database
    }
}
