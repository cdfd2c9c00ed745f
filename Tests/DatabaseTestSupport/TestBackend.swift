import Foundation
import SQLKit
import Storage

/// The databases the storage and HTTP tests run against: SQLite always, and PostgreSQL when the environment
/// variable `QM_TEST_POSTGRES_URL` names a server (`postgres://user:password@127.0.0.1:5432/database`). Without it
/// the PostgreSQL runs are skipped, except under CI (`CI=true`), where its absence is an error.
public enum TestBackend: String, Sendable, CaseIterable, CustomStringConvertible {
    case sqlite
    case postgres

    public static let variable = "QM_TEST_POSTGRES_URL"

    /// The backends to run each test against.
    public static var enabled: [TestBackend] {
        ProcessInfo.processInfo.environment[variable] == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    /// Whether this run must cover PostgreSQL and cannot.
    public static var missingInCI: Bool {
        ProcessInfo.processInfo.environment["CI"] == "true" && ProcessInfo.processInfo.environment[variable] == nil
    }

    public var description: String { rawValue }

    static func postgresURL() throws -> String {
        guard let url = ProcessInfo.processInfo.environment[variable] else { throw MissingPostgres() }
        return url
    }

    static func withPostgresServer(_ body: @Sendable (any SQLDatabase) async throws -> Void) async throws {
        let server = try await PostgresDatabase.open(url: try postgresURL(), connections: 1)
        do { try await server.read(body) } catch {
            try? await server.close()
            throw error
        }
        try await server.close()
    }

    /// Runs `body` on a fresh, unmigrated database of each enabled backend in turn, dropping each afterwards.
    /// A failure names the backend it happened on.
    public static func withEach(_ body: (any Database, ScratchDatabase) async throws -> Void) async throws {
        for backend in enabled {
            let scratch = try await ScratchDatabase.create(backend)
            let database = try await scratch.open()
            do { try await body(database, scratch) } catch {
                try? await database.close()
                try? await scratch.drop()
                throw BackendFailure(backend: backend, error: error)
            }
            try await database.close()
            try await scratch.drop()
        }
    }
}

/// A test failure on one backend.
public struct BackendFailure: Error, CustomStringConvertible {
    public let backend: TestBackend
    public let error: any Error

    public init(backend: TestBackend, error: any Error) {
        self.backend = backend
        self.error = error
    }

    public var description: String { "on \(backend): \(error)" }
}

struct MissingPostgres: Error, CustomStringConvertible {
    var description: String { "\(TestBackend.variable) is not set" }
}
