import Foundation
import Logging
import SQLKit
import SQLiteKit

/// SQLite in WAL mode with `synchronous=FULL`: an acknowledged write survives power loss. One writer connection
/// behind a FIFO lock (SQLite allows one writer anyway) and one reader connection that never sees uncommitted data.
public final class SQLiteDatabase: Database {
    private let writer: SQLiteConnection
    private let reader: SQLiteConnection
    private let lock = AsyncLock()
    private let logger: Logger

    public static func open(path: String, logger: Logger = Logger(label: "quartermaster.sqlite")) async throws -> SQLiteDatabase {
        let writer = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        for pragma in ["journal_mode = WAL", "synchronous = FULL", "foreign_keys = ON", "busy_timeout = 10000"] {
            try await writer.sql().raw(SQLQueryString("PRAGMA \(unsafeRaw: pragma)")).run()
        }
        let reader = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        for pragma in ["busy_timeout = 10000", "query_only = ON"] {
            try await reader.sql().raw(SQLQueryString("PRAGMA \(unsafeRaw: pragma)")).run()
        }
        return SQLiteDatabase(writer: writer, reader: reader, logger: logger)
    }

    private init(writer: SQLiteConnection, reader: SQLiteConnection, logger: Logger) {
        self.writer = writer
        self.reader = reader
        self.logger = logger
    }

    public func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await body(reader.sql())
    }

    public func write<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await lock.withLock {
            let sql = writer.sql()
            try await sql.raw("BEGIN IMMEDIATE").run()
            do {
                let value = try await body(sql)
                try await sql.raw("COMMIT").run()
                return value
            } catch {
                do { try await sql.raw("ROLLBACK").run() } catch { logger.error("rollback failed: \(error)") }
                throw error
            }
        }
    }

    public func close() async throws {
        try await reader.close()
        try await writer.close()
    }
}
