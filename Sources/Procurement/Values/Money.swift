import Foundation

/// An amount in one currency. Decimal, never floating point; at most the currency's minor units; never negative.
/// Encoded as `{"amount": "1250000.00", "currency": "UAH"}`: the amount is a string so no JSON parser rounds it.
public struct Money: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public let amount: Decimal
    public let currency: Currency

    public init(_ amount: Decimal, _ currency: Currency, field: String = "amount") throws {
        guard amount.isFinite, !amount.isNaN else {
            throw DomainError.invalidField(field: field, code: "invalid-amount", reason: "amount must be a finite number")
        }
        guard amount >= 0 else {
            throw DomainError.invalidField(field: field, code: "negative-amount", reason: "amount must not be negative")
        }
        guard Self.scale(of: amount) <= currency.minorUnits else {
            throw DomainError.invalidField(
                field: field,
                code: "invalid-amount-precision",
                reason: "\(currency.rawValue) amounts have at most \(currency.minorUnits) decimal places"
            )
        }
        guard amount <= Self.maximum else {
            throw DomainError.invalidField(field: field, code: "amount-too-large", reason: "amount exceeds \(Self.maximum)")
        }
        self.amount = amount
        self.currency = currency
    }

    /// Parses a plain decimal string such as `"1250000.50"`; no exponents, no thousands separators.
    public init(parsing text: String, _ currency: Currency, field: String = "amount") throws {
        guard let value = Self.decimal(text) else {
            throw DomainError.invalidField(
                field: field,
                code: "invalid-amount",
                reason: "\"\(text)\" is not a decimal amount like \"1250000.00\""
            )
        }
        try self.init(value, currency, field: field)
    }

    /// `-?[0-9]{1,18}(\.[0-9]{1,6})?`, read exactly. Hand-written because every stored bid and tender passes through
    /// here when it is decoded, and a regex literal is compiled anew each time it is evaluated.
    private static func decimal(_ text: String) -> Decimal? {
        var bytes = Substring(text).utf8[...]
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { bytes = bytes.dropFirst() }
        let whole = bytes.prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        var fraction = bytes.dropFirst(whole.count)
        if !fraction.isEmpty {
            guard fraction.first == UInt8(ascii: "."), fraction.count > 1 else { return nil }
            fraction = fraction.dropFirst()
        }
        guard (1...18).contains(whole.count), fraction.count <= 6, fraction.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
        else { return nil }
        func integer(_ digits: Substring.UTF8View.SubSequence) -> UInt64 { digits.reduce(0) { $0 * 10 + UInt64($1 - UInt8(ascii: "0")) } }
        let value = Decimal(integer(whole)) + Decimal(sign: .plus, exponent: -fraction.count, significand: Decimal(integer(fraction)))
        return negative ? -value : value
    }

    public static let maximum = Decimal(string: "999999999999999")!

    /// The amount with exactly the currency's minor units, e.g. `"1250000.00"`.
    public var amountText: String {
        var value = amount
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, currency.minorUnits, .plain)
        let formatter = Self.formatter(minorUnits: currency.minorUnits)
        return formatter(rounded)
    }

    public var description: String { "\(amountText) \(currency.rawValue)" }

    public static func < (lhs: Money, rhs: Money) -> Bool {
        precondition(lhs.currency == rhs.currency, "comparing \(lhs.currency) with \(rhs.currency)")
        return lhs.amount < rhs.amount
    }

    public func adding(_ other: Money) throws -> Money {
        guard other.currency == currency else {
            throw DomainError.invalidField(
                field: "currency",
                code: "currency-mismatch",
                reason: "cannot add \(other.currency) to \(currency)"
            )
        }
        return try Money(amount + other.amount, currency)
    }

    enum CodingKeys: String, CodingKey { case amount, currency }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let currency = try container.decode(Currency.self, forKey: .currency)
        let text = try container.decode(String.self, forKey: .amount)
        do {
            try self.init(parsing: text, currency)
        } catch let error as DomainError {
            throw DecodingError.dataCorruptedError(forKey: .amount, in: container, debugDescription: error.message)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(amountText, forKey: .amount)
        try container.encode(currency, forKey: .currency)
    }

    private static func scale(of value: Decimal) -> Int {
        var value = value
        var scale = 0
        while scale < 20 {
            var rounded = Decimal()
            NSDecimalRound(&rounded, &value, scale, .plain)
            if rounded == value { return scale }
            scale += 1
        }
        return scale
    }

    private static func formatter(minorUnits: Int) -> (Decimal) -> String {
        { value in
            let text = NSDecimalNumber(decimal: value).stringValue
            guard minorUnits > 0 else { return text }
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            let fraction = parts.count > 1 ? String(parts[1]) : ""
            return "\(parts[0]).\(fraction.padding(toLength: minorUnits, withPad: "0", startingAt: 0))"
        }
    }
}
