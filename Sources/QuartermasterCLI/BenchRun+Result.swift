import Foundation

extension BenchRun {
    /// The figures of one storm.
    struct Result {
        let backend: String
        let instances: Int
        let bidders: Int
        let acknowledged: Int
        let perSecond: Double
        /// Milliseconds.
        let p50: Double
        let p99: Double
        let errors: Int
        let tally: BenchTally
        var logVerified = false

        static let widths = [9, 9, 8, 7, 9, 8, 8, 7, 14, 16, 5, 7]
        static var header: String {
            BenchFormat.row(
                [
                    "database", "servers", "bidders", "acked", "acked/s", "p50 ms", "p99 ms", "errors", "bids stored", "writes stored", "lost",
                    "unacked",
                ],
                widths: widths
            )
        }

        var row: String {
            BenchFormat.row(
                [
                    backend, "\(instances)", "\(bidders)", "\(acknowledged)", BenchFormat.grouped(perSecond), BenchFormat.fixed(p50, 1),
                    BenchFormat.fixed(p99, 1), "\(errors)", "\(tally.bidsStored)/\(tally.bidsAcknowledged)",
                    "\(tally.writesStored)/\(tally.writesAcknowledged)", "\(tally.lost)", "\(tally.unacknowledged)",
                ],
                widths: Self.widths
            )
        }

        /// Acknowledged writes per second of PostgreSQL against SQLite, and of more servers against one.
        static func ratios(_ results: [Result]) -> String {
            var lines = ["ratios of acknowledged bids/s:"]
            let key = { (result: Result) in "\(result.backend) \(result.instances) \(result.bidders)" }
            let byKey = Dictionary(results.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
            for result in results where result.backend == "postgres" {
                if let sqlite = byKey["sqlite \(result.instances) \(result.bidders)"] {
                    lines.append(
                        "  postgres/sqlite, \(result.instances) server(s), \(result.bidders) bidders: \(BenchFormat.fixed(result.perSecond / sqlite.perSecond))"
                    )
                }
            }
            for result in results where result.instances > 1 {
                if let single = byKey["\(result.backend) 1 \(result.bidders)"] {
                    lines.append(
                        "  \(result.backend), \(result.instances) servers/1, \(result.bidders) bidders: \(BenchFormat.fixed(result.perSecond / single.perSecond))"
                    )
                }
            }
            return lines.joined(separator: "\n")
        }
    }
}
