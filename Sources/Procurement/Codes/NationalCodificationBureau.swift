/// National Codification Bureau (NCB) codes: positions 5–6 of an NSN, the first two characters of the NIIN, naming the
/// bureau that assigned the item number.
///
/// Source: CodSP-3 "NCS Country Codes" as summarised in `shared/reference/domain.md` §1.3. Rows marked `confirmed: false`
/// come from an older Wikipedia-derived NIIN list or the AC/135 brochure (marked † there) and still need checking
/// against the current CodSP-3. Ukraine has no NCB code in the sources consulted. The table is reference data with an
/// effective date in principle; load the full current CodSP-3 when it is available instead of extending this by hand.
public enum NationalCodificationBureau {
    /// One assigned NCB code.
    public struct Entry: Hashable, Sendable {
        /// The two-digit NCB code, e.g. `"00"`.
        public let code: String
        /// The nation's ISO 3166-1 alpha-3 code, or `nil` for a bureau that is not a nation (United Nations).
        public let country: String?
        /// English name of the nation or organisation.
        public let name: String
        /// `true` when the row was verified in CodSP-3 (or the AC/135 brochure / a national NCB page), `false` for a †
        /// row still to be confirmed.
        public let confirmed: Bool
    }

    /// Every known, assigned NCB code, keyed by code.
    public static let entries: [String: Entry] = Dictionary(
        uniqueKeysWithValues: rows.map { ($0.code, Entry(code: $0.code, country: $0.country, name: $0.name, confirmed: $0.confirmed)) }
    )

    /// The entry for a two-digit NCB code, or `nil` if the code is unknown or unassigned.
    public static func entry(forCode code: String) -> Entry? {
        entries[code]
    }

    private typealias Row = (code: String, country: String?, name: String, confirmed: Bool)

    private static let rows: [Row] = [
        ("00", "USA", "United States", true),
        ("01", "USA", "United States", true),
        ("12", "DEU", "Germany", true),
        ("13", "BEL", "Belgium", true),
        ("14", "FRA", "France", true),
        ("15", "ITA", "Italy", true),
        ("16", "CZE", "Czech Republic", true),
        ("17", "NLD", "Netherlands", false),
        ("18", "ZAF", "South Africa", false),
        ("19", "BRA", "Brazil", true),
        ("20", "CAN", "Canada", true),
        ("21", "CAN", "Canada", true),
        ("22", "DNK", "Denmark", true),
        ("23", "GRC", "Greece", true),
        ("24", "ISL", "Iceland", true),
        ("25", "NOR", "Norway", false),
        ("26", "PRT", "Portugal", false),
        ("27", "TUR", "Türkiye", false),
        ("28", "LUX", "Luxembourg", false),
        ("29", "ARG", "Argentina", true),
        ("30", "JPN", "Japan", true),
        ("31", "ISR", "Israel", true),
        ("32", "SGP", "Singapore", false),
        ("33", "ESP", "Spain", false),
        ("34", "MYS", "Malaysia", false),
        ("35", "THA", "Thailand", false),
        ("36", "EGY", "Egypt", true),
        ("37", "KOR", "Republic of Korea", false),
        ("38", "EST", "Estonia", true),
        ("39", "ROU", "Romania", false),
        ("40", "SVK", "Slovakia", false),
        ("41", "AUT", "Austria", true),
        ("42", "SVN", "Slovenia", false),
        ("43", "POL", "Poland", false),
        ("44", nil, "United Nations", false),
        ("45", "IDN", "Indonesia", true),
        ("46", "PHL", "Philippines", false),
        ("47", "LTU", "Lithuania", false),
        ("48", "FJI", "Fiji", true),
        ("49", "TON", "Tonga", false),
        ("50", "BGR", "Bulgaria", true),
        ("51", "HUN", "Hungary", true),
        ("52", "CHL", "Chile", true),
        ("53", "HRV", "Croatia", true),
        ("54", "MKD", "North Macedonia", false),
        ("55", "LVA", "Latvia", false),
        ("56", "OMN", "Oman", false),
        ("58", "FIN", "Finland", true),
        ("59", "ALB", "Albania", true),
        ("62", "IRQ", "Iraq", true),
        ("66", "AUS", "Australia", true),
        ("68", "GEO", "Georgia", true),
        ("70", "SAU", "Saudi Arabia", false),
        ("71", "ARE", "United Arab Emirates", false),
        ("72", "IND", "India", true),
        ("73", "SRB", "Serbia", true),
        ("75", "BIH", "Bosnia and Herzegovina", true),
        ("76", "BRN", "Brunei", true),
        ("78", "JOR", "Jordan", true),
        ("80", "COL", "Colombia", true),
        ("82", "DZA", "Algeria", true),
        ("83", "ECU", "Ecuador", true),
        ("84", "IRL", "Ireland", true),
        ("98", "NZL", "New Zealand", false),
        ("99", "GBR", "United Kingdom", true),
    ]
}
