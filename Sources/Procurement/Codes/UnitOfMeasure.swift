import Foundation

/// Units of measure used in procurement line items, as UN/CEFACT Recommendation 20 common codes (the codes Prozorro and
/// EU eForms use for `unit.id`). Only codes that exist in Recommendation 20 are listed; packaging codes from
/// Recommendation 21 (`X…`, e.g. `XBX`) are not. Names are the Recommendation 20 English names.
///
/// `init(code:field:)` ignores surrounding whitespace; codes are case-sensitive (upper-case). An unknown code fails with
/// `"invalid-unit"`.
public enum UnitOfMeasure: String, CaseIterable, Hashable, Sendable, Codable, CustomStringConvertible {
    // Counts
    case piece = "H87"
    case each = "EA"
    case one = "C62"
    case set = "SET"
    case pair = "PR"
    case kit = "KT"
    case lot = "LO"
    case dozen = "DZN"
    case thousandPiece = "T3"
    // Packaging (Recommendation 20 codes)
    case box = "BX"
    case pack = "PK"
    case numberOfPacks = "NMP"
    case roll = "RO"
    case bag = "BG"
    case bottle = "BO"
    case can = "CA"
    case sheet = "ST"
    case ream = "RM"
    // Mass
    case milligram = "MGM"
    case gram = "GRM"
    case kilogram = "KGM"
    case tonne = "TNE"
    // Volume
    case millilitre = "MLT"
    case litre = "LTR"
    case cubicMetre = "MTQ"
    // Length and area
    case millimetre = "MMT"
    case centimetre = "CMT"
    case metre = "MTR"
    case kilometre = "KMT"
    case squareMetre = "MTK"
    case hectare = "HAR"
    // Time
    case minute = "MIN"
    case hour = "HUR"
    case day = "DAY"
    case week = "WEE"
    case month = "MON"
    case year = "ANN"
    // Energy and work
    case kilowattHour = "KWH"
    case megawattHour = "MWH"
    case serviceUnit = "E48"
    case job = "E51"
    case trip = "E54"

    /// Validates a Recommendation 20 code such as `"H87"` or `"KGM"`.
    /// - Throws: `DomainError.invalidField` with code `"invalid-unit"`.
    public init(code raw: String, field: String = "unit") throws {
        let code = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !code.isEmpty else {
            throw DomainError.invalidField(field: field, code: "invalid-unit", reason: "unit code is empty")
        }
        guard let unit = UnitOfMeasure(rawValue: code) else {
            if let upper = UnitOfMeasure(rawValue: code.uppercased()) {
                throw DomainError.invalidField(
                    field: field,
                    code: "invalid-unit",
                    reason: "unit codes are upper-case: use \"\(upper.rawValue)\", not \"\(code)\""
                )
            }
            throw DomainError.invalidField(
                field: field,
                code: "invalid-unit",
                reason: "\"\(code)\" is not a supported UN/CEFACT Recommendation 20 unit code"
            )
        }
        self = unit
    }

    /// The Recommendation 20 code, e.g. `"H87"`.
    public var code: String { rawValue }

    /// The Recommendation 20 English name, e.g. `"piece"`.
    public var name: String {
        switch self {
        case .piece: "piece"
        case .each: "each"
        case .one: "one"
        case .set: "set"
        case .pair: "pair"
        case .kit: "kit"
        case .lot: "lot [unit of procurement]"
        case .dozen: "dozen"
        case .thousandPiece: "thousand piece"
        case .box: "box"
        case .pack: "pack"
        case .numberOfPacks: "number of packs"
        case .roll: "roll"
        case .bag: "bag"
        case .bottle: "bottle"
        case .can: "can"
        case .sheet: "sheet"
        case .ream: "ream"
        case .milligram: "milligram"
        case .gram: "gram"
        case .kilogram: "kilogram"
        case .tonne: "tonne (metric ton)"
        case .millilitre: "millilitre"
        case .litre: "litre"
        case .cubicMetre: "cubic metre"
        case .millimetre: "millimetre"
        case .centimetre: "centimetre"
        case .metre: "metre"
        case .kilometre: "kilometre"
        case .squareMetre: "square metre"
        case .hectare: "hectare"
        case .minute: "minute [unit of time]"
        case .hour: "hour"
        case .day: "day"
        case .week: "week"
        case .month: "month"
        case .year: "year"
        case .kilowattHour: "kilowatt hour"
        case .megawattHour: "megawatt hour"
        case .serviceUnit: "service unit"
        case .job: "job"
        case .trip: "trip"
        }
    }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        self = try CodeDecoding.decode(from: decoder, fallbackField: "unit") { try UnitOfMeasure(code: $0, field: $1) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
