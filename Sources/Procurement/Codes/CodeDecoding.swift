/// Shared `Codable` plumbing for the code value types in this folder: each one travels as a single JSON string and is
/// validated again when it is decoded.
enum CodeDecoding {
    /// Decodes one string and hands it to `make`. A `DomainError` thrown by `make` becomes a
    /// `DecodingError.dataCorrupted` whose `debugDescription` is the domain reason and whose `underlyingError` is the
    /// `DomainError` itself, so an API edge can still map it to a 400 with a stable code.
    ///
    /// The field name passed to `make` is the last coding key (for example `"nsn"` in `{"nsn": "…"}`), or `fallbackField`
    /// when the value is decoded at the top level or inside an array.
    static func decode<Value>(
        from decoder: any Decoder,
        fallbackField: String,
        _ make: (_ raw: String, _ field: String) throws -> Value
    ) throws -> Value {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        let field = decoder.codingPath.last.flatMap { $0.intValue == nil ? $0.stringValue : nil } ?? fallbackField
        do {
            return try make(raw, field)
        } catch let error as DomainError {
            let reason: String
            if case .invalidField(_, _, let text) = error {
                reason = text
            } else {
                reason = error.message
            }
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: reason, underlyingError: error)
            )
        }
    }
}
