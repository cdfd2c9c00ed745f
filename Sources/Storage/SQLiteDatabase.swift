import Foundation
import Logging
import SQLKit
import SQLiteKit
import Synchronization

/// SQLite in WAL mode with `synchronous=FULL`: an acknowledged write survives power loss. One writer connection
/// (SQLite allows one writer anyway) and a few reader connections, taken in turn, that read concurrently with it
/// and never see uncommitted data.
public final class SQLiteDatabase: Database {
    private let writer: SQLiteConnection
    private let readers: [SQLiteConnection]
    private let nextReader = Atomic<UInt>(0)
    private let writes: GroupCommit
    private let logger: Logger

    public static func open(path: String, logger: Logger = Logger(label: "quartermaster.sqlite")) async throws -> SQLiteDatabase {
        let writer = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        for pragma in ["journal_mode = WAL", "synchronous = FULL", "foreign_keys = ON", "busy_timeout = 10000"] {
            try await writer.sql().raw(SQLQueryString("PRAGMA \(unsafeRaw: pragma)")).run()
        }
        var readers: [SQLiteConnection] = []
        for _ in 0..<readerCount {
            let reader = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
            for pragma in ["busy_timeout = 10000", "query_only = ON"] {
                try await reader.sql().raw(SQLQueryString("PRAGMA \(unsafeRaw: pragma)")).run()
            }
            readers.append(reader)
        }
        return SQLiteDatabase(writer: writer, readers: readers, logger: logger)
    }

    /// Enough to keep both cores of a small server busy with reads while one waits on the disk.
    private static let readerCount = 4

    private init(writer: SQLiteConnection, readers: [SQLiteConnection], logger: Logger) {
        self.writer = writer
        self.readers = readers
        self.logger = logger
        writes = GroupCommit { body in try await writer.sql().transaction("BEGIN IMMEDIATE", logger: logger, body) }
    }

    public func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let turn = nextReader.wrappingAdd(1, ordering: .relaxed).oldValue
        return try await body(readers[Int(turn % UInt(readers.count))].sql())
    }

    /// Reader connections are shared, so a snapshot is for a process that reads alone (the CLI's `verify`).
    public func snapshot<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await readers[0].sql().transaction("BEGIN", logger: logger, body)
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
        for reader in readers { try await reader.close() }
        try await writer.close()
    }
}
