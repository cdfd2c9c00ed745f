import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresKit
import SQLKit

/// PostgreSQL, for several server instances sharing one database. Every write transaction (a group of waiting
/// writes: ``GroupCommit``) first takes a transaction-level advisory lock, so writes are serialized across all
/// instances exactly as SQLite serializes them: a stream's version check, the next event sequence number and the next log leaf index are each decided by
/// the one writer holding the lock, and transactions commit in sequence order, so a feed reader never sees event
/// N+1 before N and the sequence has no gaps. Reads run concurrently on a pool of connections.
public final class PostgresDatabase: Database {
    private let pool: PostgresPool
    private let writes: GroupCommit
    private let leaders: LeaderLocks
    private let logger: Logger

    /// Opens a pool of at most `connections` connections to the database at `url` (`postgres://user:pass@host:port/db`).
    /// `schema` confines every table, lock and duty to one schema of the database (tests use a fresh one each).
    public static func open(
        url: String,
        schema: String? = nil,
        connections: Int = 8,
        logger: Logger = Logger(label: "quartermaster.postgres")
    ) async throws -> PostgresDatabase {
        var configuration = try SQLPostgresConfiguration(url: url)
        configuration.searchPath = schema.map { [$0] }
        let source = PostgresConnectionSource(sqlConfiguration: configuration)
        let group = MultiThreadedEventLoopGroup.singleton
        let loops = Array(group.makeIterator()).count
        let connectionPool = EventLoopGroupConnectionPool(
            source: source,
            maxConnectionsPerEventLoop: max(1, connections / max(1, loops)),
            requestTimeout: .seconds(30),
            pruneInterval: nil,
            logger: logger,
            on: group
        )
        let key = AdvisoryLock.schemaKey(schema ?? "public")
        let database = PostgresDatabase(
            pool: PostgresPool(connectionPool, logger: logger),
            schemaKey: key,
            leaders: LeaderLocks(configuration: configuration, schemaKey: key, logger: logger),
            logger: logger
        )
        do {
            _ = try await database.read { sql in try await sql.raw("SELECT 1 AS one").first() }
        } catch {
            try? await database.close()
            throw StorageError.cannotConnect(url: PostgresURL.redacted(url), reason: String(reflecting: error))
        }
        return database
    }

    private init(pool: PostgresPool, schemaKey: Int32, leaders: LeaderLocks, logger: Logger) {
        self.pool = pool
        self.leaders = leaders
        self.logger = logger
        writes = GroupCommit { body in
            try await pool.withConnection { connection in
                try await connection.transaction("BEGIN", logger: logger) { sql in
                    try await sql.raw("SELECT pg_advisory_xact_lock(\(literal: AdvisoryLock.writer), \(literal: schemaKey))").run()
                    return try await body(sql)
                }
            }
        }
    }

    public func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await pool.withConnection { sql in try await body(sql) }
    }

    public func snapshot<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await pool.withConnection { sql in try await sql.transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", logger: logger, body) }
    }

    public func write<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await writes.write(body)
    }

    public func record<T: Sendable>(_ body: @escaping @Sendable (WriteBatch) async throws -> T) async throws -> T {
        try await writes.record(body)
    }

    public func leads(_ duty: Duty) async throws -> Bool {
        try await leaders.leads(duty)
    }

    public func close() async throws {
        await leaders.release()
        try await pool.shutdown()
    }

}

/// The first key of each advisory lock; the second is a hash of the schema, so databases in different schemas of
/// one server never contend.
enum AdvisoryLock {
    static let writer: Int32 = 0x5157_0001
    static func duty(_ duty: Duty) -> Int32 {
        switch duty {
        case .scheduler: 0x5157_0002
        case .checkpointSigner: 0x5157_0003
        }
    }

    /// FNV-1a, stable across processes and builds (unlike `Hasher`).
    static func schemaKey(_ schema: String) -> Int32 {
        let hash = schema.utf8.reduce(UInt32(2_166_136_261)) { ($0 ^ UInt32($1)) &* 16_777_619 }
        return Int32(bitPattern: hash)
    }
}
