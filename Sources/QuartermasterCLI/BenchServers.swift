import Foundation
import NIOHTTP1

/// `serve` processes of this same executable for a benchmark: one per port, sharing a data directory, a database and
/// one sandbox clock. They can be SIGKILLed and started again, as in a crash.
final class BenchServers {
    let ports: [Int]
    private let arguments: [String]
    private let logDirectory: String
    private var processes: [Process] = []

    init(ports: [Int], arguments: [String], logDirectory: String) {
        self.ports = ports
        self.arguments = arguments
        self.logDirectory = logDirectory
    }

    /// Starts the servers one after another, each once the previous one answers.
    func start() async throws {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        for port in ports {
            let process = Process()
            process.executableURL = executable
            process.arguments = ["serve", "--port", "\(port)"] + arguments
            let log = logDirectory + "/serve-\(port).log"
            guard FileManager.default.createFile(atPath: log, contents: nil) else { throw BenchError("cannot write \(log)") }
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
            handle.seekToEndOfFile()
            process.standardOutput = handle
            process.standardError = handle
            try process.run()
            processes.append(process)
            try await waitUntilHealthy(port: port, process: process, log: log)
        }
    }

    func kill() {
        for process in processes where process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
        for process in processes { process.waitUntilExit() }
        processes = []
    }

    func stop() {
        for process in processes where process.isRunning { process.terminate() }
        for process in processes { process.waitUntilExit() }
        processes = []
    }

    private func waitUntilHealthy(port: Int, process: Process, log: String) async throws {
        let deadline = ContinuousClock.now + .seconds(120)
        while ContinuousClock.now < deadline {
            guard process.isRunning else { throw BenchError("the server on port \(port) exited; see \(log)") }
            let healthy = try? await BenchHTTPConnection.with(port: port) { connection in try await connection.send(.GET, "/healthz").status == 200 }
            if healthy == true { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw BenchError("the server on port \(port) did not answer within two minutes; see \(log)")
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}
