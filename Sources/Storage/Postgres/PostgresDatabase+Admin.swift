import Foundation
import SQLKit

extension PostgresDatabase {
    /// Creates an empty database named `name` on the server of `url` and returns its URL: benchmarks and checks use
    /// one each. `name` must be a plain identifier.
    public static func createDatabase(named name: String, onServerOf url: String) async throws -> String {
        try await onServer(of: url) { sql in try await sql.raw("CREATE DATABASE \(ident: name)").run() }
        guard var components = URLComponents(string: url) else { throw StorageError.badDatabaseURL(PostgresURL.redacted(url)) }
        components.path = "/" + name
        guard let named = components.string else { throw StorageError.badDatabaseURL(PostgresURL.redacted(url)) }
        return named
    }

    public static func dropDatabase(named name: String, onServerOf url: String) async throws {
        try await onServer(of: url) { sql in try await sql.raw("DROP DATABASE IF EXISTS \(ident: name) WITH (FORCE)").run() }
    }

    private static func onServer(of url: String, _ body: @Sendable (any SQLDatabase) async throws -> Void) async throws {
        let server = try await open(url: url, connections: 1)
        do { try await server.read(body) } catch {
            try? await server.close()
            throw error
        }
        try await server.close()
    }
}
