public enum NoteError: Error, Hashable, Sendable {
    /// Not UTF-8, or an ASCII control character other than newline.
    case invalidText
    /// No blank line followed by newline-terminated signature lines.
    case missingSignatures
    case malformedSignatureLine
    case tooManySignatures
    case invalidKeyName(String)
    case malformedKey
    case unsupportedKeyType(UInt8)
    case keyIDMismatch
    /// Two verifier keys share a name and key ID.
    case ambiguousKey(name: String, keyID: UInt32)
    /// A known key's signature does not verify: the whole note is rejected.
    case invalidSignature(name: String, keyID: UInt32)
    case noVerifiedSignature
}
