import Logging
import SQLKit

extension SQLDatabase {
    /// Runs `body` on this connection between `begin` and COMMIT; rolls back when it throws.
    func transaction<T: Sendable>(_ begin: SQLQueryString, logger: Logger, _ body: (any SQLDatabase) async throws -> T) async throws -> T {
        try await raw(begin).run()
        do {
            let value = try await body(self)
            try await raw("COMMIT").run()
            return value
        } catch {
            do { try await raw("ROLLBACK").run() } catch { logger.error("rollback failed: \(error)") }
            throw error
        }
    }
}
