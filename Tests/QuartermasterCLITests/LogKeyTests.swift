import Foundation
import Synchronization
import Testing
import TransparencyLog

@testable import QuartermasterCLI

/// The log's signing key file in the data directory, which every server instance on the data shares.
@Suite struct LogKeyTests {
    static let origin = "test.quartermaster.local/log"

    @Test func instancesStartingTogetherOnAnEmptyDirectoryEndWithOneKey() throws {
        for _ in 0..<50 {
            let directory = try Self.emptyDirectory()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let keys = Mutex<[Result<String, any Error>]>([])
            DispatchQueue.concurrentPerform(iterations: 2) { _ in
                let key = Result { try LogKey.loadOrCreate(dataDir: directory, origin: Self.origin).encoded }
                keys.withLock { $0.append(key) }
            }
            let encoded = try keys.withLock { try $0.map { try $0.get() } }
            let stored = try String(contentsOfFile: directory + "/" + LogKey.fileName, encoding: .utf8)
            #expect(Set(encoded).count == 1)
            #expect(encoded.first.map { $0 + "\n" } == stored)
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == [LogKey.fileName])
        }
    }

    @Test func theKeyIsCreatedOnceReadableByItsOwnerOnly() throws {
        let directory = try Self.emptyDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let first = try LogKey.loadOrCreate(dataDir: directory, origin: Self.origin)
        let again = try LogKey.loadOrCreate(dataDir: directory, origin: Self.origin)
        let attributes = try FileManager.default.attributesOfItem(atPath: directory + "/" + LogKey.fileName)
        #expect(again.encoded == first.encoded)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test func aKeyForAnotherOriginIsRefused() throws {
        let directory = try Self.emptyDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try LogKey.loadOrCreate(dataDir: directory, origin: Self.origin)
        #expect(throws: LogKeyError.self) { try LogKey.loadOrCreate(dataDir: directory, origin: "elsewhere.example/log") }
    }

    private static func emptyDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("qm-log-key-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
