import Foundation

/// ISO 8601 timestamps in UTC with millisecond precision, the one textual time format of the platform.
public enum Timestamp {
    private static let withFraction = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
    private static let plain = Date.ISO8601FormatStyle()

    /// Rounds to the nearest millisecond and writes it from an integer, so that `format(parse(text)) == text`: a
    /// parsed time can land a hair below the millisecond it names, and the format style would truncate it.
    public static func format(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let (seconds, fraction) = milliseconds.quotientAndRemainder(dividingBy: 1000)
        let (wholeSeconds, millisecond) = fraction < 0 ? (seconds - 1, fraction + 1000) : (seconds, fraction)
        let text = plain.format(Date(timeIntervalSince1970: TimeInterval(wholeSeconds)))
        return text.dropLast() + "." + String(repeating: "0", count: 3 - String(millisecond).count) + String(millisecond) + "Z"
    }

    /// The instant truncated to its millisecond: the precision times are stored with. Decisions use it, so a command
    /// accepted just before a deadline is also recorded before it.
    public static func flooredToMillisecond(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded(.down) / 1000)
    }

    /// Accepts `2026-12-01T10:00:00Z` with or without fractional seconds.
    public static func parse(_ text: String) -> Date? {
        (try? withFraction.parse(text)) ?? (try? plain.parse(text))
    }
}
