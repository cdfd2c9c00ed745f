import Foundation
import TransparencyLog

/// The log's Ed25519 signing key: created on first start in the data directory, readable by its owner only.
enum LogKey {
    static let fileName = "log-signer.key"

    static func loadOrCreate(dataDir: String, origin: String) throws -> NoteSignerKey {
        let path = dataDir + "/" + fileName
        if FileManager.default.fileExists(atPath: path) {
            // An existing key that cannot be read is an error, never a reason to sign with a new one.
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let key = try NoteSignerKey(parsing: text.trimmingCharacters(in: .whitespacesAndNewlines))
            guard key.name == origin else {
                throw LogKeyError(message: "\(path) signs for origin \(key.name), not \(origin); pass --log-origin \(key.name)")
            }
            return key
        }
        let key = try NoteSignerKey.generate(name: origin)
        guard FileManager.default.createFile(atPath: path, contents: Data((key.encoded + "\n").utf8), attributes: [.posixPermissions: 0o600]) else {
            throw LogKeyError(message: "cannot write \(path)")
        }
        return key
    }
}

struct LogKeyError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
