import Foundation
import Storage

/// Opens (creating if needed) the data directory and its database, migrated.
enum Store {
    static func open(_ options: DataOptions, migrate: Bool = true) async throws -> any Database {
        try FileManager.default.createDirectory(atPath: options.dataDir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let database = try await options.location().open()
        if migrate {
            do { try await Migrator(database: database).migrate() } catch {
                try? await database.close()
                throw error
            }
        }
        return database
    }

    /// Runs `body` with the open database and closes it afterwards, also when `body` throws.
    static func with<T>(_ options: DataOptions, migrate: Bool = true, _ body: (any Database) async throws -> T) async throws -> T {
        let database = try await open(options, migrate: migrate)
        do {
            let value = try await body(database)
            try await database.close()
            return value
        } catch {
            try? await database.close()
            throw error
        }
    }
}
