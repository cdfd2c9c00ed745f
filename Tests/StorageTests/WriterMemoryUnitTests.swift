import Foundation
import Procurement
import Testing

@testable import Storage

/// The writer's memory as a value: what it forgets when another process wrote, and its bound.
@Suite struct WriterMemoryUnitTests {
    private static func bid(_ id: String, supplier: String, status: Bid.Status) -> Bid {
        Bid(
            id: BidID(id),
            tenderID: TenderID("t"),
            supplierID: OrganizationID(supplier),
            lots: [],
            status: status,
            confirmedNoticeVersion: 1,
            submittedAt: LedgerTests.start,
            updatedAt: LedgerTests.start
        )
    }

    @Test func forgettingABidStreamDropsOnlyTheLiveBidItNamed() {
        var memory = WriterMemory()
        memory.remember(Self.bid("b-1", supplier: "alpha", status: .submitted), version: 1)
        memory.remember(Self.bid("b-2", supplier: "bravo", status: .submitted), version: 1)
        memory.forget(streams: ["bid:b-1", "tender:elsewhere"])
        #expect(memory.bids[BidID("b-1")] == nil && memory.bids[BidID("b-2")] != nil)
        #expect(memory.liveBids[WriterMemory.LiveBidKey(tender: TenderID("t"), supplier: OrganizationID("alpha"))] == nil)
        #expect(memory.liveBids[WriterMemory.LiveBidKey(tender: TenderID("t"), supplier: OrganizationID("bravo"))] == BidID("b-2"))
    }

    @Test func aWithdrawnBidIsNoLongerTheSuppliersLiveOne() {
        var memory = WriterMemory()
        memory.remember(Self.bid("b-1", supplier: "alpha", status: .submitted), version: 1)
        memory.remember(Self.bid("b-1", supplier: "alpha", status: .withdrawn), version: 2)
        #expect(memory.liveBids.isEmpty)
        #expect(memory.bids[BidID("b-1")]?.version == 2)
    }

    @Test func pastItsCapacityItStartsAgainEmptyButKeepsTheLogPosition() {
        var memory = WriterMemory()
        memory.lastSequence = 42
        for index in 0...WriterMemory.capacity { memory.remember(Self.bid("b-\(index)", supplier: "s-\(index)", status: .submitted), version: 1) }
        memory.trim()
        #expect(memory.bids.isEmpty && memory.liveBids.isEmpty)
        #expect(memory.lastSequence == 42)
    }
}
