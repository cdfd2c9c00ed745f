import Foundation
import HTTPTypes
import Hummingbird
import Procurement
import Server
import Testing

/// `openapi.json` is well-formed, describes exactly the routes the router registers, is what the server serves, and
/// its conformance check really catches drift. Every response of every server test is checked against it too (see
/// `Client.send`); the walks below make sure every operation is seen at least once.
@Suite struct OpenAPIDocumentTests {
    private static let idempotencyKey = HTTPField.Name("Idempotency-Key")!

    private static func document() throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: OpenAPIDocument.data())
    }

    /// `(METHOD, /path/{param})` of every operation in the document.
    private static func documentedOperations() throws -> Set<String> {
        guard case .object(let paths)? = try document()["paths"] else { return [] }
        var operations: Set<String> = []
        for (path, item) in paths {
            guard case .object(let methods) = item else { continue }
            for method in methods.keys where OpenAPISpec.methods.contains(method) { operations.insert("\(method.uppercased()) \(path)") }
        }
        return operations
    }

    // MARK: - The document itself

    @Test func documentIsOpenAPI31AndEveryReferenceResolves() throws {
        let document = try Self.document()
        guard case .string(let version)? = document["openapi"] else {
            Issue.record("no openapi version")
            return
        }
        #expect(version.hasPrefix("3.1."))
        #expect(document["servers"] == .array([.object(["url": .string("/")])]))
        #expect(document["info"]?["title"] == .string("Quartermaster"))

        var references: [String] = []
        func collect(_ value: JSONValue) {
            switch value {
            case .object(let object):
                for (key, member) in object {
                    if key == "$ref", case .string(let reference) = member { references.append(reference) } else { collect(member) }
                }
                if case .object(let mapping)? = object["mapping"] {
                    for case .string(let reference) in mapping.values { references.append(reference) }
                }
            case .array(let items):
                items.forEach(collect)
            default:
                break
            }
        }
        collect(document)
        #expect(references.count > 100)
        for reference in Set(references).sorted() {
            #expect(OpenAPISpec.pointer(reference, in: document) != nil, "unresolved \(reference)")
        }

        // Every schema of components is used somewhere.
        guard case .object(let schemas)? = document["components"]?["schemas"] else {
            Issue.record("no components/schemas")
            return
        }
        let used = Set(references)
        for name in schemas.keys.sorted() {
            #expect(used.contains("#/components/schemas/\(name)"), "schema \(name) is never referenced")
        }
    }

    @Test func operationsAreConsistent() throws {
        let document = try Self.document()
        guard case .object(let paths)? = document["paths"] else {
            Issue.record("no paths")
            return
        }
        var operationIDs: [String] = []
        for (path, item) in paths.sorted(by: { $0.key < $1.key }) {
            let templated = Set(OpenAPISpec.segments(path).filter { $0.hasPrefix("{") }.map { String($0.dropFirst().dropLast()) })
            guard case .object(let methods) = item else { continue }
            for (method, operation) in methods where OpenAPISpec.methods.contains(method) {
                let name = "\(method.uppercased()) \(path)"
                if case .string(let id)? = operation["operationId"] { operationIDs.append(id) } else { Issue.record("\(name) has no operationId") }
                #expect(operation["security"] != nil, "\(name) declares no security")

                var declared: Set<String> = []
                if case .array(let parameters)? = operation["parameters"] {
                    for parameter in parameters {
                        let resolved =
                            OpenAPISpec.pointer(parameter["$ref"].flatMap { if case .string(let r) = $0 { r } else { nil } } ?? "", in: document)
                            ?? parameter
                        if resolved["in"] == .string("path"), case .string(let parameterName)? = resolved["name"] {
                            declared.insert(parameterName)
                            #expect(resolved["required"] == .bool(true), "\(name): path parameter \(parameterName) must be required")
                        }
                    }
                }
                #expect(declared == templated, "\(name): path parameters \(declared.sorted()) do not match the template")

                guard case .object(let responses)? = operation["responses"] else {
                    Issue.record("\(name) has no responses")
                    continue
                }
                #expect(responses.keys.contains { $0.hasPrefix("2") }, "\(name) has no success response")
                #expect(responses["401"] != nil, "\(name): a bad token answers 401 on every route")
                for (status, response) in responses where status.hasPrefix("4") {
                    let resolved =
                        OpenAPISpec.pointer(response["$ref"].flatMap { if case .string(let r) = $0 { r } else { nil } } ?? "", in: document)
                        ?? response
                    #expect(
                        resolved["content"]?["application/problem+json"]?["schema"] == .object(["$ref": .string("#/components/schemas/Problem")]),
                        "\(name) \(status) is not a problem"
                    )
                }
            }
        }
        #expect(Set(operationIDs).count == operationIDs.count, "operationIds are not unique")
    }

    @Test func documentDescribesExactlyTheRegisteredRoutes() async throws {
        let app = try await TestApp.make()
        let routes = buildRouter(app.services).routes.map { route in
            let path = OpenAPISpec.segments(route.path.description).map { $0 == "**" ? "{tilePath}" : $0.hasPrefix(":") ? "{\($0.dropFirst())}" : $0 }
            return "\(route.method.rawValue) /\(path.joined(separator: "/"))"
        }
        try await app.close()
        let documented = try Self.documentedOperations()
        #expect(Set(routes).count == routes.count)
        #expect(routes.count >= 35)
        for missing in Set(routes).subtracting(documented).sorted() { Issue.record("route \(missing) is not in openapi.json") }
        for extra in documented.subtracting(routes).sorted() { Issue.record("openapi.json documents \(extra), which the router does not serve") }
    }

    @Test func servedDocumentIsTheResource() async throws {
        try await TestApp.with { _, client in
            let reply = try await client.get("/api/v1/openapi.json")
            #expect(reply.status == .ok)
            #expect(reply.headers[.contentType]?.hasPrefix("application/json") == true)
            let resource = try OpenAPIDocument.data()
            #expect(reply.body == resource)
        }
    }

    // MARK: - The validator catches drift

    private static func json(_ text: String) -> JSONValue {
        (try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))) ?? .null
    }

    private static let tender = json(
        """
        {"id": "t-1", "buyerID": "dpa", "title": "Field radios", "description": "", "method": "open", "classification": "unclassified",
         "criteria": {"type": "lowest-price"},
         "lots": [{"id": "lot-1", "title": "Radios", "status": "active", "value": {"amount": "1000000.00", "currency": "UAH"},
                   "items": [{"id": "lot-1-item-1", "description": "Radio", "cpv": "35811300-5", "quantity": 10, "unit": "H87"}]}],
         "invitedSupplierIDs": [], "status": "draft", "createdAt": "2026-11-29T01:33:20.000Z", "noticeVersion": 0,
         "questions": [], "candidates": [], "validBidIDs": [], "decisions": [], "awards": [], "contracts": [], "version": 1}
        """
    )

    private static let problem = json(
        """
        {"type": "https://quartermaster.example/problems/tender-not-found", "title": "Not Found", "status": 404,
         "detail": "no tender with id t-2", "code": "tender-not-found"}
        """
    )

    private static func body(_ value: JSONValue) throws -> Data { try JSONEncoder().encode(value) }

    private static func changing(_ value: JSONValue, _ change: (inout [String: JSONValue]) -> Void) -> JSONValue {
        guard case .object(var object) = value else { return value }
        change(&object)
        return .object(object)
    }

    @Test func aCorrectBodyPasses() throws {
        #expect(OpenAPIConformance.problems(method: "GET", path: "/api/v1/tenders/t-1?x=1", status: 200, body: try Self.body(Self.tender)) == [])
        #expect(Self.tender != .null)
        let problem = try Self.body(Self.problem)
        #expect(OpenAPIConformance.problems(method: "GET", path: "/api/v1/tenders/t-2", status: 404, body: problem) == [])
        #expect(OpenAPIConformance.problems(method: "DELETE", path: "/api/v1/nowhere", status: 404, body: problem) == [])
    }

    @Test func missingRequiredPropertyIsCaught() throws {
        let body = try Self.body(Self.changing(Self.tender) { $0["status"] = nil })
        withKnownIssue {
            OpenAPIConformance.check(method: "GET", path: "/api/v1/tenders/t-1", status: 200, body: body, sourceLocation: #_sourceLocation)
        }
        #expect(
            OpenAPIConformance.problems(method: "GET", path: "/api/v1/tenders/t-1", status: 200, body: body)
                == ["$: required property 'status' is missing"]
        )
    }

    @Test func extraPropertyIsCaught() throws {
        let problem = Self.changing(Self.problem) { $0["stackTrace"] = .string("secret") }
        let body = try Self.body(problem)
        withKnownIssue {
            OpenAPIConformance.check(method: "GET", path: "/api/v1/tenders/t-2", status: 404, body: body, sourceLocation: #_sourceLocation)
        }
        #expect(OpenAPIConformance.problems(of: problem, against: "Problem") == ["$: unexpected property 'stackTrace'"])
        // Also through allOf + unevaluatedProperties.
        let tender = Self.changing(Self.tender) { $0["internalNote"] = .string("x") }
        #expect(OpenAPIConformance.problems(of: tender, against: "VersionedTender") == ["$: unexpected property 'internalNote'"])
        #expect(OpenAPIConformance.problems(of: Self.tender, against: "Tender") == ["$: unexpected property 'version'"])
    }

    @Test func wrongTypesEnumsAndFormatsAreCaught() throws {
        let cases: [(String, JSONValue, String)] = [
            ("status", .string("open-for-bids"), "$.status: \"open-for-bids\" is not one of"),
            ("noticeVersion", .string("1"), "$.noticeVersion: \"1\" is not of type integer"),
            ("noticeVersion", .number(1.5), "$.noticeVersion: 1.5 is not of type integer"),
            ("rationale", .null, "$.rationale: null is not of type string"),
            ("createdAt", .string("29.11.2026"), "$.createdAt: \"29.11.2026\" is not a valid date-time"),
            ("criteria", Self.json(#"{"type": "cheapest"}"#), "$.criteria: type \"cheapest\" names no variant"),
            ("criteria", Self.json(#"{"type": "life-cycle-cost"}"#), "$.criteria: required property 'years' is missing"),
            ("lots", Self.json(#"[{"id": "lot-1"}]"#), "$.lots[0]: required property 'items' is missing"),
            ("buyerID", .string(""), "$.buyerID: \"\" is shorter than 1 characters"),
        ]
        for (key, wrong, expected) in cases {
            let value = Self.changing(Self.tender) { $0[key] = wrong }
            let problems = OpenAPIConformance.problems(of: value, against: "VersionedTender")
            #expect(problems.contains { $0.hasPrefix(expected) }, "expected \(expected), got \(problems)")
            let body = try Self.body(value)
            withKnownIssue {
                OpenAPIConformance.check(method: "GET", path: "/api/v1/tenders/t-1", status: 200, body: body, sourceLocation: #_sourceLocation)
            }
        }
        let money = Self.json(#"{"amount": 12.5, "currency": "UAH"}"#)
        #expect(OpenAPIConformance.problems(of: money, against: "Money") == ["$.amount: 12.5 is not of type string"])
    }

    @Test func undocumentedRoutesAndStatusesAreCaught() throws {
        let clock = Data(#"{"now": "2026-11-29T01:33:20.000Z", "rate": 1}"#.utf8)
        #expect(OpenAPIConformance.problems(method: "GET", path: "/api/v1/clock", status: 200, body: clock) == [])
        withKnownIssue {
            OpenAPIConformance.check(method: "GET", path: "/api/v1/clock", status: 418, body: clock, sourceLocation: #_sourceLocation)
        }
        withKnownIssue {
            OpenAPIConformance.check(method: "POST", path: "/api/v1/clock", status: 200, body: clock, sourceLocation: #_sourceLocation)
        }
        withKnownIssue {
            OpenAPIConformance.check(method: "GET", path: "/api/v1/tenders/t-1/lots", status: 200, body: clock, sourceLocation: #_sourceLocation)
        }
        withKnownIssue {
            OpenAPIConformance.check(method: "GET", path: "/api/v1/clock", status: 200, body: Data(), sourceLocation: #_sourceLocation)
        }
        withKnownIssue {
            OpenAPIConformance.check(method: "GET", path: "/api/v1/clock", status: 200, body: Data("not json".utf8), sourceLocation: #_sourceLocation)
        }
    }

    // MARK: - Every operation, against a real server

    private static func notice(_ method: String, criteria: String, lots: Int = 1) -> String {
        let lotList = (1...lots).map { index in
            #"{"title": "Lot \#(index)", "value": {"amount": "1000000.00", "currency": "UAH"}, "#
                + #""items": [{"description": "Tactical radio set", "cpv": "35811300-5", "nsn": "5820-12-345-6789", "#
                + #""quantity": 100, "unit": "H87", "deliveryLocation": "Kyiv"}]}"#
        }
        return #"{"title": "Field radios for brigades", "description": "VHF radios", "method": "\#(method)", "criteria": \#(criteria), "#
            + #""lots": [\#(lotList.joined(separator: ", "))]}"#
    }

    private static func at(_ app: TestApp, days: Double) -> String { Timestamp.format(app.time.now + days * TestApp.day) }

    @Test func anOpenBestValueProcedureConformsAtEveryStep() async throws {
        try await TestApp.with { app, client in
            #expect(try await client.get("/healthz").status == .ok)
            #expect(try await client.get("/api/v1/clock").status == .ok)
            #expect(try await client.get("/api/v1/me", as: "officer").status == .ok)
            #expect(try await client.get("/api/v1/me").status == .unauthorized)
            #expect(try await client.send(.get, "/api/v1/me", headers: [.authorization: "Bearer qm_nope"]).code == "invalid-token")
            #expect(try await client.get("/api/v1/nowhere").status == .notFound)

            let criteria = #"{"type": "best-value", "priceWeight": 60, "quality": [{"id": "q1", "title": "Encryption", "weight": 40}]}"#
            let notice = Self.notice("open", criteria: criteria, lots: 2)
            let created = try await client.post("/api/v1/tenders", as: "officer", json: notice, headers: [Self.idempotencyKey: "t-1"])
            #expect(created.status == .created, "\(created.text)")
            let tender = try #require(created.string("id"))
            let replayed = try await client.post("/api/v1/tenders", as: "officer", json: notice, headers: [Self.idempotencyKey: "t-1"])
            #expect(replayed.headers[HTTPField.Name("Idempotent-Replayed")!] == "true")
            #expect(try await client.post("/api/v1/tenders", json: notice).status == .unauthorized)
            #expect(try await client.post("/api/v1/tenders", as: "supplier-a", json: notice).status == .forbidden)
            #expect(try await client.post("/api/v1/tenders", as: "officer", json: "{}").code == "missing-field")
            #expect(try await client.post("/api/v1/tenders", as: "officer", json: "{").code == "malformed-json")
            let huge = #"{"title": "\#(String(repeating: "x", count: 300_000))"}"#
            #expect(try await client.post("/api/v1/tenders", as: "officer", json: huge).status == .contentTooLarge)
            #expect(try await client.get("/api/v1/tenders/\(tender)").status == .notFound)

            let amended = try await client.send(.patch, "/api/v1/tenders/\(tender)", as: "officer", json: #"{"title": "Field radios, VHF"}"#)
            #expect(amended.status == .ok, "\(amended.text)")
            let stale = try await client.send(
                .patch,
                "/api/v1/tenders/\(tender)",
                as: "officer",
                json: #"{"title": "Field radios"}"#,
                headers: [.ifMatch: "\"1\""]
            )
            #expect(stale.code == "version-conflict")
            let published = try await client.post(
                "/api/v1/tenders/\(tender)/publish",
                as: "officer",
                json: #"{"tenderPeriodEnd": "\#(Self.at(app, days: 10))"}"#,
                headers: [.ifMatch: "\"2\""]
            )
            #expect(published.status == .ok, "\(published.text)")
            #expect(try await client.get("/api/v1/tenders/\(tender)").status == .ok)
            #expect(try await client.get("/api/v1/tenders?status=tendering&cpv=3581&q=radio&limit=1&offset=0").status == .ok)
            #expect(try await client.get("/api/v1/tenders?status=open").code == "invalid-query")

            let asked = try await client.post(
                "/api/v1/tenders/\(tender)/questions",
                as: "supplier-a",
                json: #"{"text": "Is AES-256 required?"}"#,
                headers: [Self.idempotencyKey: "q-1"]
            )
            #expect(asked.status == .created, "\(asked.text)")
            let question = try #require(asked.json["questions"]?.openAPIFirst?["id"]?.openAPIString)
            let answered = try await client.post(
                "/api/v1/tenders/\(tender)/questions/\(question)/answer",
                as: "officer",
                json: #"{"answer": "Yes, AES-256."}"#
            )
            #expect(answered.status == .ok, "\(answered.text)")

            func offer(_ lots: [(String, String)]) -> String {
                let list = lots.map { #"{"lotID": "\#($0.0)", "price": {"amount": "\#($0.1)", "currency": "UAH"}}"# }
                return #"{"lots": [\#(list.joined(separator: ", "))]}"#
            }
            var bids: [String: String] = [:]
            for (supplier, lots) in [
                ("supplier-a", [("lot-1", "900000.00"), ("lot-2", "950000.00")]), ("supplier-b", [("lot-1", "800000.00")]),
                ("supplier-c", [("lot-1", "990000.00")]),
            ] {
                let submitted = try await client.post(
                    "/api/v1/tenders/\(tender)/bids",
                    as: supplier,
                    json: offer(lots),
                    headers: [Self.idempotencyKey: "b-\(supplier)"]
                )
                #expect(submitted.status == .created, "\(submitted.text)")
                bids[supplier] = submitted.string("id")
            }
            let (bidA, bidB, bidC) = (bids["supplier-a"]!, bids["supplier-b"]!, bids["supplier-c"]!)
            #expect(try await client.post("/api/v1/tenders/\(tender)/bids", as: "supplier-a", json: offer([("lot-1", "1.00")])).status == .conflict)
            #expect(
                try await client.post("/api/v1/tenders/\(tender)/bids", as: "supplier-a", json: #"{"lots": [{}]}"#).status == .unprocessableContent
            )
            #expect(try await client.get("/api/v1/tenders/\(tender)/bids", as: "supplier-a").json["sealed"] == .bool(true))
            #expect(try await client.get("/api/v1/bids", as: "supplier-a").status == .ok)
            #expect(try await client.get("/api/v1/bids").status == .unauthorized)
            #expect(try await client.get("/api/v1/bids/\(bidA)", as: "supplier-a").status == .ok)
            #expect(try await client.get("/api/v1/bids/\(bidA)", as: "officer").status == .notFound)
            let replaced = try await client.send(
                .put,
                "/api/v1/bids/\(bidB)",
                as: "supplier-b",
                json: offer([("lot-1", "850000.00")]),
                headers: [.ifMatch: "\"1\""]
            )
            #expect(replaced.status == .ok, "\(replaced.text)")
            #expect(try await client.post("/api/v1/bids/\(bidC)/withdrawal", as: "supplier-c").status == .ok)
            #expect(try await client.post("/api/v1/bids/\(bidC)/withdrawal", as: "supplier-c").status == .conflict)

            let reworded = try await client.send(.patch, "/api/v1/tenders/\(tender)", as: "officer", json: #"{"description": "VHF radios, AES-256"}"#)
            #expect(reworded.json["noticeVersion"] == .number(2))
            #expect(try await client.post("/api/v1/bids/\(bidA)/confirmation", as: "supplier-a").status == .ok)
            #expect(try await client.post("/api/v1/bids/\(bidA)/confirmation", as: "supplier-a").code == "confirmation-not-needed")
            #expect(try await client.post("/api/v1/bids/\(bidB)/confirmation", as: "supplier-b").status == .ok)

            app.time.advance(by: 11 * TestApp.day)
            #expect(await app.tick() == 1)
            #expect(try await client.post("/api/v1/tenders/\(tender)/opening", as: "supplier-a").status == .forbidden)
            #expect(try await client.post("/api/v1/tenders/\(tender)/opening", as: "officer").status == .ok)
            #expect(try await client.get("/api/v1/tenders/\(tender)/bids").json["sealed"] == .bool(false))
            #expect(try await client.get("/api/v1/bids/\(bidA)").status == .ok)

            for (bid, score) in [(bidA, 90), (bidB, 70)] {
                let decided = try await client.post(
                    "/api/v1/tenders/\(tender)/bids/\(bid)/decision",
                    as: "evaluator",
                    json: #"{"outcome": "qualified", "scores": {"q1": \#(score)}}"#
                )
                #expect(decided.status == .ok, "\(decided.text)")
            }
            let badDecision = try await client.post(
                "/api/v1/tenders/\(tender)/bids/\(bidA)/decision",
                as: "evaluator",
                json: #"{"outcome": "disqualified"}"#
            )
            #expect(badDecision.code == "reason-required")

            let proposed = try await client.post("/api/v1/tenders/\(tender)/lots/lot-1/award", as: "evaluator")
            #expect(proposed.status == .created, "\(proposed.text)")
            let firstAward = try #require(proposed.json["awards"]?.openAPIFirst?["id"]?.openAPIString)
            let rejected = try await client.post(
                "/api/v1/tenders/\(tender)/awards/\(firstAward)/rejection",
                as: "approver",
                json: #"{"reason": "Recheck the quality scores."}"#
            )
            #expect(rejected.status == .ok, "\(rejected.text)")
            let again = try await client.post("/api/v1/tenders/\(tender)/lots/lot-1/award", as: "evaluator")
            #expect(again.status == .created)
            guard case .array(let awards)? = again.json["awards"], let award = awards.last?["id"]?.openAPIString else {
                Issue.record("no second award in \(again.text)")
                return
            }
            let unsuccessful = try await client.post(
                "/api/v1/tenders/\(tender)/lots/lot-2/unsuccessful",
                as: "officer",
                json: #"{"reason": "Single bid above the market price."}"#
            )
            #expect(unsuccessful.status == .ok, "\(unsuccessful.text)")
            #expect(try await client.post("/api/v1/tenders/\(tender)/awards/\(award)/approval", as: "evaluator").status == .forbidden)
            #expect(try await client.post("/api/v1/tenders/\(tender)/awards/\(award)/approval", as: "approver").status == .ok)
            #expect(try await client.post("/api/v1/tenders/\(tender)/awards/\(award)/contract", as: "approver").code == "standstill-running")

            app.time.advance(by: 6 * TestApp.day)
            #expect(await app.tick() == 1)
            let signed = try await client.post("/api/v1/tenders/\(tender)/awards/\(award)/contract", as: "approver")
            #expect(signed.status == .created, "\(signed.text)")
            #expect(signed.string("status") == "complete")
            #expect(try await client.post("/api/v1/tenders/\(tender)/awards/nope/contract", as: "approver").status == .conflict)

            for viewer in [nil, "officer", "supplier-a", "auditor"] {
                let feed = try await client.get("/api/v1/events?after=0&limit=1000", as: viewer)
                #expect(feed.status == .ok)
            }
            #expect(try await client.get("/api/v1/events?limit=0").code == "invalid-query")
        }
    }

    @Test func aRestrictedProcedureAndTheIdentityEndpointsConform() async throws {
        try await TestApp.with { app, client in
            #expect(try await client.get("/api/v1/organizations").status == .ok)
            #expect(try await client.get("/api/v1/organizations/dpa").status == .ok)
            #expect(try await client.get("/api/v1/organizations/nope").status == .notFound)
            let organization =
                #"{"id": "supplier-d", "name": "Delta Optics GmbH", "kind": "supplier", "country": "DEU", "nationalRegistryID": "HRB 9"}"#
            let registered = try await client.post("/api/v1/organizations", as: "admin", json: organization, headers: [Self.idempotencyKey: "o-1"])
            #expect(registered.status == .created, "\(registered.text)")
            #expect(try await client.post("/api/v1/organizations", as: "admin", json: organization).status == .conflict)
            #expect(try await client.post("/api/v1/organizations", as: "officer", json: organization).status == .forbidden)
            #expect(
                try await client.post("/api/v1/organizations", as: "admin", json: #"{"name": "X", "kind": "supplier", "country": "UKR"}"#).status
                    == .unprocessableContent
            )
            let user = try await client.post(
                "/api/v1/users",
                as: "admin",
                json: #"{"organizationID": "platform", "name": "Dana Weber", "email": "dana@example.org", "roles": ["auditor"]}"#
            )
            #expect(user.status == .created, "\(user.text)")
            let userID = try #require(user.string("id"))
            #expect(try await client.post("/api/v1/users/\(userID)/tokens", as: "admin").status == .created)
            #expect(try await client.post("/api/v1/users/user-officer/tokens", as: "officer", json: #"{"label": "ci"}"#).status == .created)
            #expect(try await client.post("/api/v1/users/user-officer/tokens", as: "supplier-a").status == .forbidden)
            #expect(try await client.post("/api/v1/users/nobody/tokens", as: "admin").status == .notFound)
            let noRoles = try await client.post(
                "/api/v1/users",
                as: "admin",
                json: #"{"organizationID": "platform", "name": "Nobody", "email": "n@example.org", "roles": []}"#
            )
            #expect(noRoles.code == "roles-required")

            let created = try await client.post(
                "/api/v1/tenders",
                as: "officer",
                json: Self.notice("restricted", criteria: #"{"type": "lowest-price"}"#)
            )
            let tender = try #require(created.string("id"))
            let published = try await client.post(
                "/api/v1/tenders/\(tender)/publish",
                as: "officer",
                json: #"{"candidatePeriodEnd": "\#(Self.at(app, days: 12))"}"#
            )
            #expect(published.string("status") == "candidate-selection", "\(published.text)")
            for supplier in ["supplier-a", "supplier-b"] {
                let applied = try await client.post("/api/v1/tenders/\(tender)/candidates", as: supplier)
                #expect(applied.status == .created, "\(applied.text)")
            }
            #expect(try await client.post("/api/v1/tenders/\(tender)/candidates", as: "supplier-a").code == "already-applied")
            app.time.advance(by: 13 * TestApp.day)
            #expect(await app.tick() == 1)
            let qualified = try await client.post(
                "/api/v1/tenders/\(tender)/candidates/supplier-a/decision",
                as: "evaluator",
                json: #"{"qualified": true}"#
            )
            #expect(qualified.status == .ok, "\(qualified.text)")
            let rejected = try await client.post(
                "/api/v1/tenders/\(tender)/candidates/supplier-b/decision",
                as: "evaluator",
                json: #"{"qualified": false, "reasonCode": "no-clearance"}"#
            )
            #expect(rejected.status == .ok, "\(rejected.text)")
            let invited = try await client.post(
                "/api/v1/tenders/\(tender)/invitations",
                as: "officer",
                json: #"{"tenderPeriodEnd": "\#(Self.at(app, days: 15))"}"#
            )
            #expect(invited.string("status") == "tendering", "\(invited.text)")
            let bid = #"{"lots": [{"lotID": "lot-1", "price": {"amount": "990000.00", "currency": "UAH"}}]}"#
            #expect(try await client.post("/api/v1/tenders/\(tender)/bids", as: "supplier-b", json: bid).code == "not-invited")
            #expect(try await client.post("/api/v1/tenders/\(tender)/bids", as: "supplier-a", json: bid).status == .created)
            let cancelled = try await client.post(
                "/api/v1/tenders/\(tender)/cancel",
                as: "officer",
                json: #"{"reason": "funding-unavailable", "rationale": "The budget line was withdrawn."}"#
            )
            #expect(cancelled.string("status") == "cancelled", "\(cancelled.text)")
            #expect(try await client.post("/api/v1/tenders/\(tender)/cancel", as: "officer", json: "{}").code == "missing-field")
            #expect(try await client.get("/api/v1/events?after=0", as: "supplier-a").status == .ok)
        }
    }
}

extension JSONValue {
    fileprivate var openAPIString: String? { if case .string(let text) = self { text } else { nil } }
    fileprivate var openAPIFirst: JSONValue? { if case .array(let items) = self { items.first } else { nil } }
}
