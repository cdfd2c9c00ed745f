import ArgumentParser
import Foundation

/// `quartermaster bench …`: benchmarks of the real code paths, run from a release build (`swift build -c release`).
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmarks (build with -c release for meaningful figures).",
        subcommands: [BenchTlog.self, BenchDeadline.self]
    )
}

/// Latencies of one kind of operation, in nanoseconds.
struct BenchLatencies {
    let sortedNanos: [Double]

    init(nanos: [Double]) { sortedNanos = nanos.sorted() }

    /// Nearest-rank percentile, `p` in 0...1.
    func percentile(_ p: Double) -> Double {
        guard !sortedNanos.isEmpty else { return .nan }
        let rank = Int((p * Double(sortedNanos.count)).rounded(.up))
        return sortedNanos[min(max(rank, 1), sortedNanos.count) - 1]
    }
}

/// SplitMix64: the same query stream in Swift and in the Go peer.
struct BenchSplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

enum BenchFormat {
    static func nanos(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1e9 + Double(attoseconds) / 1e9
    }

    /// 1234567.8 → "1,234,568".
    static func grouped(_ value: Double) -> String {
        guard value.isFinite else { return "-" }
        let digits = String(Int64(value.rounded()))
        var out = ""
        for (offset, character) in digits.reversed().enumerated() {
            if offset > 0, offset % 3 == 0, character != "-" { out.append(",") }
            out.append(character)
        }
        return String(out.reversed())
    }

    static func fixed(_ value: Double, _ digits: Int = 2) -> String {
        value.isFinite ? String(format: "%.\(digits)f", value) : "-"
    }

    static func row(_ cells: [String], widths: [Int]) -> String {
        zip(cells, widths).enumerated().map { index, pair in
            let (cell, width) = pair
            let pad = String(repeating: " ", count: max(0, width - cell.count))
            return index == 0 ? cell + pad : pad + cell
        }.joined(separator: "  ")
    }
}
