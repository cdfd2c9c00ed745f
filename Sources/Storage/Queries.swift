import Foundation
import Procurement
import SQLKit

/// Reads of the projections, usable inside a write transaction or on the reader connection.
enum Queries {
    static func tender(_ id: TenderID, on sql: any SQLDatabase) async throws -> Versioned<Tender>? {
        guard let row = try await sql.raw("SELECT id, version, state FROM tenders WHERE id = \(bind: id.rawValue)").first() else { return nil }
        return Versioned(
            value: try Projections.decodeState(Tender.self, from: row, table: "tenders"),
            version: try row.decode(column: "version", as: Int.self)
        )
    }

    static func bid(_ id: BidID, on sql: any SQLDatabase) async throws -> Versioned<Bid>? {
        guard let row = try await sql.raw("SELECT id, version, state FROM bids WHERE id = \(bind: id.rawValue)").first() else { return nil }
        return Versioned(
            value: try Projections.decodeState(Bid.self, from: row, table: "bids"),
            version: try row.decode(column: "version", as: Int.self)
        )
    }

    static func bids(tender: TenderID, on sql: any SQLDatabase) async throws -> [Bid] {
        try await sql.raw("SELECT id, state FROM bids WHERE tender_id = \(bind: tender.rawValue) ORDER BY id").all()
            .map { try Projections.decodeState(Bid.self, from: $0, table: "bids") }
    }

    static func bids(supplier: OrganizationID, on sql: any SQLDatabase) async throws -> [Bid] {
        try await sql.raw("SELECT id, state FROM bids WHERE supplier_id = \(bind: supplier.rawValue) ORDER BY id").all()
            .map { try Projections.decodeState(Bid.self, from: $0, table: "bids") }
    }

    static func liveBid(tender: TenderID, supplier: OrganizationID, on sql: any SQLDatabase) async throws -> BidID? {
        try await sql.raw(
            "SELECT id FROM bids WHERE tender_id = \(bind: tender.rawValue) AND supplier_id = \(bind: supplier.rawValue) AND status = 'submitted'"
        ).first().map { BidID(try $0.decode(column: "id", as: String.self)) }
    }

    static func organization(_ id: OrganizationID, on sql: any SQLDatabase) async throws -> Organization? {
        try await sql.raw("SELECT id, state FROM organizations WHERE id = \(bind: id.rawValue)").first()
            .map { try Projections.decodeState(Organization.self, from: $0, table: "organizations") }
    }
}

/// Filters for listing tenders.
public struct TenderFilter: Sendable {
    public var status: TenderStatus?
    public var buyerID: OrganizationID?
    /// A CPV or NSN code, or a prefix of one (e.g. "3581" for a CPV group).
    public var code: String?
    public var text: String?
    public var limit: Int
    public var offset: Int

    public init(
        status: TenderStatus? = nil,
        buyerID: OrganizationID? = nil,
        code: String? = nil,
        text: String? = nil,
        limit: Int = 50,
        offset: Int = 0
    ) {
        self.status = status
        self.buyerID = buyerID
        self.code = code
        self.text = text
        self.limit = limit
        self.offset = offset
    }
}

extension Ledger {
    public func tender(_ id: TenderID) async throws -> Versioned<Tender>? {
        try await database.read { try await Queries.tender(id, on: $0) }
    }

    public func bid(_ id: BidID) async throws -> Versioned<Bid>? {
        try await database.read { try await Queries.bid(id, on: $0) }
    }

    public func bids(tender: TenderID) async throws -> [Bid] {
        try await database.read { try await Queries.bids(tender: tender, on: $0) }
    }

    public func bids(supplier: OrganizationID) async throws -> [Bid] {
        try await database.read { try await Queries.bids(supplier: supplier, on: $0) }
    }

    public func organization(_ id: OrganizationID) async throws -> Organization? {
        try await database.read { try await Queries.organization(id, on: $0) }
    }

    public func organizations() async throws -> [Organization] {
        try await database.read { sql in
            try await sql.raw("SELECT id, state FROM organizations ORDER BY name").all()
                .map { try Projections.decodeState(Organization.self, from: $0, table: "organizations") }
        }
    }

    /// Every organisation, by id: for naming parties in views and publications.
    public func organizationsByID() async throws -> [OrganizationID: Organization] {
        Dictionary(try await organizations().map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Tenders the viewer may see, newest first.
    public func tenders(_ filter: TenderFilter, viewer: Viewer) async throws -> [Tender] {
        try await database.read { sql in
            let cleared = Disclosure.clearedClassifications(for: viewer).map { SQLBind($0.rawValue) }
            let organization = viewer.organizationID?.rawValue ?? ""
            var query = SQLQueryString(
                "SELECT id, state FROM tenders WHERE classification IN \(SQLGroupExpression(cleared)) AND (published_at IS NOT NULL OR buyer_id = \(bind: organization))"
            )
            if let status = filter.status {
                query.appendInterpolation(unsafeRaw: " AND status = ")
                query.appendInterpolation(bind: status.rawValue)
            }
            if let buyer = filter.buyerID {
                query.appendInterpolation(unsafeRaw: " AND buyer_id = ")
                query.appendInterpolation(bind: buyer.rawValue)
            }
            if let code = filter.code {
                query.appendInterpolation(unsafeRaw: " AND ")
                query.appendInterpolation(TenderSearch.code(code))
            }
            if let text = filter.text?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
                query.appendInterpolation(unsafeRaw: " AND ")
                query.appendInterpolation(TenderSearch.text(text, on: sql))
            }
            query.appendInterpolation(unsafeRaw: " ORDER BY created_at DESC, id LIMIT ")
            query.appendInterpolation(bind: filter.limit)
            query.appendInterpolation(unsafeRaw: " OFFSET ")
            query.appendInterpolation(bind: filter.offset)
            return try await sql.raw(query).all().map { try Projections.decodeState(Tender.self, from: $0, table: "tenders") }
        }
    }

    /// Tenders with a deadline at or before `now`, for the scheduler.
    public func dueTenders(at now: Date) async throws -> [TenderID] {
        try await database.read { sql in
            try await sql.raw("SELECT id FROM tenders WHERE next_deadline <= \(bind: Timestamp.format(now)) ORDER BY next_deadline LIMIT 500").all()
                .map { TenderID(try $0.decode(column: "id", as: String.self)) }
        }
    }

    /// The change feed as the viewer may see it, with whether the viewer may see who acted.
    public func events(after sequence: Int64, limit: Int, tender: TenderID? = nil, viewer: Viewer) async throws -> [FeedEntry] {
        try await database.read { try await EventStore.feed(after: sequence, limit: limit, tender: tender, viewer: viewer, on: $0) }
    }

    public func events(tender: TenderID) async throws -> [RecordedEvent] {
        try await database.read { try await EventStore.stream("tender:\(tender)", on: $0) }
    }
}

extension Ledger {
    /// The sequence number of the newest event, 0 for an empty log.
    public func lastSequence() async throws -> Int64 {
        try await database.read { sql in
            try await sql.raw("SELECT COALESCE(MAX(seq), 0) AS seq FROM events").first()?.decode(column: "seq", as: Int64.self) ?? 0
        }
    }
}

extension Ledger {
    /// When the newest event happened, if there is one.
    public func latestEventTime() async throws -> Date? {
        try await database.read { sql in
            try await sql.raw("SELECT occurred_at FROM events ORDER BY seq DESC LIMIT 1").first()
                .flatMap { Timestamp.parse(try $0.decode(column: "occurred_at", as: String.self)) }
        }
    }
}
