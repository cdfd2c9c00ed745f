import Foundation
import OpenContracting
import Procurement
import Storage

/// The OCDS view of the event store: each tender's stream mapped to releases by ``ReleaseBuilder``, with release
/// ids taken from the transparency log. Used by the `/ocds` routes and the bulk export alike.
public struct ReleaseCatalog: Sendable {
    public let ledger: Ledger
    public let log: LogStore
    public let profile: PublisherProfile

    public init(ledger: Ledger, log: LogStore, profile: PublisherProfile) {
        self.ledger = ledger
        self.log = log
        self.profile = profile
    }

    /// Every release of one process the viewer may read, in date order.
    public func releases(of tender: TenderID, viewer: Viewer, organizations: [OrganizationID: Organization]) async throws -> [OCDSValue] {
        let events = try await ledger.events(tender: tender)
        let indexes = try await log.leafIndexes(sequences: events.map(\.sequence))
        let stream = try events.map { event in
            guard let index = indexes[event.sequence] else {
                throw StorageError.corruptRow(table: "tlog_leaves", id: "seq \(event.sequence)", reason: "the event has no log entry")
            }
            return TenderStreamEvent(event: try TenderEvent.decode(type: event.type, payload: event.payload), releaseID: String(index))
        }
        return ReleaseBuilder(profile: profile, organizations: organizations, viewer: viewer).releases(of: stream)
    }

    /// The record of one process: its releases and the compiled (and optionally versioned) release.
    public func record(of tender: TenderID, viewer: Viewer, organizations: [OrganizationID: Organization], versioned: Bool) async throws -> OCDSValue?
    {
        let releases = try await releases(of: tender, viewer: viewer, organizations: organizations)
        guard !releases.isEmpty else { return nil }
        return try ReleaseSchema.shared.get().record(ocid: profile.ocid(tender: tender.rawValue), releases: releases, includeVersioned: versioned)
    }
}
