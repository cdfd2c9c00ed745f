import Foundation

/// NCAGE / CAGE code: the 5-character NATO Commercial and Government Entity code of one facility (not of a company group).
/// Nothing is encoded in it except the issuing nation's pattern, so validation checks that pattern
/// (``patternsByCountry``, from CodSP-3).
///
/// * `init(_:country:field:)` is the strict check used when the supplier's country is known. Countries without a known
///   national pattern take the NSPA-assigned pattern `S***#` (``nspaPattern``). This includes Ukraine: its NCB / NCAGE
///   status is unconfirmed in the sources (domain.md §1.3), so Ukrainian entities are expected to hold an NSPA code.
/// * `init(_:field:)` is the lenient check used when the country is not known (and by `Decodable`, because the code
///   travels as a bare string): the code must match at least one known pattern of any country.
///
/// Surrounding whitespace is ignored; letters must already be upper-case (codes are not case-folded). The stored
/// ``value`` is the canonical 5-character form.
public struct NCAGE: Hashable, Sendable, Codable, CustomStringConvertible {
    public let value: String

    /// Validates `raw` against the NCAGE pattern(s) of `country` (ISO 3166-1 alpha-3, e.g. `"DEU"`, `"UKR"`).
    /// - Throws: `DomainError.invalidField` with code `"invalid-ncage"`, or `"invalid-country"` when `country` is not
    ///   three letters.
    public init(_ raw: String, country: String, field: String = "ncage") throws {
        let code = try Self.normalize(raw, field: field)
        let iso3 = country.trimmingCharacters(in: .whitespacesAndNewlines)
        guard iso3.count == 3, iso3.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
            throw DomainError.invalidField(
                field: field,
                code: "invalid-country",
                reason: "issuing country must be an ISO 3166-1 alpha-3 code such as \"DEU\", got \"\(country)\""
            )
        }
        let patterns = Self.patterns(forCountry: iso3)
        guard patterns.contains(where: { Self.matches(code, pattern: $0) }) else {
            let source = Self.patternsByCountry[iso3] == nil ? " (NSPA-assigned; no national pattern known for \(iso3))" : ""
            throw Self.invalid(
                field,
                "\(code) does not match the NCAGE pattern for \(iso3): \(patterns.joined(separator: " or "))\(source)"
            )
        }
        if Self.excludesIAndO.contains(iso3), let letter = code.first(where: { $0 == "I" || $0 == "O" }) {
            throw Self.invalid(field, "\(code) contains the letter \(letter); US CAGE codes never use the letters I and O")
        }
        value = code
    }

    /// Validates `raw` when the issuing country is unknown: it must match the pattern of at least one country (or NSPA).
    /// - Throws: `DomainError.invalidField` with code `"invalid-ncage"`.
    public init(_ raw: String, field: String = "ncage") throws {
        let code = try Self.normalize(raw, field: field)
        guard Self.allPatterns.contains(where: { Self.matches(code, pattern: $0) }) else {
            throw Self.invalid(field, "\(code) does not match the NCAGE pattern of any known issuing nation or of NSPA")
        }
        value = code
    }

    /// The patterns NCAGEs of `country` (ISO alpha-3, upper-case) must follow: its national pattern(s), else NSPA's `S***#`.
    public static func patterns(forCountry country: String) -> [String] {
        patternsByCountry[country] ?? [nspaPattern]
    }

    /// Whether this code follows the pattern(s) of `country` (and, for the USA, avoids the letters I and O).
    public func isValid(forCountry country: String) -> Bool {
        (try? NCAGE(value, country: country)) != nil
    }

    public var description: String { value }

    public init(from decoder: any Decoder) throws {
        self = try CodeDecoding.decode(from: decoder, fallbackField: "ncage") { try NCAGE($0, field: $1) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    // MARK: - Matching

    private static let allPatterns: [String] = Array(Set(patternsByCountry.values.joined()).union([nspaPattern])).sorted()

    private static func normalize(_ raw: String, field: String) throws -> String {
        let code = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard code.count == 5 else {
            throw invalid(field, "must be 5 characters, got \(code.count)")
        }
        guard code.allSatisfy(isUppercaseAlphanumeric) else {
            throw invalid(field, "must contain only uppercase letters A-Z and digits 0-9, got \"\(code)\"")
        }
        return code
    }

    /// `#` = digit, `*` = uppercase letter or digit, anything else = that literal character.
    static func matches(_ code: String, pattern: String) -> Bool {
        guard code.count == pattern.count else { return false }
        return zip(code, pattern).allSatisfy { character, slot in
            switch slot {
            case "#": character.isASCII && character.isNumber
            case "*": isUppercaseAlphanumeric(character)
            default: character == slot
            }
        }
    }

    private static func isUppercaseAlphanumeric(_ character: Character) -> Bool {
        character.isASCII && (character.isNumber || character.isUppercase)
    }

    private static func invalid(_ field: String, _ reason: String) -> DomainError {
        .invalidField(field: field, code: "invalid-ncage", reason: reason)
    }
}
