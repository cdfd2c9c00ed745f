/// A tlog-checkpoint v1.0.0 body: origin, decimal tree size, base64 root hash, then optional extension lines.
public struct Checkpoint: Sendable, Hashable {
    public let origin: String
    public let size: UInt64
    public let root: Hash
    public let extensionLines: [String]

    public init(origin: String, size: UInt64, root: Hash, extensionLines: [String] = []) throws {
        guard Self.isValidLine(origin) else { throw CheckpointError.invalidOrigin }
        if let line = extensionLines.first(where: { !Self.isValidLine($0) }) { throw CheckpointError.invalidExtensionLine(line) }
        self.origin = origin
        self.size = size
        self.root = root
        self.extensionLines = extensionLines
    }

    /// Parses a body strictly: final newline, non-empty origin, size in decimal without leading zeros that fits in
    /// 64 bits, root as the canonical base64 of 32 bytes, and non-empty extension lines.
    public init(parsing body: String) throws {
        guard body.utf8.last == 0x0A else { throw CheckpointError.missingFinalNewline }
        let lines = body.utf8.dropLast().split(separator: 0x0A, omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        guard lines.count >= 3 else { throw CheckpointError.tooFewLines }
        guard let size = Self.parseSize(lines[1]) else { throw CheckpointError.invalidSize(lines[1]) }
        guard let root = Hash(base64: lines[2]) else { throw CheckpointError.invalidRoot(lines[2]) }
        try self.init(origin: lines[0], size: size, root: root, extensionLines: Array(lines.dropFirst(3)))
    }

    public var body: String {
        ([origin, String(size), root.base64] + extensionLines).map { $0 + "\n" }.joined()
    }

    private static func isValidLine(_ line: String) -> Bool {
        !line.isEmpty && line.unicodeScalars.allSatisfy { $0.value >= 0x20 }
    }

    private static func parseSize(_ text: String) -> UInt64? {
        let digits = text.utf8
        guard digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            digits.first != UInt8(ascii: "0") || digits.count == 1
        else { return nil }
        return UInt64(text)
    }
}
