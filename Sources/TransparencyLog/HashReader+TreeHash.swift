extension HashReader {
    /// The RFC 6962 Merkle tree hash of the first `size` leaves; ``Hash/emptyTree`` for size 0.
    public func treeHash(size: UInt64) async throws -> Hash {
        guard size > 0 else { return .emptyTree }
        return try await evaluate { $0.hash(0, size) }
    }
}
