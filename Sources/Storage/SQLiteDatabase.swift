import Foundation
import Logging
import SQLKit
import SQLiteKit

/// SQLite in WAL mode with `synchronous=FULL`: an acknowledged write survives power loss. One writer connection
/// behind a FIFO lock (SQLite allows one writer anyway) and one reader connection that never sees uncommitted data.
public final class SQLiteDatabase: Database {
    private let writer: SQLiteConnection
    private let reader: SQLiteConnection
    private let writes: GroupCommit
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
        writes = GroupCommit { body in try await writer.sql().transaction("BEGIN IMMEDIATE", logger: logger, body) }
    }

    public func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await body(reader.sql())
    }

    /// The reader connection is shared, so a snapshot is for a process that reads alone (the CLI's `verify`).
    public func snapshot<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await reader.sql().transaction("BEGIN", logger: logger, body)
    }

    /// One process owns an SQLite file, so it performs every duty.
    public func leads(_ duty: Duty) async throws -> Bool { true }

    public func write<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await writes.write(body)
    }

    public func record<T: Sendable>(_ body: @escaping @Sendable (WriteBatch) async throws -> T) async throws -> T {
        try await writes.record(body)
    }

    public func close() async throws {
        try await reader.close()
        try await writer.close()
    }
}
