import AsyncKit
import Logging
import PostgresKit
import SQLKit

/// AsyncKit's connection pool, which guards its state with a lock but predates Sendable annotations.
final class PostgresPool: @unchecked Sendable {
    private let pool: EventLoopGroupConnectionPool<PostgresConnectionSource>
    private let logger: Logger

    init(_ pool: EventLoopGroupConnectionPool<PostgresConnectionSource>, logger: Logger) {
        self.pool = pool
        self.logger = logger
    }

    /// Runs `body` on one pooled connection, returned to the pool afterwards.
    func withConnection<T: Sendable>(_ body: (any SQLDatabase) async throws -> T) async throws -> T {
        let connection = try await pool.requestConnection(logger: logger).get()
        defer { pool.releaseConnection(connection, logger: logger) }
        return try await body(connection.sql())
    }

    func shutdown() async throws { try await pool.shutdownAsync() }
}
