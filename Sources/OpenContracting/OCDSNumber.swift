import Foundation

/// A JSON number kept as its exact text.
///
/// Parsing and serializing never changes the text, so `12345678901234567890.12` survives any number of round trips.
/// Two numbers are equal when their values are equal (`1`, `1.0`, `10e-1` and `-0` vs `0` compare equal), decided
/// exactly on the digits, never through floating point.
public struct OCDSNumber: Sendable {
    /// The number as written, always valid JSON number syntax.
    public let text: String

    /// A number from JSON number text (`-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`), or `nil` if it is not one.
    public init?(_ text: String) {
        var text = text
        let valid = text.withUTF8 { Self.isValid(UnsafeBufferPointer(rebasing: $0[...])) }
        guard valid else { return nil }
        self.text = text
    }

    /// Text the caller has already validated.
    init(uncheckedText: String) { text = uncheckedText }

    public init(_ value: Int) { text = String(value) }

    /// A decimal in plain notation (`Decimal` prints no exponent), or `nil` for NaN.
    public init?(_ value: Decimal) {
        guard !value.isNaN else { return nil }
        let description = value.description
        guard let number = OCDSNumber(description) else { return nil }
        self = number
    }

    /// The shortest text that reads back as `value` (`0.1` gives `0.1`, `2.0` gives `2.0`, `1e20` gives `1e+20`), or
    /// `nil` for NaN and infinities. Prefer ``init(_:)-(Decimal)`` or text for amounts.
    public init?(_ value: Double) {
        guard value.isFinite, let number = OCDSNumber("\(value)") else { return nil }
        self = number
    }

    /// The value as a `Decimal` (exact up to 38 significant digits), or `nil` when it does not fit.
    public var decimal: Decimal? {
        Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }

    /// The nearest `Double`.
    public var double: Double { Double(text) ?? .nan }

    /// The value as an `Int` when it is an integer that fits (`2`, `2.0`, `2e3`), else `nil`.
    public var int: Int? {
        if let value = Int(text) { return value }
        let canonical = canonical
        if canonical.digits.isEmpty { return 0 }
        guard canonical.exponent >= canonical.digits.count, canonical.exponent <= 19 else { return nil }
        var digits = canonical.digits
        digits.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: canonical.exponent - canonical.digits.count))
        let magnitude = String(decoding: digits, as: UTF8.self)
        return Int(canonical.negative ? "-" + magnitude : magnitude)
    }

    /// Checks JSON number syntax.
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        return scan(bytes, &index) && index == bytes.count
    }

    /// Advances `index` over a JSON number starting at `index`; `false` if the syntax is wrong.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> Bool {
        let end = bytes.count
        var position = index
        @inline(__always) func isDigit(_ at: Int) -> Bool { at < end && bytes[at] &- 0x30 < 10 }
        if position < end, bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard isDigit(position) else { return false }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
        } else {
            while isDigit(position) { position += 1 }
        }
        if position < end, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard isDigit(position) else { return false }
            while isDigit(position) { position += 1 }
        }
        if position < end, bytes[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            if position < end, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
            guard isDigit(position) else { return false }
            while isDigit(position) { position += 1 }
        }
        index = position
        return true
    }

    /// Sign, significant digits without leading or trailing zeros, and the decimal exponent such that the value is
    /// `0.<digits> × 10^exponent`. Zero has no digits and is never negative.
    struct Canonical: Hashable {
        var negative: Bool
        var digits: [UInt8]
        var exponent: Int
    }

    var canonical: Canonical {
        var negative = false
        var digits: [UInt8] = []
        var pointExponent = 0  // digits seen before the decimal point
        var seenPoint = false
        var exponent = 0
        var exponentNegative = false
        var inExponent = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "-"):
                if inExponent { exponentNegative = true } else { negative = true }
            case UInt8(ascii: "+"):
                break
            case UInt8(ascii: "."):
                seenPoint = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                inExponent = true
            default:
                if inExponent {
                    // Saturate: exponents this large are equal to each other only when identical anyway.
                    if exponent < 1_000_000_000 { exponent = exponent * 10 + Int(byte - 0x30) }
                } else {
                    if digits.isEmpty && byte == UInt8(ascii: "0") {
                        if seenPoint { pointExponent -= 1 }
                        continue
                    }
                    digits.append(byte)
                    if !seenPoint { pointExponent += 1 }
                }
            }
        }
        while digits.last == UInt8(ascii: "0") { digits.removeLast() }
        if digits.isEmpty { return Canonical(negative: false, digits: [], exponent: 0) }
        return Canonical(negative: negative, digits: digits, exponent: pointExponent + (exponentNegative ? -exponent : exponent))
    }
}

extension OCDSNumber: Hashable {
    public static func == (lhs: OCDSNumber, rhs: OCDSNumber) -> Bool {
        lhs.text == rhs.text || lhs.canonical == rhs.canonical
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(canonical)
    }
}

extension OCDSNumber: CustomStringConvertible {
    public var description: String { text }
}

extension OCDSNumber: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self.init(value) }
}
