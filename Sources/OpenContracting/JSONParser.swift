/// Why JSON text could not be parsed, and where (a byte offset into the input).
public struct JSONParseError: Error, Equatable, CustomStringConvertible {
    public enum Reason: Equatable, Sendable {
        case unexpectedEnd
        case unexpectedByte(UInt8)
        case invalidNumber
        case invalidEscape
        case controlCharacterInString
        case invalidUTF8
        case tooDeep
        case trailingContent
    }

    public let reason: Reason
    /// Byte offset of the problem in the input.
    public let offset: Int

    public init(reason: Reason, offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    public var description: String {
        switch reason {
        case .unexpectedEnd: return "JSON: unexpected end of input at byte \(offset)"
        case .unexpectedByte(let byte): return "JSON: unexpected byte 0x\(String(byte, radix: 16)) at byte \(offset)"
        case .invalidNumber: return "JSON: invalid number at byte \(offset)"
        case .invalidEscape: return "JSON: invalid escape sequence at byte \(offset)"
        case .controlCharacterInString: return "JSON: unescaped control character in string at byte \(offset)"
        case .invalidUTF8: return "JSON: invalid UTF-8 in string at byte \(offset)"
        case .tooDeep: return "JSON: nesting deeper than \(JSONReader.maximumDepth) at byte \(offset)"
        case .trailingContent: return "JSON: unexpected content after the value at byte \(offset)"
        }
    }
}

extension OCDSValue {
    /// Parses one JSON value (RFC 8259, UTF-8; a leading byte-order mark is skipped). Whitespace may surround it;
    /// anything else after it is an error. Duplicate object keys keep the last value, like Python's `json`.
    public init(parsing bytes: some Collection<UInt8>) throws(JSONParseError) {
        self = try JSONReader.withBuffer(bytes, JSONReader.parseOne)
    }

    /// Parses one JSON value from text.
    public init(parsing text: String) throws(JSONParseError) {
        self = try JSONReader.withBuffer(text.utf8, JSONReader.parseOne)
    }

    /// Parses a whitespace-separated sequence of JSON values: JSON Lines, or concatenated JSON.
    public static func parseSequence(_ bytes: some Collection<UInt8>) throws(JSONParseError) -> [OCDSValue] {
        try JSONReader.withBuffer(bytes, JSONReader.parseMany)
    }
}

/// A recursive-descent JSON reader over UTF-8 bytes.
struct JSONReader {
    static let maximumDepth = 512

    let bytes: UnsafeBufferPointer<UInt8>
    var index: Int
    var depth = 0
    /// Scratch space for strings with escapes.
    var scratch: [UInt8] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        // Skip a UTF-8 byte-order mark.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 } else { index = 0 }
    }

    /// Runs `body` over the bytes as one contiguous buffer, copying them only if they are not contiguous already.
    static func withBuffer<Result>(
        _ bytes: some Collection<UInt8>,
        _ body: (UnsafeBufferPointer<UInt8>) throws(JSONParseError) -> Result
    ) throws(JSONParseError) -> Result {
        var outcome: Swift.Result<Result, JSONParseError>?
        _ = bytes.withContiguousStorageIfAvailable { buffer in
            outcome = Swift.Result { () throws(JSONParseError) in try body(buffer) }
        }
        if outcome == nil {
            let copy = Array(bytes)
            copy.withUnsafeBufferPointer { buffer in
                outcome = Swift.Result { () throws(JSONParseError) in try body(buffer) }
            }
        }
        return try outcome!.get()
    }

    static func parseOne(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONParseError) -> OCDSValue {
        var reader = JSONReader(bytes)
        let value = try reader.value()
        reader.skipWhitespace()
        guard reader.index == bytes.count else { throw JSONParseError(reason: .trailingContent, offset: reader.index) }
        return value
    }

    static func parseMany(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONParseError) -> [OCDSValue] {
        var reader = JSONReader(bytes)
        var values: [OCDSValue] = []
        reader.skipWhitespace()
        while reader.index < bytes.count {
            values.append(try reader.value())
            reader.skipWhitespace()
        }
        return values
    }

    @inline(__always) mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    func fail(_ reason: JSONParseError.Reason, at offset: Int? = nil) -> JSONParseError {
        JSONParseError(reason: reason, offset: offset ?? index)
    }

    func unexpected() -> JSONParseError {
        index < bytes.count ? fail(.unexpectedByte(bytes[index])) : fail(.unexpectedEnd)
    }

    mutating func value() throws(JSONParseError) -> OCDSValue {
        skipWhitespace()
        guard index < bytes.count else { throw fail(.unexpectedEnd) }
        switch bytes[index] {
        case UInt8(ascii: "\""):
            return .string(try string())
        case UInt8(ascii: "{"):
            return try object()
        case UInt8(ascii: "["):
            return try array()
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .number(try number())
        default:
            throw unexpected()
        }
    }

    mutating func literal(_ word: StaticString) throws(JSONParseError) {
        let count = word.utf8CodeUnitCount
        let pointer = word.utf8Start
        for offset in 0..<count {
            guard index + offset < bytes.count else { throw fail(.unexpectedEnd, at: bytes.count) }
            guard bytes[index + offset] == pointer[offset] else { throw fail(.unexpectedByte(bytes[index + offset]), at: index + offset) }
        }
        index += count
    }

