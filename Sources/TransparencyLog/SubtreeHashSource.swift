/// Supplies the hash of any leaf range `[lo, hi)` to an RFC 6962 recursion, from stored complete-subtree hashes.
///
/// A range splits into complete subtrees of decreasing size (`hi - lo` in binary); its hash folds them from the right.
/// The recursions never branch on hash values, so a recording pass lists exactly the indexes a replay pass consumes.
struct SubtreeHashSource {
    private enum Mode {
        case recording([UInt64])
        case replaying(ArraySlice<Hash>)
    }

    private var mode: Mode

    static func recording() -> SubtreeHashSource {
        SubtreeHashSource(mode: .recording([]))
    }

    static func replaying(_ hashes: [Hash]) -> SubtreeHashSource {
        SubtreeHashSource(mode: .replaying(hashes[...]))
    }

    var recordedIndexes: [UInt64] {
        guard case .recording(let indexes) = mode else { return [] }
        return indexes
    }

    /// The largest power of two strictly below `n`, for `n` ≥ 2: where RFC 6962 splits a tree of `n` leaves.
    static func split(_ n: UInt64) -> UInt64 {
        1 << (63 - (n - 1).leadingZeroBitCount)
    }

    mutating func hash(_ lo: UInt64, _ hi: UInt64) -> Hash {
        switch mode {
        case .recording(var indexes):
            var start = lo
            while start < hi {
                let level = 63 - (hi - start).leadingZeroBitCount
                indexes.append(StoredHashLayout.index(level: level, n: start >> level))
                start += 1 << level
            }
            mode = .recording(indexes)
            return .emptyTree
        case .replaying(var hashes):
            let parts = hashes.prefix((hi - lo).nonzeroBitCount)
            hashes.removeFirst(parts.count)
            mode = .replaying(hashes)
            return parts.dropLast().reversed().reduce(parts.last!) { .node($1, $0) }
        }
    }
}
