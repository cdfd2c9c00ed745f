/// The stored-hash layout of x/mod `sumdb/tlog`: every complete-subtree hash in one append-only array.
///
/// Hash `n` at level `L` covers leaves `[n·2^L, (n+1)·2^L)`; level 0 holds the leaf hashes. Appending leaf `n`
/// writes its leaf hash and then one parent for each trailing 1-bit of `n`, so nothing written ever changes.
public enum StoredHashLayout {
    /// The array position of hash `n` at `level` (x/mod `StoredHashIndex`).
    public static func index(level: Int, n: UInt64) -> UInt64 {
        var n = n
        for _ in 0..<level { n = 2 * n + 1 }
        var index: UInt64 = 0
        while n > 0 {
            index += n
            n >>= 1
        }
        return index + UInt64(level)
    }

    /// How many hashes a tree of `treeSize` leaves has stored (x/mod `StoredHashCount`).
    public static func count(treeSize: UInt64) -> UInt64 {
        index(level: 0, n: treeSize)
    }

    /// The left siblings that appending leaf `leafIndex` completes, highest level first (ascending indexes).
    static func siblingIndexes(appendingAt leafIndex: UInt64) -> [UInt64] {
        let completed = (~leafIndex).trailingZeroBitCount
        return (0..<completed).reversed().map { level in index(level: level, n: (leafIndex >> level) - 1) }
    }

    static func hashesToStore(appending leafHash: Hash, siblings: [Hash]) -> [Hash] {
        var hashes = [leafHash]
        for sibling in siblings.reversed() {
            hashes.append(.node(sibling, hashes[hashes.count - 1]))
        }
        return hashes
    }
}
