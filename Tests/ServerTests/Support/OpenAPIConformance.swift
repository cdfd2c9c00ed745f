import Foundation
import Server
import Testing

/// Checks every response the tests see against `openapi.json`: the path, method and status must be documented and the
/// body must match the response schema. Mismatches are recorded as test issues at the caller's source location.
enum OpenAPIConformance {
    static func check(method: String, path: String, status: Int, body: Data, sourceLocation: SourceLocation) {
        for problem in problems(method: method, path: path, status: status, body: body) {
            Issue.record(Comment(rawValue: "OpenAPI: \(method) \(path) → \(status): \(problem)"), sourceLocation: sourceLocation)
        }
    }

    /// The mismatches between one response and the document, without recording them.
    static func problems(method: String, path: String, status: Int, body: Data) -> [String] {
        let document: OpenAPISpec
        do {
            document = try OpenAPISpec.shared.get()
        } catch {
            return ["the OpenAPI document cannot be loaded: \(error)"]
        }
        return document.problems(method: method, path: path, status: status, body: body)
    }

    /// The mismatches between a JSON value and a schema of `components/schemas`, e.g. `"Tender"`.
    static func problems(of value: JSONValue, against schemaName: String) -> [String] {
        do {
            let document = try OpenAPISpec.shared.get()
            return document.validate(value, against: .object(["$ref": .string("#/components/schemas/\(schemaName)")]))
        } catch {
            return ["the OpenAPI document cannot be loaded: \(error)"]
        }
    }
}

/// The parsed document with the lookups the conformance check needs.
struct OpenAPISpec: Sendable {
    let root: JSONValue
    /// Path templates split into segments, e.g. `["api", "v1", "tenders", "{tender}"]`.
    let templates: [(template: String, segments: [String])]

    /// Loaded once per test process.
    static let shared: Result<OpenAPISpec, SpecError> = Result { try OpenAPISpec(data: OpenAPIDocument.data()) }
        .mapError { SpecError.invalid("\($0)") }

    static let methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    init(data: Data) throws {
        root = try JSONDecoder().decode(JSONValue.self, from: data)
        guard case .object(let paths)? = root["paths"] else { throw SpecError.invalid("the document has no paths object") }
        templates = paths.keys.sorted().map { ($0, Self.segments($0)) }
    }

    enum SpecError: Error, CustomStringConvertible {
        case invalid(String)
        var description: String {
            switch self {
            case .invalid(let text): text
            }
        }
    }

    static func segments(_ path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }

    /// The template a concrete path (query string ignored) matches; literal segments beat parameters.
    func template(for path: String) -> String? {
        let concrete = Self.segments(String(path.prefix { $0 != "?" && $0 != "#" }))
        var best: (template: String, literals: Int)?
        for (template, templateSegments) in templates {
            // A last parameter named `{…Path}` spans the rest of the path (the tlog tile paths have several segments).
            var segments = templateSegments
            if let last = segments.last, last.hasSuffix("Path}"), concrete.count >= segments.count {
                segments += Array(repeating: last, count: concrete.count - segments.count)
            }
            guard segments.count == concrete.count else { continue }
            var literals = 0
            var matches = true
            for (pattern, value) in zip(segments, concrete) {
                if pattern.hasPrefix("{") && pattern.hasSuffix("}") {
                    if value.isEmpty { matches = false }
                } else if pattern == value {
                    literals += 1
                } else {
                    matches = false
                }
                if !matches { break }
            }
            if matches, literals > (best?.literals ?? -1) { best = (template, literals) }
        }
        return best?.template
    }

