import Testing
import TransparencyLog

struct HashingTests {
    @Test func emptyTreeIsSHA256OfNothing() async throws {
        #expect(Hash.emptyTree == Hash(hex: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"))
        let root = try await InMemoryHashStore().treeHash(size: 0)
        #expect(root == .emptyTree)
    }

    @Test func recordHashMatchesXMod() throws {
        let vector = try Vectors.decode(NoteVectors.self, from: "notes.json").recordHash
        #expect(Hash.leaf(Array(vector.data.utf8)).base64 == vector.leafHashBase64)
    }

    @Test func hashesAreExactly32Bytes() {
        #expect(Hash(bytes: [UInt8](repeating: 7, count: 32))?.bytes == [UInt8](repeating: 7, count: 32))
        #expect(Hash(bytes: [UInt8](repeating: 7, count: 31)) == nil)
        #expect(Hash(bytes: [UInt8](repeating: 7, count: 33)) == nil)
        #expect(Hash(bytes: []) == nil)
        #expect(Hash(base64: "ZG9uJ3QgY2FyZSAx") == nil)
    }

    @Test func base64IsCanonical() {
        let canonical = Hash.emptyTree.base64
        #expect(canonical == "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=")
        #expect(Hash(base64: canonical) == .emptyTree)
        #expect(Hash(base64: "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFV=") == nil)
        #expect(Hash(base64: "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU") == nil)
        #expect(Hash(base64: " 47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=") == nil)
    }
}
