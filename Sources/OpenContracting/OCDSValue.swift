import Foundation

/// A JSON value as it appears in OCDS data.
///
/// Numbers keep their original text (``OCDSNumber``), so amounts never drift through `Double`. Objects keep their
/// members in insertion order (``OCDSObject``), so output is deterministic. Equality follows JSON semantics: member
/// order is ignored and numbers compare by value (`1`, `1.0` and `1e0` are equal).
public enum OCDSValue: Sendable {
    case null
    case bool(Bool)
    case number(OCDSNumber)
    case string(String)
    case array([OCDSValue])
    case object(OCDSObject)
}

extension OCDSValue {
    /// The member named `key`, if this is an object that has it.
    public subscript(key: String) -> OCDSValue? {
        guard case .object(let object) = self else { return nil }
        return object[key]
    }

    /// The element at `index`, if this is an array that long.
    public subscript(index: Int) -> OCDSValue? {
        guard case .array(let array) = self, array.indices.contains(index) else { return nil }
        return array[index]
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    public var numberValue: OCDSNumber? {
        if case .number(let value) = self { return value }
        return nil
    }

    public var arrayValue: [OCDSValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    public var objectValue: OCDSObject? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// Whether this is an object.
    var isObject: Bool {
        if case .object = self { return true }
        return false
    }
}

extension OCDSValue: Equatable {
    public static func == (lhs: OCDSValue, rhs: OCDSValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return a.hasSameUTF8(as: b)
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)): return a == b
        default: return false
        }
    }
}

extension OCDSValue: CustomStringConvertible {
    /// Compact JSON text.
    public var description: String { jsonString() }
}

extension OCDSValue: ExpressibleByNilLiteral {
    public init(nilLiteral: ()) { self = .null }
}

extension OCDSValue: ExpressibleByBooleanLiteral {
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension OCDSValue: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self = .number(OCDSNumber(value)) }
}

extension OCDSValue: ExpressibleByFloatLiteral {
    /// A float literal is kept as the shortest text that reads back as the same `Double` (`0.1` stays `0.1`).
    public init(floatLiteral value: Double) {
        self = OCDSNumber(value).map(OCDSValue.number) ?? .null
    }
}

extension OCDSValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
}

extension OCDSValue: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: OCDSValue...) { self = .array(elements) }
}

extension OCDSValue: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, OCDSValue)...) {
        self = .object(OCDSObject(elements))
    }
}

/// A JSON object whose members keep their insertion order. Keys are unique; setting an existing key replaces its
/// value in place.
public struct OCDSObject: Sendable {
    public typealias Member = (key: String, value: OCDSValue)

    /// The members in order.
    public private(set) var members: [Member]

    public init() { members = [] }

    /// Builds an object from key–value pairs; for a repeated key the last value wins, at the first key's position.
    public init(_ pairs: some Sequence<(String, OCDSValue)>) {
        members = []
        for (key, value) in pairs { self[key] = value }
    }

    init(uncheckedMembers: [Member]) { members = uncheckedMembers }

    public var count: Int { members.count }
    public var isEmpty: Bool { members.isEmpty }
    public var keys: [String] { members.map(\.key) }

    /// The value for `key`; assigning `nil` removes the member.
    public subscript(key: String) -> OCDSValue? {
        get {
            for member in members where member.key.hasSameUTF8(as: key) { return member.value }
            return nil
        }
        set {
            if let index = index(forKey: key) {
                if let newValue {
                    members[index].value = newValue
                } else {
                    members.remove(at: index)
                }
            } else if let newValue {
                members.append((key, newValue))
            }
        }
    }

    /// The position of `key` among ``members``.
    public func index(forKey key: String) -> Int? {
        members.firstIndex { $0.key.hasSameUTF8(as: key) }
    }

    /// Appends a member whose key the caller knows is not present yet.
    mutating func appendUnchecked(_ key: String, _ value: OCDSValue) {
        members.append((key, value))
    }

    mutating func setValue(at index: Int, _ value: OCDSValue) {
        members[index].value = value
    }

    mutating func reserveCapacity(_ capacity: Int) {
        members.reserveCapacity(capacity)
    }
}

extension OCDSObject: Sequence {
    public func makeIterator() -> IndexingIterator<[Member]> { members.makeIterator() }
    public var underestimatedCount: Int { members.count }
}

extension OCDSObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, OCDSValue)...) { self.init(elements) }
}

extension OCDSObject: Equatable {
    /// Same keys with equal values, in any order.
    public static func == (lhs: OCDSObject, rhs: OCDSObject) -> Bool {
        guard lhs.members.count == rhs.members.count else { return false }
        if lhs.members.count > 16 {
            var right: [UTF8Key: OCDSValue] = [:]
            right.reserveCapacity(rhs.members.count)
            for member in rhs.members { right[UTF8Key(member.key)] = member.value }
            for member in lhs.members {
                guard let value = right[UTF8Key(member.key)], value == member.value else { return false }
            }
            return true
        }
        for (index, member) in lhs.members.enumerated() {
            // Fast path: same position, same key.
            if rhs.members[index].key.hasSameUTF8(as: member.key) {
                guard rhs.members[index].value == member.value else { return false }
                continue
            }
            guard let value = rhs[member.key], value == member.value else { return false }
        }
        return true
    }
}

extension OCDSObject: CustomStringConvertible {
    public var description: String { OCDSValue.object(self).jsonString() }
}

extension String {
    /// Equality of the UTF-8 bytes — JSON's (and Python's) string equality. Swift's `==` also equates canonically
    /// equivalent strings ("é" precomposed and decomposed, "K" and the Kelvin sign), which JSON keeps apart.
    @inline(__always)
    func hasSameUTF8(as other: String) -> Bool {
        let left = utf8
        let right = other.utf8
        guard left.count == right.count else { return false }
        let fast = left.withContiguousStorageIfAvailable { a in
            right.withContiguousStorageIfAvailable { b in a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 }
        }
        if let fast, let result = fast { return result }
        return left.elementsEqual(right)
    }
}

/// A string as a dictionary key compared by its UTF-8 bytes (see ``Swift/String/hasSameUTF8(as:)``).
struct UTF8Key: Hashable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (lhs: UTF8Key, rhs: UTF8Key) -> Bool { lhs.text.hasSameUTF8(as: rhs.text) }

    func hash(into hasher: inout Hasher) {
        let utf8 = text.utf8
        if utf8.withContiguousStorageIfAvailable({ hasher.combine(bytes: UnsafeRawBufferPointer($0)) }) == nil {
            for byte in utf8 { hasher.combine(byte) }
        }
        hasher.combine(utf8.count)
    }
}
