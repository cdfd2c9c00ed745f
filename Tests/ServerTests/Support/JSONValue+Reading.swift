import Server

/// Reading helpers for JSON replies in tests.
extension JSONValue {
    subscript(index: Int) -> JSONValue? {
        guard case .array(let items) = self, items.indices.contains(index) else { return nil }
        return items[index]
    }

    var arrayValue: [JSONValue]? { if case .array(let items) = self { items } else { nil } }
    var stringValue: String? { if case .string(let text) = self { text } else { nil } }
    var intValue: Int? { if case .number(let number) = self, let value = Int(exactly: number) { value } else { nil } }
}
