import Foundation
import Procurement
import Storage

/// The store after a storm, against what the suppliers were told: every acknowledged write must be there with the
/// acknowledged price, and a write beyond the acknowledged ones is allowed only where an answer was lost (the
/// server died after committing it), carrying that request's price.
struct BenchTally: Sendable {
    var bidsAcknowledged = 0
    var bidsStored = 0
    var writesAcknowledged = 0
    var writesStored = 0
    /// Suppliers whose store lacks an acknowledged write, or holds a different price for it.
    var lost = 0
    /// Suppliers whose store holds a write that was never sent or is not the one whose answer was lost.
    var unacknowledged = 0

    static func count(
        bidders: [BenchStorm.Bidder],
        suppliers: [BenchWorld.Supplier],
        tender: TenderID,
        database: any Database
    ) async throws -> BenchTally {
        let ledger = Ledger(database: database, time: SystemTime())
        let stored = Dictionary(uniqueKeysWithValues: try await ledger.bids(tender: tender).map { ($0.supplierID, $0.id) })
        var tally = BenchTally()
        for (bidder, supplier) in zip(bidders, suppliers) {
            tally.bidsAcknowledged += bidder.acknowledged > 0 ? 1 : 0
            tally.writesAcknowledged += bidder.acknowledgedVersion
            guard let id = stored[supplier.id], let bid = try await ledger.bid(id) else {
                if bidder.acknowledged > 0 { tally.lost += 1 }
                continue
            }
            tally.bidsStored += 1
            tally.writesStored += bid.version
            let price = bid.value.lots.first?.price.amount
            let acknowledgedPrice = bidder.acknowledgedPrice.flatMap { Decimal(string: $0) }
            if bid.version < bidder.acknowledgedVersion || (bid.version == bidder.acknowledgedVersion && price != acknowledgedPrice) {
                tally.lost += 1
            } else if bid.version > bidder.acknowledgedVersion
                && (bid.version - bidder.acknowledgedVersion > bidder.unanswered || price != bidder.unansweredPrice.flatMap { Decimal(string: $0) })
            {
                tally.unacknowledged += 1
            }
        }
        return tally
    }
}
