import Foundation
import TransparencyLog

/// The log's Ed25519 signing key: created on first start in the data directory, readable by its owner only.
enum LogKey {
    static let fileName = "log-signer.key"

    static func loadOrCreate(dataDir: String, origin: String) throws -> NoteSignerKey {
        let path = dataDir + "/" + fileName
        if FileManager.default.fileExists(atPath: path) { return try load(path, origin: origin) }
        let key = try NoteSignerKey.generate(name: origin)
        // Instances starting together on an empty directory must not each sign with a key of their own: the key is
        // written whole to a file of this process, then linked into place, which fails if the key file exists. One
        // instance's key wins and every other instance reads it.
        let draft = path + ".\(UUID().uuidString).new"
        try write(key.encoded + "\n", to: draft)
        defer { unlink(draft) }
        guard link(draft, path) == 0 else {
            guard errno == EEXIST else { throw LogKeyError(message: "cannot create \(path): \(String(cString: strerror(errno)))") }
            return try load(path, origin: origin)
        }
        return key
    }

    /// An existing key that cannot be read is an error, never a reason to sign with a new one.
    private static func load(_ path: String, origin: String) throws -> NoteSignerKey {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let key = try NoteSignerKey(parsing: text.trimmingCharacters(in: .whitespacesAndNewlines))
        guard key.name == origin else {
            throw LogKeyError(message: "\(path) signs for origin \(key.name), not \(origin); pass --log-origin \(key.name)")
        }
        return key
    }

    /// Creates `path` with mode 0600 from the start and writes `text` to disk.
    private static func write(_ text: String, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw LogKeyError(message: "cannot write \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        guard bytes.withUnsafeBytes({ Foundation.write(descriptor, $0.baseAddress, $0.count) }) == bytes.count, fsync(descriptor) == 0 else {
            throw LogKeyError(message: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }
}

struct LogKeyError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
