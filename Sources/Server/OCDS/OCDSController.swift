import Foundation
import HTTPTypes
import Hummingbird
import OpenContracting
import Procurement
import Storage

/// Open Contracting Data Standard publication: release packages in log order, single releases and record packages,
/// as the caller may see them (anonymous readers get the public view; an auditor's token gives the full one).
struct OCDSController {
    let catalog: ReleaseCatalog

    func register(on router: some RouterMethods<AppContext>) {
        router.get("releases", use: releases)
        router.get("releases/:release", use: release)
        router.get("records/:ocid", use: record)
        router.get("publication-policy", use: policy)
    }

    /// `?after=SEQ&limit=N`: the releases of the events after `SEQ` in the change feed. The `Link` header names the
    /// next page, and stays on the last one until new events arrive.
    @Sendable func releases(_ request: Request, context: AppContext) async throws -> Response {
        let query = request.uri.queryParameters
        let after = Int64(try Paging.int(query["after"], name: "after", default: 0, range: 0...Int.max))
        let limit = try Paging.int(query["limit"], name: "limit", default: 100, range: 1...1000)
        let entries = try await catalog.ledger.events(after: after, limit: limit, viewer: context.viewer)
        let indexes = try await catalog.log.leafIndexes(sequences: entries.map(\.event.sequence))
        let wanted = Set(indexes.values.map(String.init))
        let organizations = try await catalog.ledger.organizationsByID()
        var releases: [OCDSValue] = []
        var seen = Set<TenderID>()
        for case let tender? in entries.map(\.event.tenderID) where seen.insert(tender).inserted {
            let all = try await catalog.releases(of: tender, viewer: context.viewer, organizations: organizations)
            releases += all.filter { $0["id"]?.stringValue.map(wanted.contains) ?? false }
        }
        releases.sort { UInt64($0["id"]?.stringValue ?? "") ?? 0 < UInt64($1["id"]?.stringValue ?? "") ?? 0 }
        let next = entries.last?.event.sequence ?? after
        let nextURI = "\(catalog.profile.baseURI)/ocds/releases?after=\(next)&limit=\(limit)"
        let package = catalog.profile.releasePackage(
            uri: "\(catalog.profile.baseURI)/ocds/releases?after=\(after)&limit=\(limit)",
            publishedDate: catalog.ledger.time.now,
            releases: releases
        )
        var response = Self.json(package)
        response.headers[HTTPField.Name("Link")!] = "<\(nextURI)>; rel=\"next\""
        return response
    }

    /// One release by id (its transparency-log index), in a release package.
    @Sendable func release(_ request: Request, context: AppContext) async throws -> Response {
        let id = try context.parameters.require("release")
        let notFound = DomainError.notFound(entity: "release", id: id)
        guard let index = UInt64(id), let sequence = try await catalog.log.sequence(ofLeaf: index),
            let entry = try await catalog.ledger.events(after: sequence - 1, limit: 1, viewer: context.viewer).first,
            entry.event.sequence == sequence, let tender = entry.event.tenderID
        else { throw notFound }
        let releases = try await catalog.releases(of: tender, viewer: context.viewer, organizations: try await catalog.ledger.organizationsByID())
        guard let release = releases.first(where: { $0["id"]?.stringValue == id }) else { throw notFound }
        let uri = "\(catalog.profile.baseURI)/ocds/releases/\(id)"
        return Self.json(catalog.profile.releasePackage(uri: uri, publishedDate: catalog.ledger.time.now, releases: [release]))
    }

    /// `?versioned=true` adds the versioned release.
    @Sendable func record(_ request: Request, context: AppContext) async throws -> Response {
        let ocid = try context.parameters.require("ocid")
        let versioned = request.uri.queryParameters["versioned"] == "true"
        guard let tender = catalog.profile.tenderID(ocid: ocid),
            let record = try await catalog.record(
                of: TenderID(tender),
                viewer: context.viewer,
                organizations: try await catalog.ledger.organizationsByID(),
                versioned: versioned
            )
        else { throw DomainError.notFound(entity: "record", id: ocid) }
        let uri = "\(catalog.profile.baseURI)/ocds/records/\(ocid)"
        return Self.json(catalog.profile.recordPackage(uri: uri, publishedDate: catalog.ledger.time.now, records: [record]))
    }

    @Sendable func policy(_ request: Request, context: AppContext) async throws -> Response {
        var headers: HTTPFields = [.contentType: "text/markdown; charset=utf-8"]
        headers[.cacheControl] = "public, max-age=3600"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: PublicationPolicy.text(catalog.profile))))
    }

    static func json(_ value: OCDSValue) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: value.jsonBytes()))
        )
    }
}
