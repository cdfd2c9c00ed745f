import ArgumentParser
import Foundation
import Procurement
import Storage
import TransparencyLog

/// One database and one set of servers for a deadline benchmark: seeded once, then one storm per number of bidders.
struct BenchRun {
    enum Backend {
        case sqlite
        case postgres(server: String)

        var name: String {
            switch self {
            case .sqlite: "sqlite"
            case .postgres: "postgres"
            }
        }
    }

    let backend: Backend
    let instances: Int
    let seconds: Double
    let crashAfter: Double?
    /// Each supplier's pace: one write per interval, or back to back when nil.
    let interval: Duration?
    let firstPort: Int

    static let origin = "bench.quartermaster.local/log"
    /// The sandbox clock covers a 16-day tender period (above every rule's minimum) in `seconds`.
    var rate: Double { (16 * 86_400 / seconds).rounded(.up) }

    /// Sets up the database and servers, runs a storm for each count, verifies the log, and removes everything.
    func storms(bidders counts: [Int]) async throws -> [Result] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qm-bench-deadline-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let databaseName = "qm_bench_\(ProcessInfo.processInfo.processIdentifier)_\(instances)"
        var arguments = ["--data-dir", directory]
        if case .postgres(let server) = backend {
            arguments += ["--database", try await PostgresDatabase.createDatabase(named: databaseName, onServerOf: server)]
        }
        let outcome: Swift.Result<[Result], any Error>
        do {
            outcome = .success(try await storms(bidders: counts, options: try DataOptions.parse(arguments), arguments: arguments))
        } catch {
            outcome = .failure(error)
        }
        try? FileManager.default.removeItem(atPath: directory)
        if case .postgres(let server) = backend { try await PostgresDatabase.dropDatabase(named: databaseName, onServerOf: server) }
        return try outcome.get()
    }

    private func storms(bidders counts: [Int], options: DataOptions, arguments: [String]) async throws -> [Result] {
        let world = try await Store.with(options) { database in try await BenchWorld.seed(database: database, suppliers: counts.max() ?? 0) }
        let origin = ISO8601DateFormatter().string(from: Date().addingTimeInterval(-1))
        let servers = BenchServers(
            ports: (0..<instances).map { firstPort + $0 },
            arguments: arguments + ["--log-origin", Self.origin, "--clock-rate", "\(rate)", "--clock-origin", origin],
            logDirectory: options.dataDir
        )
        try await servers.start()
        var results: [Result] = []
        do {
            for count in counts {
                results.append(try await storm(Array(world.suppliers.prefix(count)), world: world, servers: servers, options: options))
            }
        } catch {
            servers.stop()
            throw error
        }
        servers.stop()
        let verified = try await Store.with(options, migrate: false) { database in
            let key = try LogKey.loadOrCreate(dataDir: options.dataDir, origin: Self.origin)
            return try await LogVerifier(database: database, origin: Self.origin, keys: [key.verifierKey]).verify()
        }
        if case .failed(let failure) = verified { print("transparency log FAILED verification: \(failure)") }
        return results.map { result in
            var result = result
            result.logVerified = verified.failure == nil
            return result
        }
    }

    private func storm(_ suppliers: [BenchWorld.Supplier], world: BenchWorld, servers: BenchServers, options: DataOptions) async throws -> Result {
        let tender = try await BenchTender.publish(port: firstPort, officerToken: world.officerToken, periodDays: 16)
        let started = ContinuousClock.now
        let storm = BenchStorm(tender: tender, ports: servers.ports, interval: interval, end: started + .seconds(seconds + 15))
        async let storming = storm.run(suppliers)
        if let crashAfter {
            try await Task.sleep(for: .seconds(crashAfter))
            servers.kill()
            try await servers.start()
        }
        let bidders = await storming
        let tally = try await Store.with(options, migrate: false) { database in
            try await BenchTally.count(bidders: bidders, suppliers: suppliers, tender: TenderID(tender), database: database)
        }
        let latencies = BenchLatencies(nanos: bidders.flatMap(\.latencies))
        let last = bidders.compactMap(\.lastAcknowledgement).max() ?? started
        let acknowledged = bidders.map(\.acknowledged).reduce(0, +)
        return Result(
            backend: backend.name,
            instances: instances,
            bidders: suppliers.count,
            acknowledged: acknowledged,
            perSecond: Double(acknowledged) / max(BenchFormat.nanos(last - started) / 1e9, 1e-3),
            p50: latencies.percentile(0.5),
            p99: latencies.percentile(0.99),
            errors: bidders.map(\.errors).reduce(0, +),
            tally: tally
        )
    }
}
