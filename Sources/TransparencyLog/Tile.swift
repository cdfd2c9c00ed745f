/// The coordinates of a tlog-tiles v0.1.0 hash tile or entry bundle.
///
/// Hash tile `index` at level `L` holds hashes `index·256 ..< index·256 + width` of tree level `8·L`: the
/// hashes of the complete subtrees of 256^L leaves. Entry bundle `index` holds the leaves of level-0 tile `index`.
/// A partial tile (width below 256) is never hashed into the level above.
public struct Tile: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case hashes(level: Int)
        case entries
    }

    /// Tree levels per tile level.
    public static let height = 8
    public static let fullWidth = 1 << height
    public static let levels = 0...63

    public let kind: Kind
    public let index: UInt64
    public let width: Int

    public init(kind: Kind, index: UInt64, width: Int = Tile.fullWidth) throws {
        if case .hashes(let level) = kind, !Self.levels.contains(level) { throw TileError.invalidLevel(level) }
        guard (1...Self.fullWidth).contains(width) else { throw TileError.invalidWidth(width) }
        self.kind = kind
        self.index = index
        self.width = width
    }

    public var isPartial: Bool { width < Self.fullWidth }

    /// The hash tiles to publish when a log grows from `oldSize` to `newSize` leaves: every full tile
    /// completed since `oldSize`, and the partial tiles of `newSize` (tlog-tiles wants them for every checkpoint).
    public static func tilesToPublish(from oldSize: UInt64, to newSize: UInt64) -> [Tile] {
        guard oldSize <= newSize else { return [] }
        var tiles: [Tile] = []
        var level = 0
        while level * height < UInt64.bitWidth, newSize >> (level * height) > 0 {
            let oldCount = oldSize >> (level * height)
            let newCount = newSize >> (level * height)
            for index in (oldCount >> height)..<(newCount >> height) {
                tiles.append(Tile(uncheckedLevel: level, index: index, width: fullWidth))
            }
            let width = Int(newCount % UInt64(fullWidth))
            if width > 0, newCount > oldCount {
                tiles.append(Tile(uncheckedLevel: level, index: newCount >> height, width: width))
            }
            level += 1
        }
        return tiles
    }

    private init(uncheckedLevel level: Int, index: UInt64, width: Int) {
        self.kind = .hashes(level: level)
        self.index = index
        self.width = width
    }

    /// Whether every hash of the tile (or leaf of the bundle) exists in a tree of `treeSize` leaves.
    public func isContained(inTreeSize treeSize: UInt64) -> Bool {
        let shift =
            switch kind {
            case .hashes(let level): level * Self.height
            case .entries: 0
            }
        guard shift < UInt64.bitWidth else { return false }
        let available = treeSize >> shift
        let (start, overflow) = index.multipliedReportingOverflow(by: UInt64(Self.fullWidth))
        return !overflow && start < available && available - start >= UInt64(width)
    }
}
