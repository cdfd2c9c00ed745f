import ArgumentParser
import Crypto
import Foundation
import TransparencyLog

/// `quartermaster bench tlog`: our stored-hash tree beside Go's golang.org/x/mod/sumdb/tlog on the same leaves.
struct BenchTlog: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tlog",
        abstract: "Benchmark the transparency log's tree: appends per second and proof latency, beside Go x/mod.",
        discussion: """
            For each --leaves N: appends N leaves to an InMemoryHashStore (leaf hash + StoredHashLayout, the pure \
            algorithm), times the root, then times --proofs random inclusion proofs (a leaf of N) and as many \
            consistency proofs (a random old size to N). Then the Go peer (scripts/bench/tlogbench, built here in \
            GOPATH mode against Debian's golang-golang-x-mod-dev) does the same with tlog.StoredHashes, TreeHash, \
            ProveRecord and ProveTree on the same leaves and the same queries, and the two are printed side by side. \
            The roots and a SHA-256 over every proof hash must agree, or the command fails.

            Leaf i is 32 bytes: "quartermaster-bench-leaf/v1" zero-padded to 24 bytes, then i big-endian. Memory: \
            about 64 bytes per leaf on each side (10M leaves: ~0.7 GB Swift, then ~1 GB Go); the two run one after \
            the other. --sqlite-leaves M also appends M leaves through SQLite (the tlog_hashes table of a fresh \
            migrated database, one SELECT of siblings and one INSERT per stored hash as LogSequencer does, \
            --sqlite-batch leaves per transaction) and times proofs through LogStore.withHashes.
            """
    )

    @Option(help: ArgumentHelp("Leaves to append (repeatable; default 1000000).", valueName: "n")) var leaves: [Int] = []
    @Option(help: "Random proofs of each kind to time.") var proofs = 1000
    @Option(help: "Seed of the proof queries (SplitMix64).") var seed: UInt64 = 1
    @Option(help: ArgumentHelp("Also append this many leaves through SQLite (0: skip).", valueName: "m")) var sqliteLeaves = 100_000
    @Option(help: "Leaves per SQLite write transaction.") var sqliteBatch = 1000
    @Option(help: ArgumentHelp("Directory of the Go peer's main.go.", valueName: "dir")) var goPeer = "scripts/bench/tlogbench"
    @Flag(help: "Skip the Go peer.") var noGo = false

    func validate() throws {
        guard (leaves.isEmpty ? [1_000_000] : leaves).allSatisfy({ $0 >= 2 }) else { throw ValidationError("--leaves must be at least 2") }
        guard proofs >= 1 else { throw ValidationError("--proofs must be at least 1") }
        guard sqliteLeaves == 0 || sqliteLeaves >= 2 else { throw ValidationError("--sqlite-leaves must be 0 or at least 2") }
        guard sqliteBatch >= 1 else { throw ValidationError("--sqlite-batch must be at least 1") }
    }

    func run() async throws {
        #if DEBUG
        print("warning: a debug build; build with `swift build -c release` for meaningful figures\n")
        #endif
        let peer = noGo ? nil : try BenchGoPeer.build(source: goPeer)
        defer { peer?.remove() }
        var failures: [String] = []
        for n in leaves.isEmpty ? [1_000_000] : leaves {
            print(
                "== \(BenchFormat.grouped(Double(n))) leaves, \(proofs) random proofs of each kind, seed \(seed)\(peer.map { ", peer: " + $0.detail } ?? "")"
            )
            fflush(nil)
            let swift = try await Self.runInMemory(leaves: n, proofs: proofs, seed: seed)
            let go = try peer?.run(leaves: n, proofs: proofs, seed: seed)
            print(Self.table(swift: swift, go: go, goName: peer?.version ?? "Go x/mod"))
            if let go {
                let rootsAgree = go.root == swift.root
                let proofsAgree = go.proofSHA256 == swift.proofSHA256
                print("roots \(rootsAgree ? "agree" : "DIFFER"): \(swift.root)")
                print("proofs \(proofsAgree ? "byte-identical" : "DIFFER"): sha256 \(swift.proofSHA256)")
                if !rootsAgree || !proofsAgree { failures.append("\(n) leaves: Swift and x/mod disagree") }
            }
            print()
        }
        if sqliteLeaves > 0 {
            print("== SQLite: \(BenchFormat.grouped(Double(sqliteLeaves))) leaves, \(sqliteBatch) per transaction, \(proofs) proofs of each kind")
            fflush(nil)
            let sqlite = try await BenchSQLite.run(leaves: sqliteLeaves, batch: sqliteBatch, proofs: proofs, seed: seed)
            let reference = try await Self.runInMemory(leaves: sqliteLeaves, proofs: proofs, seed: seed)
            print(Self.table(swift: sqlite, go: nil, goName: ""))
            let agree = sqlite.root == reference.root && sqlite.proofSHA256 == reference.proofSHA256
            print("root and proofs \(agree ? "equal" : "DIFFER FROM") the in-memory store's")
            if !agree { failures.append("SQLite and in-memory disagree") }
            print()
        }
        guard failures.isEmpty else { throw TlogError("bench tlog: " + failures.joined(separator: "; ")) }
    }

    /// One side's figures for one tree size.
    struct Figures {
        var leaves: Int
        var appendSeconds: Double
        var rootNanos: Double
        var inclusion: BenchLatencies
        var consistency: BenchLatencies
        var root: String
        var proofSHA256: String
        var label = "Swift (ours)"

        var appendsPerSecond: Double { Double(leaves) / appendSeconds }
    }

    /// Appends leaves `0..<n` to an in-memory store, then times the root and `proofs` proofs of each kind.
    static func runInMemory(leaves n: Int, proofs: Int, seed: UInt64) async throws -> Figures {
        var store = InMemoryHashStore()
        var leaf = leafTemplate
        let clock = ContinuousClock()
        let start = clock.now
        for i in 0..<UInt64(n) {
            setLeafIndex(i, in: &leaf)
            store.append(leafHash: .leaf(leaf))
        }
        let appendSeconds = BenchFormat.nanos(clock.now - start) / 1e9
        return try await timeProofs(reader: store, leaves: n, proofs: proofs, seed: seed, appendSeconds: appendSeconds)
    }

    /// Times the root (median of 101) and `proofs` proofs of each kind over any hash reader.
    static func timeProofs(
        reader: some HashReader,
        leaves n: Int,
        proofs: Int,
        seed: UInt64,
        appendSeconds: Double
    ) async throws -> Figures {
        let size = UInt64(n)
        let clock = ContinuousClock()
        var root = Hash.emptyTree
        var rootTimes: [Double] = []
        for _ in 0..<101 {
            let start = clock.now
            root = try await reader.treeHash(size: size)
            rootTimes.append(BenchFormat.nanos(clock.now - start))
        }
        let rootNanos = BenchLatencies(nanos: rootTimes).percentile(0.5)

        var random = BenchSplitMix64(state: seed)
        var digest = SHA256()
        var inclusion: [Double] = []
        for _ in 0..<proofs {
            let index = random.next() % size
            let start = clock.now
            let proof = try await reader.inclusionProof(leafIndex: index, treeSize: size)
            inclusion.append(BenchFormat.nanos(clock.now - start))
            for hash in proof.hashes { digest.update(data: hash.bytes) }
        }
        var consistency: [Double] = []
        for _ in 0..<proofs {
            let old = 1 + random.next() % (size - 1)
            let start = clock.now
            let proof = try await reader.consistencyProof(oldSize: old, newSize: size)
            consistency.append(BenchFormat.nanos(clock.now - start))
            for hash in proof.hashes { digest.update(data: hash.bytes) }
        }
        return Figures(
            leaves: n,
            appendSeconds: appendSeconds,
            rootNanos: rootNanos,
            inclusion: BenchLatencies(nanos: inclusion),
            consistency: BenchLatencies(nanos: consistency),
            root: root.base64,
            proofSHA256: digest.finalize().map { String(format: "%02x", $0) }.joined()
        )
    }

    static let leafTemplate: [UInt8] = Array("quartermaster-bench-leaf/v1".utf8.prefix(24)) + [UInt8](repeating: 0, count: 8)

    static func setLeafIndex(_ index: UInt64, in leaf: inout [UInt8]) {
        for byte in 0..<8 { leaf[24 + byte] = UInt8(truncatingIfNeeded: index >> (56 - 8 * byte)) }
    }

    static func table(swift: Figures, go: Figures?, goName: String) -> String {
        let widths = [22, 16, 16, 10]
        var lines = [BenchFormat.row(["", swift.label] + (go.map { _ in [goName, "Swift/Go"] } ?? []), widths: widths)]
        func line(_ name: String, _ value: (Figures) -> Double, format: (Double) -> String) {
            var cells = [name, format(value(swift))]
            if let go { cells += [format(value(go)), BenchFormat.fixed(value(swift) / value(go)) + "x"] }
            lines.append(BenchFormat.row(cells, widths: widths))
        }
        line("appends/s", \.appendsPerSecond, format: BenchFormat.grouped)
        line("append total (s)", \.appendSeconds) { BenchFormat.fixed($0, 3) }
        line("root p50 of 101 (µs)", { $0.rootNanos / 1e3 }, format: { BenchFormat.fixed($0) })
        line("inclusion p50 (µs)", { $0.inclusion.percentile(0.5) / 1e3 }, format: { BenchFormat.fixed($0) })
        line("inclusion p99 (µs)", { $0.inclusion.percentile(0.99) / 1e3 }, format: { BenchFormat.fixed($0) })
        line("consistency p50 (µs)", { $0.consistency.percentile(0.5) / 1e3 }, format: { BenchFormat.fixed($0) })
        line("consistency p99 (µs)", { $0.consistency.percentile(0.99) / 1e3 }, format: { BenchFormat.fixed($0) })
        if go != nil { lines.append("(Swift/Go: above 1 is faster for appends/s, slower for times)") }
        return lines.joined(separator: "\n")
    }
}
