import Foundation

/// Standard padded base64 (RFC 4648 §4), as used by signed notes, checkpoints and proofs.
enum Base64 {
    static func encode(_ bytes: some Sequence<UInt8>) -> String {
        Data(bytes).base64EncodedString()
    }

    /// Decodes only the canonical encoding, so every byte string has exactly one accepted text form.
    static func decode(_ text: some StringProtocol) -> [UInt8]? {
        guard let data = Data(base64Encoded: String(text)), data.base64EncodedString() == text else { return nil }
        return Array(data)
    }
}
