import Foundation
import Procurement
import Testing

/// Runs `body` and returns the `DomainError` it threw, or `nil` if it succeeded or threw something else.
func domainError(_ body: () throws -> some Any) -> DomainError? {
    do {
        _ = try body()
        return nil
    } catch let error as DomainError {
        return error
    } catch {
        return nil
    }
}

/// Encodes `value` inside a one-key JSON object and decodes it back.
func roundTrip<Value: Codable & Equatable>(_ value: Value, key: String) throws -> (json: String, decoded: Value) {
    let data = try JSONEncoder().encode([key: value])
    let decoded = try JSONDecoder().decode([String: Value].self, from: data)
    return (String(decoding: data, as: UTF8.self), try #require(decoded[key]))
}

/// Decodes `{"<key>": "<raw>"}` as `Value` and returns the `DecodingError` context, or `nil` if decoding succeeded.
func decodingFailure<Value: Decodable>(_: Value.Type, raw: String, key: String) throws -> DecodingError.Context? {
    let data = try JSONEncoder().encode([key: raw])
    do {
        _ = try JSONDecoder().decode([String: Value].self, from: data)
        return nil
    } catch DecodingError.dataCorrupted(let context) {
        return context
    }
}
