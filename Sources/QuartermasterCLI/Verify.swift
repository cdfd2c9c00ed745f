import ArgumentParser
import Foundation
import Storage
import TransparencyLog

/// `quartermaster verify`: recomputes the transparency log from the event store and checks it. Exits 1 naming the
/// first bad index when anything was altered, removed or reordered; prints a one-line summary otherwise.
struct Verify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Recompute the transparency log from the event store; check every leaf, stored hash and signed checkpoint.",
        discussion: """
            Reads the database without changing it. Checkpoints are checked with the verifier key of the data \
            directory's log-signer.key, or with the keys given by --vkey. A checkpoint kept elsewhere (saved from \
            /tlog/checkpoint, say) can be given with --checkpoint: the log must still contain it. Exits 0 when the log \
            verifies, 1 when verification fails, 2 when it cannot run (no database, no key).
            """
    )

    @OptionGroup var data: DataOptions
    @OptionGroup var log: LogOptions
    @Option(name: .customLong("vkey"), help: "A verifier key (name+id+key) to check checkpoints with instead of the signer key file; repeatable.")
    var verifierKeys: [String] = []
    @Option(name: .customLong("checkpoint"), help: "A file holding a signed checkpoint that the log must contain; repeatable.")
    var checkpointFiles: [String] = []

    func run() async throws {
        let outcome: LogVerifier.Outcome
        do {
            outcome = try await verify()
        } catch let error as CannotVerify {
            FileHandle.standardError.write(Data("Error: \(error.message)\n".utf8))
            throw ExitCode(2)
        }
        switch outcome {
        case .verified(let summary):
            print("OK: transparency log \(log.logOrigin) verified: \(summary)")
        case .failed(let failure):
            FileHandle.standardError.write(Data("FAILED: transparency log \(log.logOrigin): \(failure)\n".utf8))
            throw ExitCode.failure
        }
    }

    private func verify() async throws -> LogVerifier.Outcome {
        let location = try data.location()
        guard !location.isMissing else { throw CannotVerify(message: "no database at \(location)") }
        let keys = try verifierKeysToUse()
        let external = try checkpointFiles.map { path in
            guard let note = try? String(contentsOfFile: path, encoding: .utf8) else { throw CannotVerify(message: "cannot read \(path)") }
            return LogVerifier.ExternalCheckpoint(note: note, label: path)
        }
        return try await Store.with(data, migrate: false) { database in
            let pending = try await Migrator(database: database).pending()
            guard pending.isEmpty else {
                throw CannotVerify(message: "the database lacks migrations \(pending.joined(separator: ", ")); run quartermaster migrate first")
            }
            return try await LogVerifier(database: database, origin: log.logOrigin, keys: keys, externalCheckpoints: external).verify()
        }
    }

    /// The --vkey keys, or else the verifier key of the signer key file, which must exist: verify never creates one.
    private func verifierKeysToUse() throws -> [NoteVerifierKey] {
        guard verifierKeys.isEmpty else {
            return try verifierKeys.map { text in
                guard let key = try? NoteVerifierKey(parsing: text) else { throw ValidationError("--vkey \(text) is not a verifier key") }
                return key
            }
        }
        let path = data.dataDir + "/" + LogKey.fileName
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw CannotVerify(message: "cannot read the log signer key \(path); give the log's verifier key with --vkey")
        }
        let key = try NoteSignerKey(parsing: text.trimmingCharacters(in: .whitespacesAndNewlines))
        guard key.name == log.logOrigin else {
            throw ValidationError("\(path) signs for origin \(key.name), not \(log.logOrigin); pass --log-origin \(key.name)")
        }
        return [key.verifierKey]
    }
}

/// Why verification could not run at all (as opposed to finding the log bad).
private struct CannotVerify: Error {
    let message: String
}
