import Foundation

/// The Go peer of `bench tlog`: scripts/bench/tlogbench/main.go built against golang.org/x/mod in GOPATH mode
/// (Debian: `apt-get install golang-go golang-golang-x-mod-dev`; no module proxy needed).
struct BenchGoPeer {
    let binary: URL
    let version: String
    let detail: String

    /// What the peer prints: one JSON object.
    private struct Output: Decodable {
        let go: String
        let leaves: Int
        let appendSeconds: Double
        let treeHashNs: Double
        let root: String
        let inclusionNs: [Double]
        let consistencyNs: [Double]
        let proofSha256: String
    }

    static func build(source: String) throws -> BenchGoPeer {
        let main = URL(fileURLWithPath: source).appendingPathComponent("main.go")
        guard FileManager.default.fileExists(atPath: main.path) else {
            throw TlogError("no Go peer at \(main.path) (run from the project root, pass --go-peer DIR, or --no-go)")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qm-tlogbench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let binary = directory.appendingPathComponent("tlogbench")
        let (status, output) = try run("/usr/bin/env", ["go", "build", "-o", binary.path, main.path])
        guard status == 0 else {
            throw TlogError(
                "building the Go peer failed (needs `apt-get install golang-go golang-golang-x-mod-dev`, or pass --no-go):\n" + output
            )
        }
        let xmod = (try? run("/usr/bin/env", ["dpkg-query", "-W", "-f", "${Version}", "golang-golang-x-mod-dev"]))
            .flatMap { $0.0 == 0 ? $0.1.split(separator: "-").first.map(String.init) : nil }
        let go = (try? run("/usr/bin/env", ["go", "env", "GOVERSION"])).map { $0.1.trimmingCharacters(in: .whitespacesAndNewlines) } ?? "go"
        return BenchGoPeer(
            binary: binary,
            version: "Go x/mod" + (xmod.map { " " + $0 } ?? ""),
            detail: "\(go), golang.org/x/mod\(xmod.map { " " + $0 } ?? "") (GOPATH mode)"
        )
    }

    /// Deletes the built binary.
    func remove() {
        try? FileManager.default.removeItem(at: binary.deletingLastPathComponent())
    }

    func run(leaves: Int, proofs: Int, seed: UInt64) throws -> BenchTlog.Figures {
        defer { fflush(nil) }
        let (status, output) = try Self.run(binary.path, ["-leaves", String(leaves), "-proofs", String(proofs), "-seed", String(seed)])
        guard status == 0 else { throw TlogError("the Go peer failed:\n" + output) }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let peer = try decoder.decode(Output.self, from: Data(output.utf8))
        guard peer.leaves == leaves else { throw TlogError("the Go peer appended \(peer.leaves) leaves, not \(leaves)") }
        return BenchTlog.Figures(
            leaves: peer.leaves,
            appendSeconds: peer.appendSeconds,
            rootNanos: peer.treeHashNs,
            inclusion: BenchLatencies(nanos: peer.inclusionNs),
            consistency: BenchLatencies(nanos: peer.consistencyNs),
            root: peer.root,
            proofSHA256: peer.proofSha256,
            label: "Go " + peer.go
        )
    }

    /// Runs a program with GOPATH mode set up, returning its exit status and standard output (standard error on failure).
    private static func run(_ executable: String, _ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GO111MODULE"] = "off"
        environment["GOPATH"] = environment["TLOG_GOPATH"] ?? "/usr/share/gocode"
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let text = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let status = process.terminationStatus
        return (status, String(decoding: status == 0 ? text : text + errorText, as: UTF8.self))
    }
}
