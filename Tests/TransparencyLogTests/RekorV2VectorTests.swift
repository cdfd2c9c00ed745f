import Testing
import TransparencyLog

/// A real checkpoint and inclusion proof from Sigstore's tile-based Rekor v2 staging log.
struct RekorV2VectorTests {
    struct Vector: Decodable {
        let vkey: String
        let leafBase64: String
        let leafIndex: UInt64
        let treeSize: UInt64
        let rootBase64: String
        let inclusion: [String]
        let checkpoint: String

        enum CodingKeys: String, CodingKey {
            case vkey, inclusion, checkpoint
            case leafBase64 = "leaf_b64"
            case leafIndex = "leaf_index"
            case treeSize = "tree_size"
            case rootBase64 = "root_b64"
        }
    }

    @Test func checkpointAndInclusionVerify() throws {
        let vector = try Vectors.decode(Vector.self, from: "sigstore-rekor-v2/vector.json")
        let key = try NoteVerifierKey(parsing: vector.vkey)
        let note = try SignedNote(parsing: Array(vector.checkpoint.utf8))
        #expect(try note.verify(with: [key]) == [key])

        let checkpoint = try Checkpoint(parsing: note.text)
        #expect(checkpoint.origin == key.name)
        #expect(checkpoint.size == vector.treeSize)
        #expect(checkpoint.root.base64 == vector.rootBase64)
        #expect(checkpoint.body == note.text)

        let proof = InclusionProof(
            leafIndex: vector.leafIndex,
            treeSize: checkpoint.size,
            hashes: vector.inclusion.map { Hash(base64: $0)! }
        )
        let leafHash = Hash.leaf(try #require(decodeBase64(vector.leafBase64)))
        try proof.verify(leafHash: leafHash, root: checkpoint.root)
        #expect(throws: ProofError.self) { try proof.verify(leafHash: .leaf([0x00]), root: checkpoint.root) }
    }
}