    func problems(method: String, path: String, status: Int, body: Data) -> [String] {
        let operation = template(for: path).flatMap { root["paths"]?[$0]?[method.lowercased()] }
        guard let operation else {
            // The router answers every unknown path or method with a 404 problem; that is documented behaviour.
            if status == 404 { return validate(body: body, against: .object(["$ref": .string("#/components/schemas/Problem")])) }
            return ["\(method) \(template(for: path) ?? path) is not in the document"]
        }
        guard case .object(let responses)? = operation["responses"] else { return ["the operation has no responses"] }
        guard let declared = responses[String(status)] ?? responses["default"] else {
            return ["status \(status) is not documented (documented: \(responses.keys.sorted().joined(separator: ", ")))"]
        }
        let response = resolve(declared)
        guard case .object(let content)? = response["content"], !content.isEmpty else {
            return body.isEmpty ? [] : ["the document declares no body, but the response has \(body.count) bytes"]
        }
        if body.isEmpty { return ["the response body is empty, but the document declares one"] }
        // Only JSON bodies are validated; text and binary ones (the transparency log's notes and tiles) are opaque.
        guard let media = content["application/json"] ?? content["application/problem+json"] else { return [] }
        guard let schema = media["schema"] else { return [] }
        return validate(body: body, against: schema)
    }

    func validate(body: Data, against schema: JSONValue) -> [String] {
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: body)
        } catch {
            return ["the body is not JSON: \(String(decoding: body.prefix(200), as: UTF8.self))"]
        }
        return validate(value, against: schema)
    }

    func validate(_ value: JSONValue, against schema: JSONValue) -> [String] {
        var validator = SchemaValidator(root: root)
        _ = validator.validate(value, schema, at: "$")
        return validator.errors
    }

    /// Follows `$ref`s (e.g. to `components/responses`) until a concrete object.
    func resolve(_ value: JSONValue) -> JSONValue {
        var current = value
        var hops = 0
        while case .string(let reference)? = current["$ref"], let target = Self.pointer(reference, in: root), hops < 32 {
            current = target
            hops += 1
        }
        return current
    }

    /// Resolves a local JSON pointer such as `#/components/schemas/Tender`.
    static func pointer(_ reference: String, in root: JSONValue) -> JSONValue? {
        guard reference.hasPrefix("#") else { return nil }
        var current = root
        for token in reference.dropFirst().split(separator: "/", omittingEmptySubsequences: true) {
            let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            switch current {
            case .object(let object):
                guard let next = object[key] else { return nil }
                current = next
            case .array(let array):
                guard let index = Int(key), array.indices.contains(index) else { return nil }
                current = array[index]
            default:
                return nil
            }
        }
        return current
    }
}

/// A JSON Schema (2020-12) validator for the subset the document uses: `$ref` (local), `type` (one or several),
/// `enum`, `const`, `properties`, `required`, `additionalProperties`, `unevaluatedProperties`, `items`, `minItems`,
/// `maxItems`, `allOf`, `anyOf`, `oneOf` (with the OpenAPI `discriminator`), `not`, `minimum`, `maximum`, `minLength`,
/// `maxLength`, `pattern` and the formats `date-time`, `date`, `email` and `uri`. Unknown keywords are ignored.
struct SchemaValidator {
    let root: JSONValue
    var errors: [String] = []
    private var depth = 0

    init(root: JSONValue) { self.root = root }

