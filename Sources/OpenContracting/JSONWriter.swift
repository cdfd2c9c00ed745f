/// How ``OCDSValue`` is written as JSON text.
public struct JSONWriteOptions: Sendable, Equatable {
    /// Indent nested values by this many spaces and put `": "` between keys and values (like Python's
    /// `json.dumps(indent=…)`); `nil` writes compact JSON with no whitespace.
    public var indent: Int?
    /// Write object members sorted by key (UTF-8 byte order) instead of insertion order.
    public var sortKeys: Bool

    public init(indent: Int? = nil, sortKeys: Bool = false) {
        self.indent = indent
        self.sortKeys = sortKeys
    }

    public static let compact = JSONWriteOptions()
    public static let pretty = JSONWriteOptions(indent: 2)
}

extension OCDSValue {
    /// The value as UTF-8 JSON. Numbers are written exactly as their text; strings escape only `"`, `\` and control
    /// characters (non-ASCII stays UTF-8).
    public func jsonBytes(_ options: JSONWriteOptions = .compact) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(256)
        write(to: &output, options)
        return output
    }

    /// The value as JSON text.
    public func jsonString(_ options: JSONWriteOptions = .compact) -> String {
        String(decoding: jsonBytes(options), as: UTF8.self)
    }

    /// Appends the value as UTF-8 JSON to `output`.
    public func write(to output: inout [UInt8], _ options: JSONWriteOptions = .compact) {
        JSONWriter(options: options).write(self, to: &output, level: 0)
    }
}

struct JSONWriter {
    let options: JSONWriteOptions

    func write(_ value: OCDSValue, to output: inout [UInt8], level: Int) {
        switch value {
        case .null:
            output.append(contentsOf: "null".utf8)
        case .bool(let flag):
            output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let number):
            var text = number.text
            text.withUTF8 { output.append(contentsOf: $0) }
        case .string(let text):
            Self.writeString(text, to: &output)
        case .array(let elements):
            if elements.isEmpty {
                output.append(contentsOf: "[]".utf8)
                return
            }
            output.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                newline(&output, level: level + 1)
                write(element, to: &output, level: level + 1)
            }
            newline(&output, level: level)
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            if object.isEmpty {
                output.append(contentsOf: "{}".utf8)
                return
            }
            output.append(UInt8(ascii: "{"))
            var members = object.members
            if options.sortKeys { members.sort { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) } }
            for (position, member) in members.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                newline(&output, level: level + 1)
                Self.writeString(member.key, to: &output)
                output.append(UInt8(ascii: ":"))
                if options.indent != nil { output.append(UInt8(ascii: " ")) }
                write(member.value, to: &output, level: level + 1)
            }
            newline(&output, level: level)
            output.append(UInt8(ascii: "}"))
        }
    }

    @inline(__always) func newline(_ output: inout [UInt8], level: Int) {
        guard let indent = options.indent else { return }
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * level))
    }

    static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Bytes that must be escaped in a JSON string: control characters, `"` and `\`.
    static let escaped: [Bool] = (0..<256).map { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }

    static func writeString(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        // `withUTF8` also reaches small strings (stored inline) without copying them to the heap.
        var text = text
        text.withUTF8 { writeEscaped($0, to: &output) }
        output.append(UInt8(ascii: "\""))
    }

    static func writeEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        escaped.withUnsafeBufferPointer { escaped in
            var runStart = 0
            for position in 0..<bytes.count where escaped[Int(bytes[position])] {
                let byte = bytes[position]
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<position]))
                runStart = position + 1
                output.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): output.append(byte)
                case 0x0A: output.append(UInt8(ascii: "n"))
                case 0x0D: output.append(UInt8(ascii: "r"))
                case 0x09: output.append(UInt8(ascii: "t"))
                case 0x08: output.append(UInt8(ascii: "b"))
                case 0x0C: output.append(UInt8(ascii: "f"))
                default:
                    output.append(contentsOf: "u00".utf8)
                    output.append(hexDigits[Int(byte >> 4)])
                    output.append(hexDigits[Int(byte & 0xF)])
                }
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
    }
}
