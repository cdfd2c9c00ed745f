import SQLKit

/// The storage seam: reads see committed data; writes run in one transaction, one writer at a time.
/// SQLite (``SQLiteDatabase``) and PostgreSQL (``PostgresDatabase``) implement it with the same behaviour.
public protocol Database: Sendable {
    func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    /// Runs `body` on one consistent read-only snapshot of the committed data.
    func snapshot<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    /// Runs `body` atomically: committed when it returns (and only then does `write` return), rolled back when it
    /// throws. Writes are serialized across every process using the database, so each sees the ones before it.
    func write<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    /// Runs a ledger command like `write`, reading and recording through the writer's ``WriteBatch``.
    func record<T: Sendable>(_ body: @escaping @Sendable (WriteBatch) async throws -> T) async throws -> T
    /// Whether this process is the one that runs `duty` now; several server instances share a database, and only
    /// one of them fires deadlines or signs checkpoints. Asked again before each round of the duty.
    func leads(_ duty: Duty) async throws -> Bool
    func close() async throws
}

/// A background duty that exactly one server instance performs at a time.
public enum Duty: String, Sendable, CaseIterable {
    case scheduler
    case checkpointSigner = "checkpoint-signer"
}
