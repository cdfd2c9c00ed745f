import Crypto

/// A 32-byte SHA-256 hash of a leaf, an interior node or a whole tree.
public struct Hash: Sendable, Hashable {
    public static let byteCount = 32

    private var storage: SIMD4<UInt64>

    /// Fails unless `bytes` holds exactly 32 bytes.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == Self.byteCount else { return nil }
        var storage = SIMD4<UInt64>()
        withUnsafeMutableBytes(of: &storage) { $0.copyBytes(from: bytes) }
        self.storage = storage
    }

    /// Fails unless `base64` is the canonical standard base64 of 32 bytes.
    public init?(base64: some StringProtocol) {
        guard let bytes = Base64.decode(base64) else { return nil }
        self.init(bytes: bytes)
    }

    init(_ digest: SHA256.Digest) {
        var storage = SIMD4<UInt64>()
        withUnsafeMutableBytes(of: &storage) { target in
            digest.withUnsafeBytes { target.copyMemory(from: $0) }
        }
        self.storage = storage
    }

    public var bytes: [UInt8] {
        withUnsafeBytes { Array($0) }
    }

    public var base64: String {
        Base64.encode(bytes)
    }

    func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try Swift.withUnsafeBytes(of: storage, body)
    }
}

extension Hash: CustomStringConvertible {
    public var description: String { base64 }
}
