/// Reads hashes from the stored-hash array described by ``StoredHashLayout``.
///
/// Every tree hash, proof and tile is computed with one call, so a database-backed reader costs one query each.
public protocol HashReader: Sendable {
    /// Returns the hashes at the given stored-hash indexes, in the same order, or throws.
    func readHashes(at indexes: [UInt64]) async throws -> [Hash]
}

extension HashReader {
    func readExactly(_ indexes: [UInt64]) async throws -> [Hash] {
        guard !indexes.isEmpty else { return [] }
        let hashes = try await readHashes(at: indexes)
        guard hashes.count == indexes.count else {
            throw TreeError.wrongHashCount(expected: indexes.count, actual: hashes.count)
        }
        return hashes
    }

    /// Runs an RFC 6962 recursion twice: once to list the stored hashes it needs, then on the hashes read for them.
    func evaluate<Result>(_ recursion: (inout SubtreeHashSource) -> Result) async throws -> Result {
        var recorder = SubtreeHashSource.recording()
        _ = recursion(&recorder)
        var replay = SubtreeHashSource.replaying(try await readExactly(recorder.recordedIndexes))
        return recursion(&replay)
    }
}
