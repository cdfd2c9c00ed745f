import Testing
import TransparencyLog

/// The 196 transparency-dev/merkle JSON probes.
///
/// Our verifier agrees with every `wantErr` but one: `sizes-are-equal-one-and-proof-is-empty` gives two equal
/// 12-byte "roots", which transparency-dev accepts without reading them and we reject because a root is a 32-byte
/// hash (tlog.md §1.6; x/mod rejects it too). Size 0 follows RFC 9162 (see ``ConsistencyProof``).
struct TransparencyDevProbeTests {
    struct InclusionProbe: Decodable {
        let leafIdx: UInt64
        let treeSize: UInt64
        let root: String
        let leafHash: String
        let proof: [String]?
        let wantErr: Bool

        var isAccepted: Bool {
            guard let leafHash = hash(leafHash), let root = hash(root), let hashes = hashes(proof) else { return false }
            let proof = InclusionProof(leafIndex: leafIdx, treeSize: treeSize, hashes: hashes)
            return (try? proof.verify(leafHash: leafHash, root: root)) != nil
        }
    }

    struct ConsistencyProbe: Decodable {
        let size1: UInt64
        let size2: UInt64
        let root1: String
        let root2: String
        let proof: [String]?
        let wantErr: Bool

        var isAccepted: Bool {
            guard let root1 = hash(root1), let root2 = hash(root2), let hashes = hashes(proof) else { return false }
            let proof = ConsistencyProof(oldSize: size1, newSize: size2, hashes: hashes)
            return (try? proof.verify(oldRoot: root1, newRoot: root2)) != nil
        }
    }

    static let directory = "transparency-dev-merkle/testdata"

    @Test func inclusionProbes() throws {
        let files = try Vectors.jsonFiles(under: "\(Self.directory)/inclusion")
        #expect(files.count == 98)
        for file in files {
            let probe = try Vectors.decode(InclusionProbe.self, from: "\(Self.directory)/inclusion/\(file)")
            #expect(probe.isAccepted == !probe.wantErr, "\(file)")
        }
    }

    @Test func consistencyProbes() throws {
        let files = try Vectors.jsonFiles(under: "\(Self.directory)/consistency")
        #expect(files.count == 98)
        var disagreements: [String] = []
        for file in files {
            let probe = try Vectors.decode(ConsistencyProbe.self, from: "\(Self.directory)/consistency/\(file)")
            if probe.isAccepted == probe.wantErr { disagreements.append(file) }
        }
        #expect(disagreements == ["additional/sizes-are-equal-one-and-proof-is-empty.json"])
    }

    @Test func nonThirtyTwoByteRootsAreRejectedEvenWhenEqual() throws {
        let probe = try Vectors.decode(
            ConsistencyProbe.self,
            from: "\(Self.directory)/consistency/additional/sizes-are-equal-one-and-proof-is-empty.json"
        )
        #expect(!probe.wantErr)
        #expect(decodeBase64(probe.root1)?.count == 12)
        #expect(!probe.isAccepted)
    }

    @Test func leafIndexNearUInt64MaxParses() throws {
        let files = try Vectors.jsonFiles(under: "\(Self.directory)/inclusion")
        let indexes = try files.map { try Vectors.decode(InclusionProbe.self, from: "\(Self.directory)/inclusion/\($0)").leafIdx }
        #expect(indexes.contains(UInt64.max))
    }
}

private func hash(_ base64: String) -> Hash? {
    decodeBase64(base64).flatMap { Hash(bytes: $0) }
}

private func hashes(_ proof: [String]?) -> [Hash]? {
    let hashes = (proof ?? []).compactMap(hash)
    return hashes.count == (proof ?? []).count ? hashes : nil
}
