/// Why a tree hash, proof or tile could not be computed from stored hashes.
public enum TreeError: Error, Hashable, Sendable {
    case leafIndexOutOfRange(leafIndex: UInt64, treeSize: UInt64)
    /// Consistency proofs need `1 ≤ oldSize ≤ newSize`.
    case invalidTreeSizes(oldSize: UInt64, newSize: UInt64)
    case hashNotStored(index: UInt64)
    case wrongHashCount(expected: Int, actual: Int)
    case tileOutsideTree(path: String, treeSize: UInt64)
    case notAHashTile(path: String)
}
