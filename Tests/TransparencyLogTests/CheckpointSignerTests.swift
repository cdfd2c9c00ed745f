import Testing
import TransparencyLog

struct CheckpointSignerTests {
    static let origin = "procurement.example/tlog/v1"

    let key: NoteSignerKey
    let signer: CheckpointSigner
    let store = TestLog.small.store

    init() throws {
        key = try NoteSignerKey.generate(name: Self.origin)
        signer = CheckpointSigner(origin: Self.origin, keys: [key])
    }

    func checkpoint(size: UInt64) async throws -> Checkpoint {
        let root = try await store.treeHash(size: size)
        return try Checkpoint(origin: Self.origin, size: size, root: root)
    }

    @Test func signsAConsistentSuccessor() async throws {
        let previous = try await checkpoint(size: 7)
        let proof = try await store.consistencyProof(oldSize: 7, newSize: 300)
        let root = try await store.treeHash(size: 300)
        let note = try signer.sign(size: 300, root: root, previous: previous, proof: proof.hashes)

        let reparsed = try SignedNote(parsing: Array(note.formatted.utf8))
        #expect(try reparsed.verify(with: [key.verifierKey]) == [key.verifierKey])
        #expect(try Checkpoint(parsing: reparsed.text) == Checkpoint(origin: Self.origin, size: 300, root: root))
    }

    @Test func refusesAnInconsistentSuccessor() async throws {
        let previous = try await checkpoint(size: 7)
        let proof = try await store.consistencyProof(oldSize: 7, newSize: 300)
        var forked = TestLog(size: 300).leafHashes
        forked[3] = .leaf([0x66, 0x6f, 0x72, 0x6b])
        var reference = ReferenceMerkle(leaves: forked)
        let forkedRoot = reference.mth(0..<300)
        #expect(throws: CheckpointSignerError.inconsistent(.rootMismatch)) {
            try signer.sign(size: 300, root: forkedRoot, previous: previous, proof: proof.hashes)
        }
        #expect(throws: CheckpointSignerError.inconsistent(.wrongLength(expected: proof.hashes.count, actual: 0))) {
            try signer.sign(size: 300, root: forkedRoot, previous: previous, proof: [])
        }
    }

    @Test func refusesToShrinkOrRewriteTheSameSize() async throws {
        let previous = try await checkpoint(size: 300)
        #expect(throws: CheckpointSignerError.treeShrank(previousSize: 300, size: 7)) {
            try signer.sign(size: 7, root: previous.root, previous: previous, proof: [])
        }
        #expect(throws: CheckpointSignerError.inconsistent(.rootMismatch)) {
            try signer.sign(size: 300, root: .emptyTree, previous: previous, proof: [])
        }
        _ = try signer.sign(size: 300, root: previous.root, previous: previous, proof: [])
    }

    @Test func refusesAnotherLogsCheckpoint() async throws {
        let root = try await store.treeHash(size: 1)
        let previous = try Checkpoint(origin: "other.example/log", size: 1, root: root)
        #expect(throws: CheckpointSignerError.originMismatch("other.example/log")) {
            try signer.sign(size: 1, root: previous.root, previous: previous, proof: [])
        }
    }

    @Test func everyTreeExtendsTheEmptyTree() async throws {
        let root = try await store.treeHash(size: 5)
        let empty = try signer.sign(size: 0, root: .emptyTree, previous: nil, proof: [])
        let previous = try Checkpoint(parsing: empty.text)
        _ = try signer.sign(size: 5, root: root, previous: previous, proof: [])
        _ = try signer.sign(size: 5, root: root, previous: nil, proof: [])
        #expect(throws: CheckpointSignerError.inconsistent(.wrongLength(expected: 0, actual: 1))) {
            try signer.sign(size: 5, root: root, previous: previous, proof: [root])
        }
        #expect(throws: CheckpointSignerError.inconsistent(.wrongLength(expected: 0, actual: 1))) {
            try signer.sign(size: 5, root: root, previous: nil, proof: [root])
        }
    }

    @Test func theEmptyTreeHasTheEmptyRoot() throws {
        #expect(throws: CheckpointSignerError.emptyTreeRootMismatch) {
            try signer.sign(size: 0, root: try #require(Hash(bytes: [UInt8](repeating: 0, count: 32))), previous: nil, proof: [])
        }
        let bogus = try Checkpoint(origin: Self.origin, size: 0, root: .leaf([]))
        #expect(throws: CheckpointSignerError.emptyTreeRootMismatch) {
            try signer.sign(size: 1, root: .leaf([]), previous: bogus, proof: [])
        }
    }
}
