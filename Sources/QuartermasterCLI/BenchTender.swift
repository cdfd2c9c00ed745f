import Foundation
import NIOHTTP1

/// The tender of one storm: created and published by the buyer's officer over HTTP, closing `periodDays` later on
/// the platform clock.
enum BenchTender {
    static func publish(port: Int, officerToken: String, periodDays: Double) async throws -> String {
        try await BenchHTTPConnection.with(port: port) { connection in
            let notice = """
                {"title": "Counter-battery radars", "description": "Mobile counter-battery radar systems", "method": "open",
                 "criteria": {"type": "lowest-price"},
                 "lots": [{"title": "Radars", "value": {"amount": "4500000.00", "currency": "UAH"},
                           "items": [{"description": "Counter-battery radar", "cpv": "38632000-4", "quantity": 3, "unit": "H87"}]}]}
                """
            let created = try await connection.send(.POST, "/api/v1/tenders", token: officerToken, json: notice)
            guard created.status == 201, let id = try object(created)["id"] as? String else {
                throw BenchError("creating the tender: \(created.body)")
            }
            let clock = try await connection.send(.GET, "/api/v1/clock")
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            guard let text = try object(clock)["now"] as? String, let now = formatter.date(from: text) else {
                throw BenchError("reading the clock: \(clock.body)")
            }
            let deadline = formatter.string(from: now + periodDays * 86_400)
            let published = try await connection.send(
                .POST,
                "/api/v1/tenders/\(id)/publish",
                token: officerToken,
                json: #"{"tenderPeriodEnd": "\#(deadline)"}"#
            )
            guard published.status == 200 else { throw BenchError("publishing the tender: \(published.body)") }
            return id
        }
    }

    private static func object(_ reply: BenchHTTPConnection.Reply) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(reply.body.utf8)) as? [String: Any] else {
            throw BenchError("not JSON: \(reply.body)")
        }
        return object
    }
}
