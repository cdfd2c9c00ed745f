import Foundation

/// Why merge rules could not be derived from a schema.
public enum SchemaError: Error, Equatable, Sendable {
    /// The schema (after resolving `$ref`) is not an object with a `properties` object.
    case missingProperties
    /// A `$ref` that is not a local JSON pointer (`#/…`); external references are not fetched.
    case unsupportedReference(String)
    /// A local `$ref` whose target does not exist.
    case unresolvedReference(String)
}

/// The merge rules of a release schema: for each field path (field names only, no array positions), whether the
/// field is dropped from merged releases (`omitWhenMerged`) or replaced as a whole (`wholeListMerge`).
///
/// Paths without a rule merge by structure: objects merge member by member, arrays of objects merge by `id`
/// (identifier merge), everything else replaces the earlier value. Derived exactly as the OCDS merge reference
/// implementation (ocdsmerge 0.8) derives them from the dereferenced schema:
///
/// * `omitWhenMerged: true` (or 1.0's `mergeStrategy: "ocdsOmit"`) → ``Rule/omitWhenMerged``; it supersedes all.
/// * an array with `wholeListMerge: true` (or 1.0's `mergeStrategy: "ocdsVersion"`) → ``Rule/wholeListMerge``, and
///   nothing below it is visited.
/// * an object with `properties` → its properties are visited.
/// * an array whose `items` allow a non-object type, or whose object `items` have no `id` property →
///   ``Rule/wholeListMerge``; arrays of objects with an `id` property → their items' properties are visited.
///
/// `versionId` is informational only: an `id` is unversioned exactly when it identifies an object in an
/// identifier-merged array, whatever `versionId` says.
public struct MergeRules: Sendable, Equatable {
    public enum Rule: String, Sendable, Hashable {
        case omitWhenMerged
        case wholeListMerge
    }

    /// Every rule, keyed by field path.
    public let byPath: [[String]: Rule]
    let table: RuleTable

    /// Derives the rules from a release schema (core plus any extensions already patched in), resolving local
    /// `$ref`s (`#/definitions/…`). A `$ref` cycle along one path stops there (no rules below it).
    public init(schema: OCDSValue) throws(SchemaError) {
        var walker = SchemaWalker(root: schema)
        let root = try walker.resolve(schema, chain: [])
        guard case .object(let object) = root.value, let properties = object["properties"] else { throw SchemaError.missingProperties }
        let resolved = try walker.resolve(properties, chain: root.chain)
        guard case .object(let members) = resolved.value else { throw SchemaError.missingProperties }
        try walker.walk(members, path: [], chain: resolved.chain)
        self.init(walker.rules)
    }

    /// Rules given directly, keyed by field path.
    public init(_ rules: [[String]: Rule]) {
        byPath = rules
        table = RuleTable(rules)
    }

    /// The rule for a field path, if any.
    public subscript(path: [String]) -> Rule? { byPath[path] }

    /// The rule for a dotted field path such as `"parties.additionalIdentifiers"`.
    public subscript(dotted path: String) -> Rule? {
        byPath[path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)]
    }

    public static func == (lhs: MergeRules, rhs: MergeRules) -> Bool { lhs.byPath == rhs.byPath }
}

/// The rules as a tree of field names, looked up once per distinct path while merging.
final class RuleTable: Sendable {
    struct Node: Sendable {
        var rule: MergeRules.Rule?
        /// Children by name: scanned when there are few, hashed when there are many.
        var names: [String] = []
        var indices: [Int32] = []
        var lookup: [UTF8Key: Int32]?
    }

    let nodes: [Node]

    init(_ rules: [[String]: MergeRules.Rule]) {
        var nodes = [Node(rule: nil)]
        // Sorted for a deterministic layout.
        for (path, rule) in rules.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
            var current = 0
            for name in path {
                if let position = nodes[current].names.firstIndex(where: { $0.hasSameUTF8(as: name) }) {
                    current = Int(nodes[current].indices[position])
                } else {
                    nodes.append(Node(rule: nil))
                    nodes[current].names.append(name)
                    nodes[current].indices.append(Int32(nodes.count - 1))
                    current = nodes.count - 1
                }
            }
            nodes[current].rule = rule
        }
        for position in nodes.indices where nodes[position].names.count > 8 {
            nodes[position].lookup = Dictionary(uniqueKeysWithValues: zip(nodes[position].names.map(UTF8Key.init), nodes[position].indices))
        }
        self.nodes = nodes
    }

    /// The child of `node` named `name`, or -1 (no rules below).
    @inline(__always) func child(_ node: Int32, _ name: String) -> Int32 {
        guard node >= 0 else { return -1 }
        let entry = nodes[Int(node)]
        if let lookup = entry.lookup { return lookup[UTF8Key(name)] ?? -1 }
        for (position, candidate) in entry.names.enumerated() where candidate.hasSameUTF8(as: name) { return entry.indices[position] }
        return -1
    }

    @inline(__always) func rule(_ node: Int32) -> MergeRules.Rule? {
        node >= 0 ? nodes[Int(node)].rule : nil
    }
}

