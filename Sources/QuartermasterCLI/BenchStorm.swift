import Foundation
import NIOHTTP1
import Procurement
import Storage

/// The last seconds before a bid deadline: every supplier submits a bid (with an idempotency key, so a retry after
/// a lost answer is safe), then replaces it again and again until the deadline refuses it, each over its own
/// keep-alive connection to one of the servers. With an `interval`, each supplier sends on a fixed schedule (one
/// write per interval, from a random offset) and a write's latency counts from its scheduled time, so a slow server
/// cannot hide its queueing by slowing the clients down; without, each sends as soon as the previous answer came.
struct BenchStorm {
    let tender: String
    let ports: [Int]
    let interval: Duration?
    /// When to stop even if no refusal came.
    let end: ContinuousClock.Instant

    /// What one supplier saw.
    struct Bidder: Sendable {
        var bidID: String?
        var acknowledged = 0
        /// The bid's version and price as of the last acknowledged write.
        var acknowledgedVersion = 0
        var acknowledgedPrice: String?
        /// Writes sent that got no answer (the server died under them), and the price of the latest such.
        var unanswered = 0
        var unansweredPrice: String?
        var latencies: [Double] = []
        var errors = 0
        var lastAcknowledgement: ContinuousClock.Instant?
    }

    /// What each supplier saw, in the order of `suppliers`.
    func run(_ suppliers: [BenchWorld.Supplier]) async -> [Bidder] {
        await withTaskGroup(of: (Int, Bidder).self) { group in
            for (index, supplier) in suppliers.enumerated() {
                group.addTask { (index, await bid(as: supplier, port: ports[index % ports.count], seed: index)) }
            }
            return await group.reduce(into: []) { $0.append($1) }.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }

    private func bid(as supplier: BenchWorld.Supplier, port: Int, seed: Int) async -> Bidder {
        var bidder = Bidder()
        var round = 0
        var pending: String?
        var scheduled = ContinuousClock.now + (interval.map { $0 * Double.random(in: 0..<1) } ?? .zero)
        while ContinuousClock.now < end {
            do {
                let closed = try await BenchHTTPConnection.with(port: port) { connection in
                    while ContinuousClock.now < end {
                        round += 1
                        let price = "\(4_000_000 - seed * 100 - round).00"
                        let json = #"{"lots": [{"lotID": "lot-1", "price": {"amount": "\#(price)", "currency": "UAH"}}]}"#
                        let started: ContinuousClock.Instant
                        if let interval {
                            try await Task.sleep(until: scheduled)
                            started = scheduled
                            scheduled += interval
                        } else {
                            started = ContinuousClock.now
                        }
                        pending = price
                        let reply =
                            if let id = bidder.bidID {
                                try await connection.send(.PUT, "/api/v1/bids/\(id)", token: supplier.token, json: json)
                            } else {
                                try await connection.send(
                                    .POST,
                                    "/api/v1/tenders/\(tender)/bids",
                                    token: supplier.token,
                                    json: json,
                                    headers: [("Idempotency-Key", "bench-\(tender)-\(supplier.id)")]
                                )
                            }
                        pending = nil
                        switch reply.status {
                        case 200, 201:
                            let now = ContinuousClock.now
                            let body = Self.object(reply.body)
                            bidder.latencies.append(BenchFormat.nanos(now - started) / 1e6)
                            bidder.lastAcknowledgement = now
                            bidder.acknowledged += 1
                            bidder.bidID = body?["id"] as? String
                            bidder.acknowledgedVersion = body?["version"] as? Int ?? 0
                            // A replayed submission answers with the first bid, not this round's price.
                            bidder.acknowledgedPrice = Self.price(in: body) ?? price
                        case 400..<500 where reply.body.contains("deadline-passed") || reply.body.contains("illegal-transition"):
                            return true
                        default:
                            bidder.errors += 1
                        }
                    }
                    return true
                }
                if closed { break }
            } catch {
                // The server is down (killed, restarting) or dropped the connection: count it and reconnect.
                bidder.errors += 1
                if let price = pending {
                    bidder.unanswered += 1
                    bidder.unansweredPrice = price
                    pending = nil
                }
                try? await Task.sleep(for: .milliseconds(50))
            }
        }
        return bidder
    }

    private static func object(_ body: String) -> [String: Any]? {
        try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]
    }

    private static func price(in bid: [String: Any]?) -> String? {
        guard let lots = bid?["lots"] as? [[String: Any]], let price = lots.first?["price"] as? [String: Any] else { return nil }
        return price["amount"] as? String
    }
}
