import Testing
import TransparencyLog

/// `ct-8-leaves.json`: the classic RFC 6962 / CT test tree.
struct CTEightLeavesTests {
    struct Vector: Decodable {
        struct CompactTree: Decodable {
            struct Node: Decodable {
                let level: Int
                let index: UInt64
                let hashHex: String

                enum CodingKeys: String, CodingKey {
                    case level, index
                    case hashHex = "hash_hex"
                }
            }

            let size: UInt64
            let nodes: [Node]
        }

        let leafInputsHex: [String]
        let nodeHashesHex: [[String]]
        let rootHashesHex: [String]
        let compactTrees: [CompactTree]

        enum CodingKeys: String, CodingKey {
            case leafInputsHex = "leaf_inputs_hex"
            case nodeHashesHex = "node_hashes_hex"
            case rootHashesHex = "root_hashes_hex"
            case compactTrees = "compact_trees"
        }
    }

    let vector: Vector
    let store: InMemoryHashStore

    init() throws {
        vector = try Vectors.decode(Vector.self, from: "ct-8-leaves.json")
        var store = InMemoryHashStore()
        for input in vector.leafInputsHex { store.append(leafHash: .leaf(decodeHex(input))) }
        self.store = store
    }

    @Test func rootsForEverySize() async throws {
        #expect(vector.rootHashesHex.count == 9)
        for (size, hex) in vector.rootHashesHex.enumerated() {
            let root = try await store.treeHash(size: UInt64(size))
            #expect(root == Hash(hex: hex), "size \(size)")
        }
    }

    @Test func everySubtreeHashIsStored() {
        #expect(store.hashes.count == StoredHashLayout.count(treeSize: 8))
        for (level, hashes) in vector.nodeHashesHex.enumerated() {
            for (n, hex) in hashes.enumerated() {
                #expect(store.hashes[Int(StoredHashLayout.index(level: level, n: UInt64(n)))] == Hash(hex: hex), "level \(level) n \(n)")
            }
        }
    }

    @Test func compactRangesFoldToTheRoot() {
        for tree in vector.compactTrees {
            var start: UInt64 = 0
            var expected: [(level: Int, index: UInt64)] = []
            for level in (0..<64).reversed() where tree.size & (1 << level) != 0 {
                expected.append((level, start >> level))
                start += 1 << level
            }
            #expect(tree.nodes.map(\.level) == expected.map(\.level), "size \(tree.size)")
            #expect(tree.nodes.map(\.index) == expected.map(\.index), "size \(tree.size)")

            let hashes = tree.nodes.map { Hash(hex: $0.hashHex) }
            for (node, hash) in zip(tree.nodes, hashes) {
                #expect(store.hashes[Int(StoredHashLayout.index(level: node.level, n: node.index))] == hash)
            }
            let root = hashes.dropLast().reversed().reduce(hashes.last ?? .emptyTree) { .node($1, $0) }
            #expect(root == Hash(hex: vector.rootHashesHex[Int(tree.size)]), "size \(tree.size)")
        }
    }
}