    /// Validates `value`, appending to `errors`; returns the property names of `value` this schema evaluated, so that
    /// `unevaluatedProperties` can see through `allOf`, `$ref` and the matching branches of `anyOf` / `oneOf`.
    mutating func validate(_ value: JSONValue, _ schema: JSONValue, at path: String) -> Set<String> {
        switch schema {
        case .bool(true): return []
        case .bool(false):
            errors.append("\(path): no value is allowed here")
            return []
        case .object: break
        default:
            errors.append("\(path): the schema is not an object: \(schema)")
            return []
        }
        depth += 1
        defer { depth -= 1 }
        guard depth < 64 else {
            errors.append("\(path): schema recursion too deep")
            return []
        }
        var evaluated: Set<String> = []

        if case .string(let reference)? = schema["$ref"] {
            if let target = OpenAPISpec.pointer(reference, in: root) {
                evaluated.formUnion(validate(value, target, at: path))
            } else {
                errors.append("\(path): unresolvable $ref \(reference)")
            }
        }
        checkType(value, schema, at: path)
        if case .array(let allowed)? = schema["enum"], !allowed.contains(value) {
            errors.append("\(path): \(Self.show(value)) is not one of \(allowed.map(Self.show).joined(separator: ", "))")
        }
        if let constant = schema["const"], constant != value {
            errors.append("\(path): \(Self.show(value)) is not \(Self.show(constant))")
        }
        checkNumber(value, schema, at: path)
        checkString(value, schema, at: path)

        if case .array(let items) = value {
            if let itemSchema = schema["items"] {
                for (index, item) in items.enumerated() { _ = validate(item, itemSchema, at: "\(path)[\(index)]") }
            }
            if case .number(let minimum)? = schema["minItems"], Double(items.count) < minimum {
                errors.append("\(path): \(items.count) items, fewer than \(Int(minimum))")
            }
            if case .number(let maximum)? = schema["maxItems"], Double(items.count) > maximum {
                errors.append("\(path): \(items.count) items, more than \(Int(maximum))")
            }
        }

        if case .object(let object) = value {
            var declared: Set<String> = []
            if case .object(let properties)? = schema["properties"] {
                declared = Set(properties.keys)
                for (name, propertySchema) in properties.sorted(by: { $0.key < $1.key }) {
                    guard let property = object[name] else { continue }
                    _ = validate(property, propertySchema, at: Self.member(path, name))
                    evaluated.insert(name)
                }
            }
            if case .array(let required)? = schema["required"] {
                for case .string(let name) in required where object[name] == nil {
                    errors.append("\(path): required property '\(name)' is missing")
                }
            }
            if let additional = schema["additionalProperties"] {
                for name in object.keys.sorted() where !declared.contains(name) {
                    if case .bool(false) = additional {
                        errors.append("\(path): unexpected property '\(name)'")
                    } else {
                        _ = validate(object[name]!, additional, at: Self.member(path, name))
                    }
                    evaluated.insert(name)
                }
            }
        }

        if case .array(let all)? = schema["allOf"] {
            for part in all { evaluated.formUnion(validate(value, part, at: path)) }
        }
        if case .array(let any)? = schema["anyOf"] {
            var matched = false
            var closest: [String]?
            for option in any {
                let (optionErrors, optionEvaluated) = trial(value, option, at: path)
                if optionErrors.isEmpty {
                    matched = true
                    evaluated.formUnion(optionEvaluated)
                } else if closest == nil || optionErrors.count < closest!.count {
                    closest = optionErrors
                }
            }
            if !matched {
                errors.append("\(path): matches none of anyOf; closest: \((closest ?? []).joined(separator: "; "))")
            }
        }
        if case .array(let options)? = schema["oneOf"] {
            evaluated.formUnion(checkOneOf(value, options, discriminator: schema["discriminator"], at: path))
        }
        if let forbidden = schema["not"], trial(value, forbidden, at: path).errors.isEmpty {
            errors.append("\(path): matches a schema it must not match")
        }

        if case .object(let object) = value, let unevaluated = schema["unevaluatedProperties"] {
            for name in object.keys.sorted() where !evaluated.contains(name) {
                if case .bool(false) = unevaluated {
                    errors.append("\(path): unexpected property '\(name)'")
                } else {
                    _ = validate(object[name]!, unevaluated, at: Self.member(path, name))
                }
                evaluated.insert(name)
            }
        }
        return evaluated
    }

    /// Validates against `schema` without touching `errors`.
    private mutating func trial(_ value: JSONValue, _ schema: JSONValue, at path: String) -> (errors: [String], evaluated: Set<String>) {
        let saved = errors
        errors = []
        let evaluated = validate(value, schema, at: path)
        let found = errors
        errors = saved
        return (found, evaluated)
    }

