import Foundation
import Logging
import Procurement
import ServiceLifecycle
import Storage

/// The chronograph: fires deadline transitions (period ends, standstill ends) once their time has come on the
/// platform clock. Each transition is an ordinary command by the `system` actor, so it lands in the event log.
public struct Scheduler: Service {
    let ledger: Ledger
    let interval: Duration
    let logger: Logger

    public init(ledger: Ledger, interval: Duration = .milliseconds(500), logger: Logger) {
        self.ledger = ledger
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            await tick()
            try? await Task.sleep(for: interval)
        }
    }

    /// Fires every transition that is due now; returns how many fired. Of several server instances on one database,
    /// only the one leading the scheduler fires; each transition is a versioned command, so it lands once regardless.
    @discardableResult
    public func tick() async -> Int {
        var fired = 0
        do {
            guard try await ledger.database.leads(.scheduler) else { return 0 }
            let now = ledger.time.now
            for id in try await ledger.dueTenders(at: now) {
                guard let tender = try await ledger.tender(id), let command = tender.value.dueCommand(at: now) else { continue }
                do {
                    _ = try await ledger.execute(command, tender: id, actor: .system, expectedVersion: tender.version)
                    fired += 1
                } catch let error as DomainError {
                    logger.warning("scheduled \(command.name) refused", metadata: ["tender": "\(id)", "code": "\(error.code)"])
                }
            }
        } catch {
            logger.error("scheduler tick failed", metadata: ["error": "\(error)"])
        }
        return fired
    }
}
