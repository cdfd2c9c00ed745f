/// A C2SP signed note (v1.0.0): UTF-8 text ending in a newline, a blank line, then one or more signature lines.
public struct SignedNote: Sendable, Hashable {
    /// x/mod's limit; C2SP asks verifiers to accept at least 16.
    public static let maxSignatures = 100

    public let text: String
    public let signatures: [NoteSignature]

    /// Signs `text` with every key, in order.
    public init(text: String, signers: [NoteSignerKey]) throws {
        guard Self.isValidText(text), text.utf8.last == 0x0A else { throw NoteError.invalidText }
        guard !signers.isEmpty else { throw NoteError.missingSignatures }
        let message = Array(text.utf8)
        self.text = text
        self.signatures = try signers.map { try $0.sign(message) }
    }

    /// Parses a note as x/mod `note.Open` does, splitting text from signatures at the last blank line.
    public init(parsing bytes: some Collection<UInt8>) throws {
        guard let note = String(validating: bytes, as: UTF8.self), Self.isValidText(note) else { throw NoteError.invalidText }
        let utf8 = Array(note.utf8)
        guard let split = utf8.indices.dropLast().last(where: { utf8[$0] == 0x0A && utf8[$0 + 1] == 0x0A }),
            split + 2 < utf8.count, utf8.last == 0x0A
        else { throw NoteError.missingSignatures }

        let lines = utf8[(split + 2)...].dropLast().split(separator: 0x0A, omittingEmptySubsequences: false)
        guard lines.count <= Self.maxSignatures else { throw NoteError.tooManySignatures }
        let dash = Array("— ".utf8)
        self.signatures = try lines.map { line in
            guard line.starts(with: dash) else { throw NoteError.malformedSignatureLine }
            return try NoteSignature(parsingLine: line.dropFirst(dash.count))
        }
        self.text = String(decoding: utf8[...split], as: UTF8.self)
    }

    public var formatted: String {
        text + "\n" + signatures.map(\.line).joined()
    }

    /// Checks the signatures against `keys` and returns the keys whose signatures verified, in note order.
    ///
    /// As x/mod `note.Open`: signatures from unknown keys are skipped and repeats from one key count once; a known
    /// key's bad signature, or two keys with the same name and ID, reject the note, as does no verified signature.
    public func verify(with keys: [NoteVerifierKey]) throws -> [NoteVerifierKey] {
        let message = Array(text.utf8)
        var verified: [NoteVerifierKey] = []
        for signature in signatures {
            let matches = keys.filter { $0.keyID == signature.keyID && $0.name.utf8.elementsEqual(signature.name.utf8) }
            guard let key = matches.first else { continue }
            guard matches.count == 1 else { throw NoteError.ambiguousKey(name: signature.name, keyID: signature.keyID) }
            guard !verified.contains(key) else { continue }
            guard key.isValidSignature(signature.signature, for: message) else {
                throw NoteError.invalidSignature(name: signature.name, keyID: signature.keyID)
            }
            verified.append(key)
        }
        guard !verified.isEmpty else { throw NoteError.noVerifiedSignature }
        return verified
    }

    private static func isValidText(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.value >= 0x20 || $0 == "\n" }
    }
}
