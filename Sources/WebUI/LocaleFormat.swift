import Foundation
import Procurement

/// Dates, numbers and money as the reader's language writes them, in Kyiv time.
struct LocaleFormat: Sendable {
    let language: Language
    static let timeZone = TimeZone(identifier: "Europe/Kyiv")!

    func dateTime(_ date: Date) -> String {
        date.formatted(Date.FormatStyle(date: .abbreviated, time: .shortened, locale: language.locale, timeZone: Self.timeZone))
    }

    func money(_ money: Money) -> String {
        money.amount.formatted(
            Decimal.FormatStyle.Currency(code: money.currency.rawValue, locale: language.locale).precision(.fractionLength(money.currency.minorUnits))
        )
    }

    func number(_ value: Int) -> String { value.formatted(IntegerFormatStyle<Int>(locale: language.locale)) }

    func decimal(_ value: Double, digits: Int = 1) -> String {
        value.formatted(FloatingPointFormatStyle<Double>(locale: language.locale).precision(.fractionLength(digits)))
    }

    /// `2026-12-01T10:00` in Kyiv time, for `<input type="datetime-local">`.
    static func inputValue(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!)
    }

    static func parseInput(_ text: String) -> Date? {
        let parts = text.split(whereSeparator: { "-T:".contains($0) }).compactMap { Int($0) }
        guard parts.count == 5 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: parts[3], minute: parts[4]))
    }

    /// An amount as people type it, in either language: spaces between thousands, a comma or a point for decimals.
    static func amountInput(_ text: String) -> String {
        text.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\u{00A0}", with: "").replacingOccurrences(of: ",", with: ".")
    }
}
