import ArgumentParser
import Foundation
import Procurement
import Storage
import TransparencyLog

/// `quartermaster bench deadline`: the bid-deadline storm on SQLite and PostgreSQL, with one and several servers.
struct BenchDeadline: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deadline",
        abstract: "Suppliers submitting and replacing bids over real HTTP in the last seconds before a bid deadline.",
        discussion: """
            For each database (SQLite in a temporary data directory; PostgreSQL when --postgres names a server, on \
            a database created for the run and dropped after) and each number of server instances, starts that many \
            `serve` processes on one sandbox clock, registers the suppliers with tokens through the code paths of \
            registration and `user add`, and for each number of bidders publishes a tender whose deadline falls \
            --seconds later; every supplier then submits a bid and replaces it until the deadline refuses it. Prints \
            acknowledged bid writes per second, latency percentiles and errors, then compares the store with the \
            acknowledgements: every acknowledged write must be there, intact, and nothing unacknowledged. With \
            --crash-after, every server is SIGKILLed that many seconds into each storm and started again (the crash \
            test). Finally the transparency log is verified. Build with -c release for meaningful figures.
            """
    )

    @Option(help: ArgumentHelp("Concurrent suppliers, comma-separated: one storm each.", valueName: "n,n")) var bidders = "50,200,1000"
    @Option(help: ArgumentHelp("Server instances, comma-separated.", valueName: "n,n")) var instances = "1,2"
    @Option(help: "Real seconds from publication to the deadline.") var seconds: Double = 5
    @Option(help: ArgumentHelp("A PostgreSQL server to run on as well (a database is created on it per run).", valueName: "url"))
    var postgres: String?
    @Option(help: ArgumentHelp("Crash test: SIGKILL every server this many seconds into each storm, then restart them.", valueName: "seconds"))
    var crashAfter: Double?
    @Option(
        help: ArgumentHelp(
            "Each supplier sends one write per this many milliseconds, latency counted from the scheduled time; 0: back to back.",
            valueName: "ms"
        )
    )
    var interval = 200
    @Option(help: "First port; instances listen on consecutive ports.") var port = 18200

    func validate() throws {
        guard let counts = Self.counts(bidders), counts.allSatisfy({ (1...5_000).contains($0) }) else {
            throw ValidationError("--bidders takes numbers from 1 to 5000, comma-separated")
        }
        guard let servers = Self.counts(instances), servers.allSatisfy({ (1...8).contains($0) }) else {
            throw ValidationError("--instances takes numbers from 1 to 8, comma-separated")
        }
        guard (1...60).contains(seconds) else { throw ValidationError("--seconds must be between 1 and 60") }
        guard (0...10_000).contains(interval) else { throw ValidationError("--interval must be between 0 and 10000 milliseconds") }
        if let crashAfter, !(0 < crashAfter && crashAfter < seconds) { throw ValidationError("--crash-after must fall within --seconds") }
        if let postgres { _ = try DatabaseLocation(url: postgres) }
    }

    func run() async throws {
        let counts = Self.counts(bidders) ?? []
        let backends: [BenchRun.Backend] = [.sqlite] + (postgres.map { [.postgres(server: $0)] } ?? [])
        let pace = interval == 0 ? "each supplier writes back to back" : "each supplier writes every \(interval) ms"
        print(
            "== bid-deadline storm: \(seconds)s to the deadline, \(pace)\(crashAfter.map { ", servers SIGKILLed after \($0)s and restarted" } ?? "")"
        )
        print(BenchRun.Result.header)
        var results: [BenchRun.Result] = []
        for backend in backends {
            for servers in Self.counts(instances) ?? [] {
                let run = BenchRun(
                    backend: backend,
                    instances: servers,
                    seconds: seconds,
                    crashAfter: crashAfter,
                    interval: interval == 0 ? nil : .milliseconds(interval),
                    firstPort: port
                )
                for result in try await run.storms(bidders: counts) {
                    print(result.row)
                    fflush(nil)
                    results.append(result)
                }
            }
        }
        print(BenchRun.Result.ratios(results))
        let failed = results.filter { (result: BenchRun.Result) in result.tally.lost > 0 || result.tally.unacknowledged > 0 || !result.logVerified }
        guard failed.isEmpty else {
            throw BenchError("\(failed.count) runs lost acknowledged writes, kept unacknowledged ones, or failed verification")
        }
    }

    private static func counts(_ list: String) -> [Int]? {
        let values = list.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        return values.isEmpty || values.contains(nil) ? nil : values.compactMap { $0 }
    }
}
