/// ISO 4217 currencies the platform accepts, with their minor-unit exponent.
public enum Currency: String, Codable, Sendable, CaseIterable {
    case UAH, EUR, USD, GBP, PLN, CZK, NOK, SEK, DKK, CAD, CHF, JPY

    public var minorUnits: Int {
        switch self {
        case .JPY: 0
        default: 2
        }
    }
}
