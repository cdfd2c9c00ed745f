/// Python's view of JSON values, as the reference tooling sees them.
///
/// `ocdskit compile` reads JSON with ijson, which gives `int` for integers, `Decimal` for other numbers, `str`,
/// `bool`, `None`, `list` and `dict`; ocdsmerge then compares and prints those Python values. Matching its output
/// exactly means using the same rules for the few places where they show: the text of `str(value)` (flattened paths,
/// the compiled release `id`) and `==` (array members, unchanged versioned values).
enum Python {
    /// `str(value)` of the value ijson would produce.
    static func str(_ value: OCDSValue) -> String {
        switch value {
        case .string(let text): return text
        case .null: return "None"
        case .bool(let flag): return flag ? "True" : "False"
        case .number(let number): return str(number)
        // ocdsmerge cannot use these as identifiers (they are unhashable); any stable text will do.
        case .array, .object: return "\u{0}" + value.jsonString(JSONWriteOptions(sortKeys: true))
        }
    }

    /// `str(int(text))` for integers, `str(Decimal(text))` for other numbers.
    static func str(_ number: OCDSNumber) -> String {
        let text = number.text
        var negative = false
        var digits: [UInt8] = []
        var fractionDigits = 0
        var exponent = 0
        var exponentNegative = false
        var part = 0  // 0 integer, 1 fraction, 2 exponent
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "-"):
                if part == 2 { exponentNegative = true } else { negative = true }
            case UInt8(ascii: "+"):
                break
            case UInt8(ascii: "."):
                part = 1
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                part = 2
            default:
                if part == 2 {
                    if exponent < 100_000_000 { exponent = exponent * 10 + Int(byte - 0x30) }
                } else {
                    digits.append(byte)
                    if part == 1 { fractionDigits += 1 }
                }
            }
        }
        // The coefficient without leading zeros ("0" for zero).
        let firstNonZero = digits.firstIndex { $0 != UInt8(ascii: "0") } ?? max(digits.count - 1, 0)
        let coefficient = Array(digits[firstNonZero...])
        let isInteger = !text.utf8.contains { $0 == UInt8(ascii: ".") || $0 | 0x20 == UInt8(ascii: "e") }
        if isInteger {
            let magnitude = String(decoding: coefficient, as: UTF8.self)
            return negative && magnitude != "0" ? "-" + magnitude : magnitude
        }
        // Decimal.__str__ (scientific notation when the exponent is positive or the number is very small).
        let exp = (exponentNegative ? -exponent : exponent) - fractionDigits
        let leftDigits = exp + coefficient.count
        let dotPlace = exp <= 0 && leftDigits > -6 ? leftDigits : 1
        var result = negative ? "-" : ""
        if dotPlace <= 0 {
            result += "0." + String(repeating: "0", count: -dotPlace) + String(decoding: coefficient, as: UTF8.self)
        } else if dotPlace >= coefficient.count {
            result += String(decoding: coefficient, as: UTF8.self) + String(repeating: "0", count: dotPlace - coefficient.count)
        } else {
            result += String(decoding: coefficient[..<dotPlace], as: UTF8.self) + "." + String(decoding: coefficient[dotPlace...], as: UTF8.self)
        }
        if leftDigits != dotPlace {
            let shown = leftDigits - dotPlace
            result += "E" + (shown >= 0 ? "+" : "-") + String(abs(shown))
        }
        return result
    }

    /// A value as a dictionary key with Python's equality: numbers by value with `True == 1` and `False == 0`,
    /// strings by code points.
    enum Key: Hashable {
        case string([UInt8])
        case number(OCDSNumber)
        case none
        case unhashable(String)
        case unique(Int32)

        init(_ value: OCDSValue) {
            switch value {
            case .string(let text): self = .string(Array(text.utf8))
            case .number(let number): self = .number(number)
            case .bool(let flag): self = .number(OCDSNumber(flag ? 1 : 0))
            case .null: self = .none
            case .array, .object: self = .unhashable(value.jsonString(JSONWriteOptions(sortKeys: true)))
            }
        }
    }

    /// Python's `==` on the values: like ``OCDSValue``'s `==`, except that `true == 1` and `false == 0`.
    static func equal(_ left: OCDSValue, _ right: OCDSValue) -> Bool {
        switch (left, right) {
        case (.bool(let flag), .number(let number)), (.number(let number), .bool(let flag)):
            return number == OCDSNumber(flag ? 1 : 0)
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { equal($0, $1) }
        case (.object(let a), .object(let b)):
            guard a.count == b.count else { return false }
            for member in a {
                guard let other = b[member.key], equal(member.value, other) else { return false }
            }
            return true
        default:
            return left == right
        }
    }

    /// Whether `value` is an identifier ocdsmerge treats like its text alone: a string, an integer or `null`.
    /// Other numbers, booleans and containers can equal identifiers with other text (`1.0 == 1 == True`).
    static func isPlainIdentifier(_ value: OCDSValue) -> Bool {
        switch value {
        case .string, .null: return true
        case .number(let number): return !number.text.utf8.contains { $0 == UInt8(ascii: ".") || $0 | 0x20 == UInt8(ascii: "e") }
        default: return false
        }
    }

    /// Whether two identifiers with the same `str()` text are also equal in Python (same type family).
    static func sameIdentifier(_ left: OCDSValue, _ right: OCDSValue) -> Bool {
        switch (left, right) {
        case (.string, .string), (.number, .number), (.null, .null): return true
        default: return Key(left) == Key(right)
        }
    }
}
