import Crypto
import Foundation

/// RFC 6962 §2.1 hashing. The 0x00 and 0x01 prefixes keep a leaf from being passed off as an interior node.
extension Hash {
    /// The hash of the empty tree, SHA-256(""). x/mod's `TreeHash(0)` returns 32 zero bytes instead.
    public static let emptyTree = Hash(SHA256.hash(data: [UInt8]()))

    /// SHA-256(0x00 ‖ data).
    public static func leaf(_ data: some DataProtocol) -> Hash {
        var hasher = SHA256()
        hasher.update(data: [0x00])
        hasher.update(data: data)
        return Hash(hasher.finalize())
    }

    /// SHA-256(0x01 ‖ left ‖ right).
    public static func node(_ left: Hash, _ right: Hash) -> Hash {
        var hasher = SHA256()
        hasher.update(data: [0x01])
        left.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        right.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        return Hash(hasher.finalize())
    }
}
