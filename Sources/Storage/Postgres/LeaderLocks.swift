import Logging
import NIOPosix
import PostgresKit
import SQLKit

/// Leader election by session-level advisory lock: the instance whose dedicated connection holds a duty's lock
/// performs it. The lock goes with the connection, so when a leader dies PostgreSQL frees it and another instance
/// takes the duty over at its next round.
actor LeaderLocks {
    private let source: PostgresConnectionSource
    private let schemaKey: Int32
    private let logger: Logger
    private var connections: [Duty: PostgresConnection] = [:]
    private var held: Set<Duty> = []

    init(configuration: SQLPostgresConfiguration, schemaKey: Int32, logger: Logger) {
        source = PostgresConnectionSource(sqlConfiguration: configuration)
        self.schemaKey = schemaKey
        self.logger = logger
    }

    func leads(_ duty: Duty) async throws -> Bool {
        let connection = try await connection(for: duty)
        do {
            if held.contains(duty) {
                _ = try await connection.sql().raw("SELECT 1 AS alive").first()
                return true
            }
            let row = try await connection.sql().raw(
                "SELECT pg_try_advisory_lock(\(literal: AdvisoryLock.duty(duty)), \(literal: schemaKey)) AS held"
            ).first()
            if try row?.decode(column: "held", as: Bool.self) == true {
                held.insert(duty)
                logger.info("leading \(duty.rawValue)")
            }
            return held.contains(duty)
        } catch {
            drop(duty)
            throw error
        }
    }

    func release() async {
        for duty in Array(connections.keys) {
            try? await connections[duty]?.close().get()
            drop(duty)
        }
    }

    private func connection(for duty: Duty) async throws -> PostgresConnection {
        if let connection = connections[duty], !connection.isClosed { return connection }
        drop(duty)
        let connection = try await source.makeConnection(logger: logger, on: MultiThreadedEventLoopGroup.singleton.any()).get()
        connections[duty] = connection
        return connection
    }

    private func drop(_ duty: Duty) {
        if held.remove(duty) != nil { logger.warning("lost the lead of \(duty.rawValue)") }
        connections[duty] = nil
    }
}
