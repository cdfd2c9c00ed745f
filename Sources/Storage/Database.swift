import SQLKit

/// The storage seam: reads see committed data; writes run in one transaction, one writer at a time.
/// SQLite implements it today; PostgreSQL implements the same protocol.
public protocol Database: Sendable {
    func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    func write<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    func close() async throws
}