    /// `oneOf`: with a discriminator, the branch its mapping names; otherwise exactly one branch must match.
    private mutating func checkOneOf(_ value: JSONValue, _ options: [JSONValue], discriminator: JSONValue?, at path: String) -> Set<String> {
        if case .string(let property)? = discriminator?["propertyName"], case .object = value {
            guard case .string(let tag)? = value[property] else {
                errors.append("\(path): the discriminator '\(property)' is missing or not a string")
                return []
            }
            var target: JSONValue?
            if case .string(let reference)? = discriminator?["mapping"]?[tag] {
                target = .object(["$ref": .string(reference)])
            } else {
                target = options.first { option in
                    if case .string(let reference)? = option["$ref"] { return reference.hasSuffix("/\(tag)") }
                    return false
                }
            }
            guard let target else {
                errors.append("\(path): \(property) \(Self.show(.string(tag))) names no variant of oneOf")
                return []
            }
            return validate(value, target, at: path)
        }
        var matches: [Set<String>] = []
        var closest: [String]?
        for option in options {
            let (optionErrors, optionEvaluated) = trial(value, option, at: path)
            if optionErrors.isEmpty {
                matches.append(optionEvaluated)
            } else if closest == nil || optionErrors.count < closest!.count {
                closest = optionErrors
            }
        }
        switch matches.count {
        case 1: return matches[0]
        case 0: errors.append("\(path): matches none of oneOf; closest: \((closest ?? []).joined(separator: "; "))")
        default: errors.append("\(path): matches \(matches.count) branches of oneOf, not exactly one")
        }
        return []
    }

    private mutating func checkType(_ value: JSONValue, _ schema: JSONValue, at path: String) {
        let types: [String]
        switch schema["type"] {
        case .string(let type)?: types = [type]
        case .array(let list)?: types = list.compactMap { if case .string(let type) = $0 { type } else { nil } }
        default: return
        }
        guard !types.contains(where: { Self.value(value, hasType: $0) }) else { return }
        errors.append("\(path): \(Self.show(value)) is not of type \(types.joined(separator: " or "))")
    }

    private static func value(_ value: JSONValue, hasType type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object), ("number", .number):
            true
        case ("integer", .number(let number)):
            number.rounded() == number && abs(number) <= 9_007_199_254_740_992
        default:
            false
        }
    }

    private mutating func checkNumber(_ value: JSONValue, _ schema: JSONValue, at path: String) {
        guard case .number(let number) = value else { return }
        if case .number(let minimum)? = schema["minimum"], number < minimum {
            errors.append("\(path): \(Self.show(value)) is less than \(Self.show(.number(minimum)))")
        }
        if case .number(let maximum)? = schema["maximum"], number > maximum {
            errors.append("\(path): \(Self.show(value)) is greater than \(Self.show(.number(maximum)))")
        }
    }

    private mutating func checkString(_ value: JSONValue, _ schema: JSONValue, at path: String) {
        guard case .string(let text) = value else { return }
        if case .number(let minimum)? = schema["minLength"], Double(text.count) < minimum {
            errors.append("\(path): \(Self.show(value)) is shorter than \(Int(minimum)) characters")
        }
        if case .number(let maximum)? = schema["maxLength"], Double(text.count) > maximum {
            errors.append("\(path): \(Self.show(value)) is longer than \(Int(maximum)) characters")
        }
        if case .string(let pattern)? = schema["pattern"], text.range(of: pattern, options: .regularExpression) == nil {
            errors.append("\(path): \(Self.show(value)) does not match /\(pattern)/")
        }
        if case .string(let format)? = schema["format"], !Self.matches(text, format: format) {
            errors.append("\(path): \(Self.show(value)) is not a valid \(format)")
        }
    }

    private static func matches(_ text: String, format: String) -> Bool {
        switch format {
        case "date-time":
            let shape = #"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$"#
            guard text.range(of: shape, options: .regularExpression) != nil else { return false }
            return (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text)) != nil
                || (try? Date.ISO8601FormatStyle().parse(text)) != nil
        case "date":
            guard text.range(of: #"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"#, options: .regularExpression) != nil else { return false }
            return (try? Date.ISO8601FormatStyle().parse(text + "T00:00:00Z")) != nil
        case "email":
            return text.range(of: #"^[^@\s]+@[^@\s]+\.[^@\s]+$"#, options: .regularExpression) != nil
        case "uri":
            return text.range(of: #"^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$"#, options: .regularExpression) != nil
        default:
            return true
        }
    }

    private static func member(_ path: String, _ name: String) -> String {
        name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } ? "\(path).\(name)" : "\(path)[\(show(.string(name)))]"
    }

    static func show(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return String(flag)
        case .number(let number):
            return number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .string(let text): return "\"\(text.count > 80 ? String(text.prefix(80)) + "…" : text)\""
        case .array(let items): return "an array of \(items.count)"
        case .object: return "an object"
        }
    }
}
