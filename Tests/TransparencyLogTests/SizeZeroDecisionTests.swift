import Testing
import TransparencyLog

/// tlog.md §1.6: how this module treats size 0 and equal sizes.
///
/// The core verifier follows RFC 9162, transparency-dev/merkle and x/mod: a consistency proof from size 0 is an
/// error, even 0 → 0 with the empty root; the empty tree contains no leaf. Equal sizes need an empty proof *and*
/// equal roots. Accepting an old size of 0 is left to the witness layer (tlog-witness, tlog-scales accept it with
/// an empty proof), which ``CheckpointSigner`` does.
struct SizeZeroDecisionTests {
    @Test func consistencyFromTheEmptyTreeIsAnError() throws {
        let root1 = try #require(Hash(bytes: [UInt8](repeating: 1, count: 32)))
        #expect(throws: ProofError.emptyOldTree) {
            try ConsistencyProof(oldSize: 0, newSize: 0, hashes: []).verify(oldRoot: .emptyTree, newRoot: .emptyTree)
        }
        #expect(throws: ProofError.emptyOldTree) {
            try ConsistencyProof(oldSize: 0, newSize: 1, hashes: []).verify(oldRoot: .emptyTree, newRoot: root1)
        }
        #expect(throws: ProofError.emptyOldTree) {
            try ConsistencyProof(oldSize: 0, newSize: 1, hashes: [.emptyTree]).verify(oldRoot: .emptyTree, newRoot: root1)
        }
    }

    @Test func noLeafIsInTheEmptyTree() {
        #expect(throws: ProofError.leafIndexOutOfRange(leafIndex: 0, treeSize: 0)) {
            try InclusionProof(leafIndex: 0, treeSize: 0, hashes: []).verify(leafHash: .emptyTree, root: .emptyTree)
        }
    }

    @Test func equalSizesNeedAnEmptyProofAndEqualRoots() throws {
        let root = try #require(Hash(bytes: [UInt8](repeating: 1, count: 32)))
        let other = try #require(Hash(bytes: [UInt8](repeating: 2, count: 32)))
        try ConsistencyProof(oldSize: 5, newSize: 5, hashes: []).verify(oldRoot: root, newRoot: root)
        #expect(throws: ProofError.rootMismatch) {
            try ConsistencyProof(oldSize: 5, newSize: 5, hashes: []).verify(oldRoot: root, newRoot: other)
        }
        #expect(throws: ProofError.wrongLength(expected: 0, actual: 1)) {
            try ConsistencyProof(oldSize: 5, newSize: 5, hashes: [root]).verify(oldRoot: root, newRoot: root)
        }
    }

    @Test func generationFollowsTheSameRule() async throws {
        let store = TestLog.small.store
        await #expect(throws: TreeError.invalidTreeSizes(oldSize: 0, newSize: 3)) {
            try await store.consistencyProof(oldSize: 0, newSize: 3)
        }
        await #expect(throws: TreeError.leafIndexOutOfRange(leafIndex: 0, treeSize: 0)) {
            try await store.inclusionProof(leafIndex: 0, treeSize: 0)
        }
        let sameSize = try await store.consistencyProof(oldSize: 3, newSize: 3)
        #expect(sameSize.hashes.isEmpty)
    }

    @Test func theEmptyRootIsSHA256OfNothingNotXModsZeroHash() async throws {
        let root = try await TestLog.small.store.treeHash(size: 0)
        #expect(root == .emptyTree)
        #expect(Hash.emptyTree != Hash(bytes: [UInt8](repeating: 0, count: 32)))
    }
}
