/// One signature line of a signed note: `— <name> <base64(keyID ‖ signature)>`.
public struct NoteSignature: Sendable, Hashable {
    public let name: String
    /// The first four bytes of the key hash, big-endian.
    public let keyID: UInt32
    public let signature: [UInt8]

    public init(name: String, keyID: UInt32, signature: [UInt8]) throws {
        guard NoteKeyName.isValid(name) else { throw NoteError.invalidKeyName(name) }
        guard !signature.isEmpty else { throw NoteError.malformedSignatureLine }
        self.name = name
        self.keyID = keyID
        self.signature = signature
    }

    /// Parses a line without its em dash prefix or final newline.
    init(parsingLine line: ArraySlice<UInt8>) throws {
        guard let space = line.firstIndex(of: UInt8(ascii: " ")),
            let bytes = Base64.decode(String(decoding: line[(space + 1)...], as: UTF8.self)), bytes.count > 4
        else { throw NoteError.malformedSignatureLine }
        let keyID = bytes.prefix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        try self.init(name: String(decoding: line[..<space], as: UTF8.self), keyID: keyID, signature: Array(bytes.dropFirst(4)))
    }

    public var line: String {
        let keyIDBytes = (0..<4).reversed().map { UInt8(truncatingIfNeeded: keyID >> ($0 * 8)) }
        return "— \(name) \(Base64.encode(keyIDBytes + signature))\n"
    }
}
