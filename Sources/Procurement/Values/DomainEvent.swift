import Foundation

/// An event of one aggregate, stored as a type name and a JSON payload.
public protocol DomainEvent: Sendable {
    var type: String { get }
    func encodePayload() throws -> Data
    static func decode(type: String, payload: Data) throws -> Self
}

/// The one JSON configuration for event payloads: sorted keys, ISO 8601 dates with milliseconds.
public enum EventCoding {
    public static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.format(date))
        }
        return encoder
    }

    public static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = Timestamp.parse(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(text) is not an ISO 8601 date-time")
            }
            return date
        }
        return decoder
    }

    static func unknownType(_ type: String) -> DomainError {
        .invalidField(field: "type", code: "unknown-event-type", reason: "unknown event type \(type)")
    }
}
