import Foundation

/// NATO Stock Number: 13 characters, displayed `NNNN-NN-NNN-NNNN`.
///
/// * positions 1–4: NATO Supply Classification (``nsc``; the US calls it FSC) = supply group (``supplyGroup``, 2 digits)
///   + class within the group;
/// * positions 5–13: NIIN (``niin``) = NCB code (``ncb``, 2 digits, the bureau that assigned it) + a 7-character
///   non-significant serial (``serial``).
///
/// There is no check digit. Validation (domain.md §1.1): surrounding whitespace and separators (hyphens, spaces) are
/// removed; the NSC must be four digits naming a known group and class (``SupplyClassification``); the NCB code must be
/// a known, assigned bureau (``NationalCodificationBureau``); the serial is seven digits or uppercase letters (letters
/// occur in newer NIINs; lowercase is rejected, not folded). The stored ``value`` is the canonical 13-character form.
public struct NSN: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Canonical 13 characters, e.g. `"5905007345199"`.
    public let value: String

    /// Validates `raw` (`"5905-00-734-5199"`, `"5905 00 734 5199"` or `"5905007345199"`).
    /// - Throws: `DomainError.invalidField` with code `"invalid-nsn"`.
    public init(_ raw: String, field: String = "nsn") throws {
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if let bad = trimmed.first(where: { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == " ")) }) {
            throw Self.invalid(field, "contains \"\(bad)\"; only digits, letters, hyphens and spaces are allowed")
        }
        let compact = String(trimmed.filter { $0 != "-" && $0 != " " })
        guard compact.count == 13 else {
            throw Self.invalid(field, "must be 13 characters after removing separators, got \(compact.count)")
        }
        let characters = Array(compact)
        let nsc = String(characters[0..<4])
        guard nsc.allSatisfy(\.isNumber) else {
            throw Self.invalid(field, "supply classification \"\(nsc)\" (positions 1-4) must be 4 digits")
        }
        let group = String(nsc.prefix(2))
        guard let groupName = SupplyClassification.name(ofGroup: group) else {
            throw Self.invalid(field, "supply group \(group) is not a known NATO supply group")
        }
        guard SupplyClassification.name(ofClass: nsc) != nil else {
            throw Self.invalid(field, "supply class \(nsc) is not a known class of group \(group) (\(groupName))")
        }
        let ncb = String(characters[4..<6])
        guard ncb.allSatisfy(\.isNumber) else {
            throw Self.invalid(field, "NCB code \"\(ncb)\" (positions 5-6) must be 2 digits")
        }
        guard NationalCodificationBureau.entry(forCode: ncb) != nil else {
            throw Self.invalid(field, "NCB code \(ncb) is not a known, assigned National Codification Bureau")
        }
        let serial = String(characters[6...])
        guard serial.allSatisfy({ $0.isNumber || $0.isUppercase }) else {
            throw Self.invalid(field, "serial \"\(serial)\" (positions 7-13) must be 7 digits or uppercase letters")
        }
        value = compact
    }

    /// NATO Supply Classification code (positions 1–4), e.g. `"5905"`.
    public var nsc: String { String(value.prefix(4)) }
    /// Supply group (positions 1–2), e.g. `"59"`.
    public var supplyGroup: String { String(value.prefix(2)) }
    /// NATO Item Identification Number (positions 5–13): the real key of the item; the NSC may change on reclassification.
    public var niin: String { String(value.suffix(9)) }
    /// National Codification Bureau code (positions 5–6), e.g. `"00"` for the USA.
    public var ncb: String { String(value.dropFirst(4).prefix(2)) }
    /// Non-significant serial (positions 7–13).
    public var serial: String { String(value.suffix(7)) }
    /// Display form `NNNN-NN-NNN-NNNN`.
    public var formatted: String {
        let characters = Array(value)
        return [characters[0..<4], characters[4..<6], characters[6..<9], characters[9..<13]].map { String($0) }.joined(separator: "-")
    }

    /// Name of the supply class, e.g. `"RESISTORS"` for 5905.
    public var supplyClassName: String? { SupplyClassification.name(ofClass: nsc) }
    /// The bureau that assigned the NIIN.
    public var bureau: NationalCodificationBureau.Entry? { NationalCodificationBureau.entry(forCode: ncb) }

    public var description: String { formatted }

    public init(from decoder: any Decoder) throws {
        self = try CodeDecoding.decode(from: decoder, fallbackField: "nsn") { try NSN($0, field: $1) }
    }

    /// Encodes the canonical 13-character form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    private static func invalid(_ field: String, _ reason: String) -> DomainError {
        .invalidField(field: field, code: "invalid-nsn", reason: reason)
    }
}
