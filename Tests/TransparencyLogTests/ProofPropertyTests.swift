import PropertyBased
import Testing
import TransparencyLog

/// Random proofs from a 3,000-leaf log: each verifies, equals the RFC 6962 recursive definition, and stops
/// verifying after any single change (a flipped bit, index or size ±1, a hash added or dropped).
struct ProofPropertyTests {
    static let log = TestLog.medium
    static let maxSize = UInt64(log.leafHashes.count)

    @Test func inclusionProofs() async {
        var reference = ReferenceMerkle(leaves: Self.log.leafHashes)
        await propertyCheck(input: Gen.uint64(in: 1...Self.maxSize - 1), Gen.uint64(in: 0...UInt64.max), Gen.int(in: 0...255)) {
            size,
            seed,
            bit in
            let store = Self.log.store
            let index = seed % size
            let leafHash = Self.log.leafHashes[Int(index)]
            let root = try await store.treeHash(size: size)
            let proof = try await store.inclusionProof(leafIndex: index, treeSize: size)
            #expect(proof.hashes == reference.path(Int(index), 0..<Int(size)))
            try proof.verify(leafHash: leafHash, root: root)

            var tampered: [(InclusionProof, leaf: Hash, root: Hash)] = []
            for position in proof.hashes.indices {
                var hashes = proof.hashes
                hashes[position] = flip(hashes[position], bit: (bit + position * 37) % 256)
                tampered.append((InclusionProof(leafIndex: index, treeSize: size, hashes: hashes), leafHash, root))
            }
            tampered.append((proof, flip(leafHash, bit: bit), root))
            tampered.append((proof, leafHash, flip(root, bit: bit)))
            for otherIndex in [index &- 1, index + 1] where otherIndex < size {
                tampered.append((InclusionProof(leafIndex: otherIndex, treeSize: size, hashes: proof.hashes), leafHash, root))
            }
            for otherSize in [size - 1, size + 1] where index < otherSize {
                let otherRoot = try await store.treeHash(size: otherSize)
                tampered.append((InclusionProof(leafIndex: index, treeSize: otherSize, hashes: proof.hashes), leafHash, otherRoot))
            }
            for hashes in addedAndDropped(proof.hashes, extra: root) {
                tampered.append((InclusionProof(leafIndex: index, treeSize: size, hashes: hashes), leafHash, root))
            }
            for (proof, leafHash, root) in tampered {
                #expect(throws: ProofError.self, "\(proof)") { try proof.verify(leafHash: leafHash, root: root) }
            }
        }
    }

    @Test func consistencyProofs() async {
        var reference = ReferenceMerkle(leaves: Self.log.leafHashes)
        await propertyCheck(input: Gen.uint64(in: 1...Self.maxSize - 1), Gen.uint64(in: 0...UInt64.max), Gen.int(in: 0...255)) {
            newSize,
            seed,
            bit in
            let store = Self.log.store
            let oldSize = 1 + seed % newSize
            let oldRoot = try await store.treeHash(size: oldSize)
            let newRoot = try await store.treeHash(size: newSize)
            let proof = try await store.consistencyProof(oldSize: oldSize, newSize: newSize)
            #expect(proof.hashes == reference.proof(Int(oldSize), Int(newSize)))
            try proof.verify(oldRoot: oldRoot, newRoot: newRoot)

            var tampered: [(ConsistencyProof, oldRoot: Hash, newRoot: Hash)] = []
            for position in proof.hashes.indices {
                var hashes = proof.hashes
                hashes[position] = flip(hashes[position], bit: (bit + position * 37) % 256)
                tampered.append((ConsistencyProof(oldSize: oldSize, newSize: newSize, hashes: hashes), oldRoot, newRoot))
            }
            tampered.append((proof, flip(oldRoot, bit: bit), newRoot))
            tampered.append((proof, oldRoot, flip(newRoot, bit: bit)))
            for otherOld in [oldSize - 1, oldSize + 1] where otherOld <= newSize {
                let otherRoot = try await store.treeHash(size: otherOld)
                tampered.append((ConsistencyProof(oldSize: otherOld, newSize: newSize, hashes: proof.hashes), otherRoot, newRoot))
            }
            for otherNew in [newSize - 1, newSize + 1] where oldSize <= otherNew {
                let otherRoot = try await store.treeHash(size: otherNew)
                tampered.append((ConsistencyProof(oldSize: oldSize, newSize: otherNew, hashes: proof.hashes), oldRoot, otherRoot))
            }
            for hashes in addedAndDropped(proof.hashes, extra: newRoot) {
                tampered.append((ConsistencyProof(oldSize: oldSize, newSize: newSize, hashes: hashes), oldRoot, newRoot))
            }
            for (proof, oldRoot, newRoot) in tampered {
                #expect(throws: ProofError.self, "\(proof)") { try proof.verify(oldRoot: oldRoot, newRoot: newRoot) }
            }
        }
    }

    /// x/mod `TestTree`: every proof of every small tree, with one bit flipped in each hash in turn.
    @Test func everyProofOfSmallTreesRejectsEachFlippedHash() async throws {
        let store = Self.log.store
        for size in UInt64(1)...40 {
            let root = try await store.treeHash(size: size)
            for index in 0..<size {
                let proof = try await store.inclusionProof(leafIndex: index, treeSize: size)
                try proof.verify(leafHash: Self.log.leafHashes[Int(index)], root: root)
                for position in proof.hashes.indices {
                    var hashes = proof.hashes
                    hashes[position] = flip(hashes[position], bit: 0)
                    #expect(throws: ProofError.rootMismatch) {
                        try InclusionProof(leafIndex: index, treeSize: size, hashes: hashes).verify(
                            leafHash: Self.log.leafHashes[Int(index)],
                            root: root
                        )
                    }
                }
            }
            for oldSize in 1...size {
                let oldRoot = try await store.treeHash(size: oldSize)
                let proof = try await store.consistencyProof(oldSize: oldSize, newSize: size)
                try proof.verify(oldRoot: oldRoot, newRoot: root)
                for position in proof.hashes.indices {
                    var hashes = proof.hashes
                    hashes[position] = flip(hashes[position], bit: 0)
                    #expect(throws: ProofError.rootMismatch) {
                        try ConsistencyProof(oldSize: oldSize, newSize: size, hashes: hashes).verify(oldRoot: oldRoot, newRoot: root)
                    }
                }
            }
        }
    }
}

private func flip(_ hash: Hash, bit: Int) -> Hash {
    var bytes = hash.bytes
    bytes[bit / 8] ^= 1 << (bit % 8)
    return Hash(bytes: bytes)!
}

private func addedAndDropped(_ hashes: [Hash], extra: Hash) -> [[Hash]] {
    var variants = [hashes + [extra], [extra] + hashes]
    if !hashes.isEmpty {
        variants += [Array(hashes.dropLast()), Array(hashes.dropFirst()), hashes + [hashes[hashes.count - 1]]]
    }
    return variants
}
