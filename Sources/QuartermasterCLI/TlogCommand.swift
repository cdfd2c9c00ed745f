import ArgumentParser
import Foundation
import TransparencyLog

/// `quartermaster tlog …`: the transparency log as files, for mirrors, auditors and the independent oracles.
struct TlogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tlog",
        abstract: "Export the transparency log as a static C2SP tlog-tiles tree, or print its verifier key.",
        subcommands: [Export.self, VerifierKey.self]
    )

    struct VerifierKey: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "vkey",
            abstract: "Print the log's verifier key (a C2SP signed-note vkey: name+keyID+base64 Ed25519 key)."
        )

        @OptionGroup var data: DataOptions

        func run() throws {
            print(try TlogCommand.verifierKey(dataDir: data.dataDir, origin: nil).encoded)
        }
    }

    /// The verifier key of the log's signing key in `dataDir`; never creates a key. With `origin`, the key must sign
    /// for that origin, as `serve` requires.
    static func verifierKey(dataDir: String, origin: String?) throws -> NoteVerifierKey {
        let path = dataDir + "/" + LogKey.fileName
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw TlogError("no log signing key at \(path); `quartermaster serve --data-dir \(dataDir)` creates it on first start")
        }
        let key = try NoteSignerKey(parsing: text.trimmingCharacters(in: .whitespacesAndNewlines)).verifierKey
        if let origin, !key.name.utf8.elementsEqual(origin.utf8) {
            throw TlogError("\(path) signs for origin \(key.name), not \(origin); pass --log-origin \(key.name)")
        }
        return key
    }
}

struct TlogError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}
