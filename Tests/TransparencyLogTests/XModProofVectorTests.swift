import Testing
import TransparencyLog

/// `rfc6962-proofs-xmod.json`: every root and proof of two small trees, as x/mod `ProveRecord`/`ProveTree` made them.
struct XModProofVectorTests {
    struct ProofSet: Decodable {
        struct Inclusion: Decodable {
            let index: UInt64
            let size: UInt64
            let proof: [String]

            enum CodingKeys: String, CodingKey {
                case index = "Index"
                case size = "Size"
                case proof = "Proof"
            }
        }

        struct Consistency: Decodable {
            let old: UInt64
            let new: UInt64
            let proof: [String]

            enum CodingKeys: String, CodingKey {
                case old = "Old"
                case new = "New"
                case proof = "Proof"
            }
        }

        let leavesHex: [String]
        let leafHashes: [String]
        let roots: [String]
        let inclusion: [Inclusion]
        let consistency: [Consistency]

        enum CodingKeys: String, CodingKey {
            case leavesHex = "leaves_hex"
            case leafHashes = "leaf_hashes"
            case roots, inclusion, consistency
        }

        var store: InMemoryHashStore {
            var store = InMemoryHashStore()
            for leaf in leavesHex { store.append(leafHash: .leaf(decodeHex(leaf))) }
            return store
        }
    }

    let sets: [ProofSet]

    init() throws {
        sets = try Vectors.decode([ProofSet].self, from: "rfc6962-proofs-xmod.json")
    }

    @Test func rootsMatchAfterTheEmptyTree() async throws {
        #expect(sets.reduce(0) { $0 + $1.roots.count } == 43)
        for set in sets {
            let store = set.store
            #expect(store.hashes.count == Int(StoredHashLayout.count(treeSize: store.treeSize)))
            #expect(set.leafHashes == (0..<set.leavesHex.count).map { store.hashes[Int(StoredHashLayout.index(level: 0, n: UInt64($0)))].base64 })
            #expect(decodeBase64(set.roots[0]) == [UInt8](repeating: 0, count: 32), "x/mod's TreeHash(0)")
            let emptyRoot = try await store.treeHash(size: 0)
            #expect(emptyRoot == .emptyTree)
            for size in 1..<set.roots.count {
                let root = try await store.treeHash(size: UInt64(size))
                #expect(root.base64 == set.roots[size], "size \(size)")
            }
        }
    }

    @Test func everyProofIsByteIdenticalAndVerifies() async throws {
        #expect(sets.reduce(0) { $0 + $1.inclusion.count + $1.consistency.count } == 1194)
        for set in sets {
            let store = set.store
            for vector in set.inclusion {
                let proof = try await store.inclusionProof(leafIndex: vector.index, treeSize: vector.size)
                #expect(proof.hashes.map(\.base64) == vector.proof, "inclusion \(vector.index) in \(vector.size)")
                let leafHash = store.hashes[Int(StoredHashLayout.index(level: 0, n: vector.index))]
                let root = try await store.treeHash(size: vector.size)
                try proof.verify(leafHash: leafHash, root: root)
            }
            for vector in set.consistency {
                let proof = try await store.consistencyProof(oldSize: vector.old, newSize: vector.new)
                #expect(proof.hashes.map(\.base64) == vector.proof, "consistency \(vector.old) → \(vector.new)")
                let oldRoot = try await store.treeHash(size: vector.old)
                let newRoot = try await store.treeHash(size: vector.new)
                try proof.verify(oldRoot: oldRoot, newRoot: newRoot)
            }
        }
    }
}
