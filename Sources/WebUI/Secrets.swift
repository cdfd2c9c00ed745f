import Crypto
import Foundation
import HummingbirdBcrypt
import HummingbirdOTP

/// Random tokens, their stored hashes, passwords and second factors.
public enum Secrets {
    /// 32 random bytes as URL-safe base64: session tokens and CSRF tokens.
    public static func token() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func sha256(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Compares without stopping at the first difference, so timing does not reveal a CSRF token.
    static func same(_ a: String, _ b: String) -> Bool {
        let (x, y) = (Array(a.utf8), Array(b.utf8))
        guard x.count == y.count, !x.isEmpty else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    public static func hashPassword(_ password: String, cost: UInt8) -> String { Bcrypt.hash(password, cost: cost) }

    static func verifyPassword(_ password: String, hash: String) -> Bool { Bcrypt.verify(password, hash: hash) }

    /// The time-step (Unix time / 30) whose TOTP code (RFC 6238: SHA-1, 6 digits) `code` is: the current step or, for
    /// clock drift, the one before. Nil when it is neither.
    static func totpStep(_ code: String, secret: String, at time: Date) -> Int64? {
        let digits = code.filter { !$0.isWhitespace }
        guard digits.count == 6, let value = Int(digits) else { return nil }
        let current = Int64(time.timeIntervalSince1970 / 30)
        let otp = HOTP(secret: secret)
        return [current, current - 1].first { otp.compute(counter: UInt64($0)) == value }
    }

    /// A new TOTP secret: 32 characters of the base32 alphabet, 160 random bits (RFC 4226's recommended key size).
    static func totpSecret() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var generator = SystemRandomNumberGenerator()
        return String((0..<32).map { _ in alphabet.randomElement(using: &generator)! })
    }

    /// The `otpauth://` URL an authenticator app reads (from a QR code or a link) to add `secret` for `account`.
    static func authenticatorURL(secret: String, account: String) -> String {
        TOTP(secret: secret).createAuthenticatorURL(label: "Quartermaster:\(account)", issuer: "Quartermaster")
    }

    /// The authenticator-app form of a secret: its bytes in base32, as `otpauth://` URLs carry it.
    public static func base32(_ secret: String) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var output = ""
        var buffer = 0
        var bits = 0
        for byte in secret.utf8 {
            buffer = (buffer << 8) | Int(byte)
            bits += 8
            while bits >= 5 {
                output.append(alphabet[(buffer >> (bits - 5)) & 31])
                bits -= 5
            }
        }
        if bits > 0 { output.append(alphabet[(buffer << (5 - bits)) & 31]) }
        return output
    }
}
