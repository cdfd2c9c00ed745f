public enum CheckpointSignerError: Error, Hashable, Sendable {
    case originMismatch(String)
    case treeShrank(previousSize: UInt64, size: UInt64)
    /// A tree of size 0 must have the root ``Hash/emptyTree``.
    case emptyTreeRootMismatch
    case inconsistent(ProofError)
}