    mutating func number() throws(JSONParseError) -> OCDSNumber {
        let start = index
        guard OCDSNumber.scan(bytes, &index) else { throw fail(.invalidNumber, at: start) }
        return OCDSNumber(uncheckedText: String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
    }

    mutating func enter() throws(JSONParseError) {
        depth += 1
        guard depth <= Self.maximumDepth else { throw fail(.tooDeep) }
        index += 1
    }

    mutating func array() throws(JSONParseError) -> OCDSValue {
        try enter()
        var elements: [OCDSValue] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            elements.append(try value())
            skipWhitespace()
            guard index < bytes.count else { throw fail(.unexpectedEnd) }
            switch bytes[index] {
            case UInt8(ascii: ","):
                index += 1
            case UInt8(ascii: "]"):
                index += 1
                depth -= 1
                return .array(elements)
            default:
                throw unexpected()
            }
        }
    }

    mutating func object() throws(JSONParseError) -> OCDSValue {
        try enter()
        var members: [OCDSObject.Member] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .object(OCDSObject(uncheckedMembers: members))
        }
        // Most OCDS objects are small; one allocation of this size avoids several regrowths.
        members.reserveCapacity(6)
        // A cheap signature of the keys seen (length and first byte), to skip the duplicate-key scan in the usual
        // case where no two keys share a signature.
        var signatures: UInt64 = 0
        while true {
            skipWhitespace()
            guard index < bytes.count else { throw fail(.unexpectedEnd) }
            guard bytes[index] == UInt8(ascii: "\"") else { throw unexpected() }
            let key = try string()
            skipWhitespace()
            guard index < bytes.count else { throw fail(.unexpectedEnd) }
            guard bytes[index] == UInt8(ascii: ":") else { throw unexpected() }
            index += 1
            let member = try value()
            let bit: UInt64 = 1 << UInt64((key.utf8.count &* 7 &+ Int(key.utf8.first ?? 0)) & 63)
            if signatures & bit != 0, let existing = members.firstIndex(where: { $0.key.hasSameUTF8(as: key) }) {
                members[existing].value = member
            } else {
                signatures |= bit
                members.append((key, member))
            }
            skipWhitespace()
            guard index < bytes.count else { throw fail(.unexpectedEnd) }
            switch bytes[index] {
            case UInt8(ascii: ","):
                index += 1
            case UInt8(ascii: "}"):
                index += 1
                depth -= 1
                return .object(OCDSObject(uncheckedMembers: members))
            default:
                throw unexpected()
            }
        }
    }

    /// Reads a string starting at the opening quote and leaves `index` after the closing quote.
    mutating func string() throws(JSONParseError) -> String {
        index += 1
        let start = index
        var ascii = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
                index += 1
                if ascii { return String(decoding: slice, as: UTF8.self) }
                guard let text = String(validating: slice, as: UTF8.self) else { throw fail(.invalidUTF8, at: start) }
                return text
            }
            if byte == UInt8(ascii: "\\") { return try escapedString(from: start) }
            if byte < 0x20 { throw fail(.controlCharacterInString) }
            if byte >= 0x80 { ascii = false }
            index += 1
        }
        throw fail(.unexpectedEnd)
    }

    /// The slow path: a string with escapes; `index` is at the first backslash.
    mutating func escapedString(from start: Int) throws(JSONParseError) -> String {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                guard let text = String(validating: scratch, as: UTF8.self) else { throw fail(.invalidUTF8, at: start) }
                return text
            case UInt8(ascii: "\\"):
                index += 1
                guard index < bytes.count else { throw fail(.unexpectedEnd) }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(escape)
                case UInt8(ascii: "b"): scratch.append(0x08)
                case UInt8(ascii: "f"): scratch.append(0x0C)
                case UInt8(ascii: "n"): scratch.append(0x0A)
                case UInt8(ascii: "r"): scratch.append(0x0D)
                case UInt8(ascii: "t"): scratch.append(0x09)
                case UInt8(ascii: "u"): try unicodeEscape()
                default: throw fail(.invalidEscape, at: index - 2)
                }
            default:
                if byte < 0x20 { throw fail(.controlCharacterInString) }
                scratch.append(byte)
                index += 1
            }
        }
        throw fail(.unexpectedEnd)
    }

    mutating func hex4() throws(JSONParseError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count else { throw fail(.unexpectedEnd) }
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw fail(.invalidEscape)
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    /// Decodes `\uXXXX` (the `\u` already read), joining surrogate pairs. A lone surrogate becomes U+FFFD.
    mutating func unicodeEscape() throws(JSONParseError) {
        var scalar = try hex4()
        if scalar >= 0xD800 && scalar < 0xDC00 {
            let save = index
            if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                index += 2
                let low = try hex4()
                if low >= 0xDC00 && low < 0xE000 {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else {
                    index = save
                    scalar = 0xFFFD
                }
            } else {
                scalar = 0xFFFD
            }
        } else if scalar >= 0xDC00 && scalar < 0xE000 {
            scalar = 0xFFFD
        }
        let unicode = Unicode.Scalar(scalar) ?? "\u{FFFD}"
        scratch.append(contentsOf: unicode.utf8)
    }
}
