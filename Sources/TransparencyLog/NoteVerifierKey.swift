import Crypto
import Foundation

/// A C2SP signed-note Ed25519 verifier key, written `name+hex8(keyID)+base64(0x01 ‖ publicKey)`.
public struct NoteVerifierKey: Sendable, Hashable {
    static let ed25519Type: UInt8 = 0x01

    public let name: String
    public let keyID: UInt32
    public let publicKey: [UInt8]

    public init(name: String, publicKey: [UInt8]) throws {
        guard NoteKeyName.isValid(name) else { throw NoteError.invalidKeyName(name) }
        guard publicKey.count == 32 else { throw NoteError.malformedKey }
        self.name = name
        self.keyID = Self.keyID(name: name, typedKey: [Self.ed25519Type] + publicKey)
        self.publicKey = publicKey
    }

    /// Parses a vkey as x/mod `note.NewVerifier` does: the key ID must match the name and key.
    public init(parsing vkey: String) throws {
        let parts = Self.fields(vkey, count: 3)
        guard parts.count == 3, let keyID = Self.parseKeyID(parts[1]), let typedKey = Base64.decode(parts[2]), !typedKey.isEmpty
        else { throw NoteError.malformedKey }
        let name = parts[0]
        guard NoteKeyName.isValid(name) else { throw NoteError.invalidKeyName(name) }
        guard keyID == Self.keyID(name: name, typedKey: typedKey) else { throw NoteError.keyIDMismatch }
        guard typedKey[0] == Self.ed25519Type else { throw NoteError.unsupportedKeyType(typedKey[0]) }
        try self.init(name: name, publicKey: Array(typedKey.dropFirst()))
    }

    public var encoded: String {
        "\(name)+\(Self.formatKeyID(keyID))+\(Base64.encode([Self.ed25519Type] + publicKey))"
    }

    func isValidSignature(_ signature: [UInt8], for message: [UInt8]) -> Bool {
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey) else { return false }
        return key.isValidSignature(signature, for: message)
    }

    /// SHA-256(name ‖ 0x0A ‖ type ‖ key)[:4], big-endian.
    static func keyID(name: String, typedKey: [UInt8]) -> UInt32 {
        let digest = SHA256.hash(data: Array(name.utf8) + [0x0A] + typedKey)
        return digest.prefix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    }

    static func formatKeyID(_ keyID: UInt32) -> String {
        let hex = String(keyID, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }

    /// Splits a key string at its first `count - 1` plus signs; base64 may contain more.
    static func fields(_ key: String, count: Int) -> [String] {
        key.utf8.split(separator: UInt8(ascii: "+"), maxSplits: count - 1, omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
    }

    static func parseKeyID(_ text: String) -> UInt32? {
        let isHexDigit = { (byte: UInt8) in
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte | 0x20)
        }
        guard text.utf8.count == 8, text.utf8.allSatisfy(isHexDigit) else { return nil }
        return UInt32(text, radix: 16)
    }
}
