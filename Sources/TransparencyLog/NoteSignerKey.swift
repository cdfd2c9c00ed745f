import Crypto
import Foundation

/// A C2SP signed-note Ed25519 signing key, written `PRIVATE+KEY+name+hex8(keyID)+base64(0x01 ‖ seed)`.
public struct NoteSignerKey: Sendable {
    public let verifierKey: NoteVerifierKey
    private let seed: [UInt8]

    public static func generate(name: String) throws -> NoteSignerKey {
        try NoteSignerKey(name: name, seed: Array(Curve25519.Signing.PrivateKey().rawRepresentation))
    }

    private init(name: String, seed: [UInt8]) throws {
        guard let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: seed) else { throw NoteError.malformedKey }
        self.verifierKey = try NoteVerifierKey(name: name, publicKey: Array(key.publicKey.rawRepresentation))
        self.seed = seed
    }

    /// Parses a signer key as x/mod `note.NewSigner` does: the key ID must match the derived public key.
    public init(parsing skey: String) throws {
        let parts = NoteVerifierKey.fields(skey, count: 5)
        guard parts.count == 5, parts[0] == "PRIVATE", parts[1] == "KEY", let keyID = NoteVerifierKey.parseKeyID(parts[3]),
            let typedSeed = Base64.decode(parts[4]), !typedSeed.isEmpty
        else { throw NoteError.malformedKey }
        guard typedSeed[0] == NoteVerifierKey.ed25519Type else { throw NoteError.unsupportedKeyType(typedSeed[0]) }
        try self.init(name: parts[2], seed: Array(typedSeed.dropFirst()))
        guard verifierKey.keyID == keyID else { throw NoteError.keyIDMismatch }
    }

    public var name: String { verifierKey.name }

    public var encoded: String {
        let keyID = NoteVerifierKey.formatKeyID(verifierKey.keyID)
        return "PRIVATE+KEY+\(name)+\(keyID)+\(Base64.encode([NoteVerifierKey.ed25519Type] + seed))"
    }

    func sign(_ message: [UInt8]) throws -> NoteSignature {
        let signature = try Curve25519.Signing.PrivateKey(rawRepresentation: seed).signature(for: message)
        return try NoteSignature(name: name, keyID: verifierKey.keyID, signature: Array(signature))
    }
}

/// Keeps the seed out of logs and string interpolation.
extension NoteSignerKey: CustomStringConvertible, CustomDebugStringConvertible {
    public var description: String { "NoteSignerKey(\(verifierKey.encoded))" }
    public var debugDescription: String { description }
}
