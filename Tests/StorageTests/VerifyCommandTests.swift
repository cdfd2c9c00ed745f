import DatabaseTestSupport
import Foundation
import Testing
import TransparencyLog

/// `quartermaster verify` on a data directory holding an SQLite copy of the fixture and its signer key.
@Suite struct VerifyCommandTests {
    /// The `quartermaster` executable built beside the test bundle, if any.
    static let binary: String? = {
        let candidates = [URL(fileURLWithPath: CommandLine.arguments[0]), Bundle.main.bundleURL, Bundle.main.executableURL].compactMap { $0 }
        for candidate in candidates {
            var directory = candidate.deletingLastPathComponent()
            for _ in 0..<4 {
                let path = directory.appendingPathComponent("quartermaster").path
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                    FileManager.default.isExecutableFile(atPath: path)
                {
                    return path
                }
                directory = directory.deletingLastPathComponent()
            }
        }
        return nil
    }()

    @Test(.enabled(if: binary != nil, "needs the built quartermaster binary beside the test bundle"))
    func theCommandLineVerifiesAndNamesTheFirstBadIndex() async throws {
        let binary = try #require(Self.binary)
        try await LogFixture.with(.sqlite) { fixture in
            let dataDir = try Self.dataDirectory(fixture)
            defer { try? FileManager.default.removeItem(atPath: dataDir) }
            let origin = LogFixture.origin

            let good = try Self.run(binary, ["verify", "--data-dir", dataDir, "--log-origin", origin])
            #expect(good.status == 0)
            #expect(good.output.hasPrefix("OK: transparency log \(origin) verified: \(fixture.size) events"))
            #expect(good.output.split(separator: "\n").count == 1)

            let saved = dataDir + "/saved.checkpoint"
            try Data(try #require(fixture.notes[fixture.size]).utf8).write(to: URL(fileURLWithPath: saved))
            let withSaved = try Self.run(binary, ["verify", "--data-dir", dataDir, "--log-origin", origin, "--checkpoint", saved])
            #expect(withSaved.status == 0)
            #expect(withSaved.output.contains("3 checkpoints and 1 external checkpoints"))

            let noDatabase = try Self.run(binary, ["verify", "--data-dir", dataDir + "/nothing-here"])
            #expect(noDatabase.status == 2)
            #expect(noDatabase.errors == "Error: no database at \(dataDir)/nothing-here/quartermaster.sqlite\n")

            let wrongOrigin = try Self.run(binary, ["verify", "--data-dir", dataDir])
            #expect(wrongOrigin.status != 0)
            #expect(wrongOrigin.errors.contains("pass --log-origin \(origin)"))

            try await LogFixture.tamper(sqliteFile: dataDir + "/quartermaster.sqlite", ["UPDATE events SET payload = payload || ' ' WHERE seq = 17"])
            let bad = try Self.run(binary, ["verify", "--data-dir", dataDir, "--log-origin", origin])
            #expect(bad.status == 1)
            #expect(bad.output.isEmpty)
            #expect(bad.errors == "FAILED: transparency log \(origin): leaf 16 (event seq 17): entry does not match the event\n")

            try FileManager.default.removeItem(atPath: dataDir + "/log-signer.key")
            let byVKey = try Self.run(binary, ["verify", "--data-dir", dataDir, "--log-origin", origin, "--vkey", fixture.key.verifierKey.encoded])
            #expect(byVKey.status == 1)
            #expect(byVKey.errors.contains("leaf 16 (event seq 17)"))
            #expect(!FileManager.default.fileExists(atPath: dataDir + "/log-signer.key"))
        }
    }

    /// A data directory holding a copy of the fixture's closed SQLite file and its signer key.
    private static func dataDirectory(_ fixture: LogFixture) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qm-verify-data-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: fixture.scratch.sqlitePath, toPath: directory + "/quartermaster.sqlite")
        try Data((fixture.key.encoded + "\n").utf8).write(to: URL(fileURLWithPath: directory + "/log-signer.key"))
        return directory
    }

    private static func run(_ binary: String, _ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outputData, as: UTF8.self), String(decoding: errorData, as: UTF8.self))
    }
}
