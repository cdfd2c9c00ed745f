/// Proof generation with the RFC 6962 §2.1.1 and §2.1.2 recursions; the output is byte-identical to x/mod's
/// `ProveRecord` and `ProveTree`.
extension HashReader {
    public func inclusionProof(leafIndex: UInt64, treeSize: UInt64) async throws -> InclusionProof {
        guard leafIndex < treeSize else { throw TreeError.leafIndexOutOfRange(leafIndex: leafIndex, treeSize: treeSize) }
        let hashes = try await evaluate { Self.path(leafIndex, 0, treeSize, &$0) }
        return InclusionProof(leafIndex: leafIndex, treeSize: treeSize, hashes: hashes)
    }

    /// Needs `1 ≤ oldSize ≤ newSize`: the same size-0 rule as ``ConsistencyProof/verify(oldRoot:newRoot:)``.
    public func consistencyProof(oldSize: UInt64, newSize: UInt64) async throws -> ConsistencyProof {
        guard oldSize > 0, oldSize <= newSize else { throw TreeError.invalidTreeSizes(oldSize: oldSize, newSize: newSize) }
        let hashes = try await evaluate { Self.subproof(oldSize, 0, newSize, isOldTree: true, &$0) }
        return ConsistencyProof(oldSize: oldSize, newSize: newSize, hashes: hashes)
    }

    /// PATH(m, D[lo:hi]).
    private static func path(_ m: UInt64, _ lo: UInt64, _ hi: UInt64, _ source: inout SubtreeHashSource) -> [Hash] {
        guard hi - lo > 1 else { return [] }
        let k = SubtreeHashSource.split(hi - lo)
        if m < lo + k {
            let below = path(m, lo, lo + k, &source)
            return below + [source.hash(lo + k, hi)]
        }
        let sibling = source.hash(lo, lo + k)
        return path(m, lo + k, hi, &source) + [sibling]
    }

    /// SUBPROOF(m, D[lo:hi], b), where `isOldTree` is b: the old tree's own root is left out.
    private static func subproof(
        _ m: UInt64,
        _ lo: UInt64,
        _ hi: UInt64,
        isOldTree: Bool,
        _ source: inout SubtreeHashSource
    ) -> [Hash] {
        if m == hi {
            return isOldTree ? [] : [source.hash(lo, hi)]
        }
        let k = SubtreeHashSource.split(hi - lo)
        if m <= lo + k {
            let below = subproof(m, lo, lo + k, isOldTree: isOldTree, &source)
            return below + [source.hash(lo + k, hi)]
        }
        let sibling = source.hash(lo, lo + k)
        return subproof(m, lo + k, hi, isOldTree: false, &source) + [sibling]
    }
}
