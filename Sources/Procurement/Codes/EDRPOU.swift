import Foundation

/// ЄДРПОУ (EDRPOU): the 8-digit code of a legal entity in Ukraine's Unified State Register of Enterprises and
/// Organisations. The last digit is a check digit.
///
/// Check-digit rule, as implemented by python-stdnum (`stdnum/ua/edrpou.py`, LGPL-2.1; the algorithm, not the code,
/// is reproduced here):
/// * weights 1, 2, 3, 4, 5, 6, 7 over the first seven digits, or 7, 1, 2, 3, 4, 5, 6 when the **first digit** is 3, 4 or
///   5 (python-stdnum tests the first character, `number[0] in '345'`, not a numeric range);
/// * the check digit is the weighted sum mod 11;
/// * when that remainder is 10, every weight is increased by 2, and the check digit is the new sum mod 11 mod 10.
///
/// Surrounding whitespace is ignored; anything else must be exactly eight ASCII digits.
public struct EDRPOU: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The eight digits, e.g. `"00034022"` (Ministry of Defence of Ukraine).
    public let value: String

    /// Validates `raw` and keeps its canonical form.
    /// - Parameter field: the name of the field being validated, reported in the error.
    /// - Throws: `DomainError.invalidField` with code `"invalid-edrpou"`.
    public init(_ raw: String, field: String = "edrpou") throws {
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count == 8 else {
            throw Self.invalid(field, "must be 8 digits, got \(trimmed.count) characters")
        }
        let digits = trimmed.compactMap { $0.isASCII ? $0.wholeNumberValue : nil }
        guard digits.count == 8 else {
            throw Self.invalid(field, "must contain only digits 0-9, got \"\(trimmed)\"")
        }
        let expected = Self.checkDigit(forFirstSeven: Array(digits.prefix(7)))
        guard digits[7] == expected else {
            throw Self.invalid(field, "check digit is \(digits[7]), expected \(expected)")
        }
        value = trimmed
    }

    public var description: String { value }

    public init(from decoder: any Decoder) throws {
        self = try CodeDecoding.decode(from: decoder, fallbackField: "edrpou") { try EDRPOU($0, field: $1) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    /// The check digit for the first seven digits of a code (python-stdnum's `calc_check_digit`).
    static func checkDigit(forFirstSeven digits: [Int]) -> Int {
        precondition(digits.count == 7, "an EDRPOU check digit is computed over seven digits")
        let weights = (3...5).contains(digits[0]) ? [7, 1, 2, 3, 4, 5, 6] : [1, 2, 3, 4, 5, 6, 7]
        let remainder = zip(weights, digits).reduce(0) { $0 + $1.0 * $1.1 } % 11
        if remainder < 10 {
            return remainder
        }
        return zip(weights, digits).reduce(0) { $0 + ($1.0 + 2) * $1.1 } % 11 % 10
    }

    private static func invalid(_ field: String, _ reason: String) -> DomainError {
        .invalidField(field: field, code: "invalid-edrpou", reason: reason)
    }
}