/// Walks a JSON Schema the way ocdsmerge walks a jsonref-dereferenced one.
struct SchemaWalker {
    let root: OCDSValue
    var rules: [[String]: MergeRules.Rule] = [:]

    init(root: OCDSValue) { self.root = root }

    /// Follows `$ref`s (a `$ref` replaces the whole object, as jsonref does). `chain` holds the references being
    /// expanded along the current path; meeting one again means a cycle, which resolves to an empty schema.
    func resolve(_ value: OCDSValue, chain: [String]) throws(SchemaError) -> (value: OCDSValue, chain: [String]) {
        var value = value
        var chain = chain
        while case .object(let object) = value, case .string(let reference)? = object["$ref"] {
            if chain.contains(reference) { return (.object(OCDSObject()), chain) }
            chain.append(reference)
            value = try target(of: reference)
        }
        return (value, chain)
    }

    func target(of reference: String) throws(SchemaError) -> OCDSValue {
        guard reference.hasPrefix("#") else { throw SchemaError.unsupportedReference(reference) }
        let pointer = String(reference.dropFirst()).removingPercentEncodingIfPossible
        if pointer.isEmpty { return root }
        guard pointer.hasPrefix("/") else { throw SchemaError.unsupportedReference(reference) }
        var current = root
        for token in pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            let name = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            switch current {
            case .object(let object):
                guard let next = object[name] else { throw SchemaError.unresolvedReference(reference) }
                current = next
            case .array(let array):
                guard let position = Int(name), array.indices.contains(position) else { throw SchemaError.unresolvedReference(reference) }
                current = array[position]
            default:
                throw SchemaError.unresolvedReference(reference)
            }
        }
        return current
    }

    /// A property's `type` as a list; a missing or malformed `type` is empty, non-string entries become "".
    static func types(_ schema: OCDSObject) -> [String] {
        switch schema["type"] {
        case .string(let type)?: return [type]
        case .array(let types)?: return types.map { $0.stringValue ?? "" }
        default: return []
        }
    }

    /// Python truthiness of a JSON value.
    static func isTruthy(_ value: OCDSValue?) -> Bool {
        switch value {
        case nil, .null?: return false
        case .bool(let flag)?: return flag
        case .number(let number)?: return !number.canonical.digits.isEmpty
        case .string(let text)?: return !text.isEmpty
        case .array(let array)?: return !array.isEmpty
        case .object(let object)?: return !object.isEmpty
        }
    }

    mutating func walk(_ properties: OCDSObject, path: [String], chain: [String]) throws(SchemaError) {
        for (key, raw) in properties {
            let newPath = path + [key]
            let resolved = try resolve(raw, chain: chain)
            guard case .object(let property) = resolved.value else { continue }
            let types = Self.types(property)

            if Self.isTruthy(property["omitWhenMerged"]) || property["mergeStrategy"] == "ocdsOmit" {
                rules[newPath] = .omitWhenMerged
            } else if types.contains("array") && (Self.isTruthy(property["wholeListMerge"]) || property["mergeStrategy"] == "ocdsVersion") {
                rules[newPath] = .wholeListMerge
            } else if types.contains("object"), let nested = property["properties"] {
                let inner = try resolve(nested, chain: resolved.chain)
                if case .object(let members) = inner.value { try walk(members, path: newPath, chain: inner.chain) }
            } else if types.contains("array"), let rawItems = property["items"] {
                let items = try resolve(rawItems, chain: resolved.chain)
                guard case .object(let itemSchema) = items.value else { continue }
                let itemTypes = Self.types(itemSchema)
                if itemTypes.contains(where: { $0 != "object" }) {
                    rules[newPath] = .wholeListMerge
                } else if itemTypes.contains("object"), let nested = itemSchema["properties"] {
                    let inner = try resolve(nested, chain: items.chain)
                    guard case .object(let members) = inner.value else { continue }
                    if members["id"] == nil {
                        rules[newPath] = .wholeListMerge
                    } else {
                        try walk(members, path: newPath, chain: inner.chain)
                    }
                }
            }
        }
    }
}

extension String {
    /// Percent-decodes `%XX` sequences (as in URI fragments); leaves the text unchanged if it is not valid.
    fileprivate var removingPercentEncodingIfPossible: String {
        guard contains("%") else { return self }
        var bytes: [UInt8] = []
        var iterator = Array(utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == UInt8(ascii: "%"), iterator.count >= 2,
                let value = UInt8(String(decoding: iterator.prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                iterator = iterator.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self) ?? self
    }
}
