extension NCAGE {
    /// National NCAGE patterns by issuing country (ISO 3166-1 alpha-3), from CodSP-3 "NCS Country Codes" as summarised in
    /// `shared/reference/domain.md` §1.3. Legend: `#` a digit, `*` an uppercase letter or digit, any other character is
    /// literal.
    ///
    /// Only rows whose pattern the sources gave are listed (CodSP-3 Feb-2026 rows A–J, plus the 2017 nato.int notes).
    /// Countries without a row here — including NATO members whose national pattern was not readable in the sources
    /// (e.g. GBR, NLD, NOR, ESP, POL, TUR) — fall back to ``nspaPattern``; fill their rows in from the current CodSP-3
    /// before relying on this for those suppliers.
    ///
    /// Ukraine: whether Ukraine has its own NCB and NCAGE series is unconfirmed (domain.md §1.3, open point §11.3), so
    /// Ukrainian entities take the NSPA-assigned pattern `S***#` until the MoD codification unit confirms otherwise.
    public static let patternsByCountry: [String: [String]] = [
        "USA": ["#***#"],  // US CAGE (DLA); letters I and O are never used, see `excludesIAndO`
        "DEU": ["C***#", "D***#"],
        "BEL": ["B***#"],
        "LUX": ["B***#"],  // CodSP-3: Luxembourg's codification is done by Belgium
        "FRA": ["F***#", "M***#"],
        "ITA": ["A***#"],
        "CZE": ["#***G"],
        "BRA": ["#***K"],
        "CAN": ["L***#", "#***#"],  // L***# since 2002, #***# before
        "DNK": ["R***#"],
        "GRC": ["G***#"],
        "ISL": ["S***#"],  // NCAGE assigned by NSPA
        "ARG": ["W***#"],
        "JPN": ["J***#"],
        "ISR": ["#***A"],
        "EGY": ["#***D"],
        "EST": ["#***J"],
        "AUT": ["#***N"],
        "IDN": ["#***Z"],
        "FJI": ["#***S"],
        "BGR": ["#***U"],
        "HUN": ["#***V"],
        "CHL": ["A***A"],
        "HRV": ["A***B"],
        "FIN": ["A***G"],
        "ALB": ["A***H"],
        "IRQ": ["D***N"],
        "AUS": ["Z***#"],
        "GEO": ["A***R"],
        "IND": ["#***Y"],
        "BIH": ["A***U"],
        "BRN": ["A***V"],
        "JOR": ["A***X"],
        "COL": ["A***Z"],
        "DZA": ["B***B"],
        "ECU": ["B***C"],
        "IRL": ["D***P"],
    ]

    /// The pattern of NCAGEs that NSPA assigns to entities in nations without their own NCAGE series (domain.md §1.4).
    public static let nspaPattern = "S***#"

    /// Countries whose codes never contain the letters I or O (US CAGE codes, issued by DLA).
    static let excludesIAndO: Set<String> = ["USA"]
}
