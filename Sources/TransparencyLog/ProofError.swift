/// Why a proof did not verify.
public enum ProofError: Error, Hashable, Sendable {
    case leafIndexOutOfRange(leafIndex: UInt64, treeSize: UInt64)
    /// A consistency proof from the empty tree is meaningless (RFC 9162); see ``ConsistencyProof``.
    case emptyOldTree
    case oldTreeLarger(oldSize: UInt64, newSize: UInt64)
    case wrongLength(expected: Int, actual: Int)
    case rootMismatch
}
