extension HashReader {
    /// The bytes of a hash tile: its `width` hashes, concatenated (as x/mod `ReadTileData`).
    ///
    /// Throws unless every hash of the tile exists in a tree of `treeSize` leaves.
    public func tileData(for tile: Tile, treeSize: UInt64) async throws -> [UInt8] {
        guard case .hashes(let level) = tile.kind else { throw TreeError.notAHashTile(path: tile.path) }
        guard tile.isContained(inTreeSize: treeSize) else { throw TreeError.tileOutsideTree(path: tile.path, treeSize: treeSize) }
        let start = tile.index * UInt64(Tile.fullWidth)
        let indexes = (0..<UInt64(tile.width)).map { StoredHashLayout.index(level: level * Tile.height, n: start + $0) }
        return try await readExactly(indexes).flatMap(\.bytes)
    }
}
