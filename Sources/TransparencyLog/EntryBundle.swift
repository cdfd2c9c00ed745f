/// The leaves of one level-0 tile as tlog-tiles v0.1.0 serves them: each entry is a big-endian uint16 length and
/// then the entry bytes. Entry `i` hashes (``Hash/leaf(_:)``) to hash `i` of the level-0 tile.
public struct EntryBundle: Sendable, Hashable {
    public static let maxEntryLength = Int(UInt16.max)

    public let entries: [[UInt8]]

    public init(entries: [[UInt8]]) throws {
        guard (1...Tile.fullWidth).contains(entries.count) else { throw EntryBundleError.invalidEntryCount(entries.count) }
        if let index = entries.firstIndex(where: { $0.count > Self.maxEntryLength }) {
            throw EntryBundleError.entryTooLong(index: index, length: entries[index].count)
        }
        self.entries = entries
    }

    public init(parsing bytes: [UInt8]) throws {
        var entries: [[UInt8]] = []
        var offset = 0
        while offset < bytes.count {
            guard bytes.count - offset >= 2 else { throw EntryBundleError.truncated }
            let length = Int(bytes[offset]) << 8 | Int(bytes[offset + 1])
            offset += 2
            guard bytes.count - offset >= length else { throw EntryBundleError.truncated }
            entries.append(Array(bytes[offset..<offset + length]))
            offset += length
        }
        try self.init(entries: entries)
    }

    public var encoded: [UInt8] {
        entries.flatMap { [UInt8(truncatingIfNeeded: $0.count >> 8), UInt8(truncatingIfNeeded: $0.count)] + $0 }
    }
}
