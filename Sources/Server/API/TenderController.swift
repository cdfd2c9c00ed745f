import Foundation
import HTTPTypes
import Hummingbird
import Procurement
import Storage

/// `/api/v1/tenders`: the procedure from draft to contract.
struct TenderController {
    let ledger: Ledger

    func register(on router: some RouterMethods<AppContext>) {
        router.get("tenders", use: list)
        router.post("tenders", use: create)
        router.get("tenders/:tender", use: show)
        router.patch("tenders/:tender", use: amend)
        router.post("tenders/:tender/publish", use: publish)
        router.post("tenders/:tender/cancel", use: cancel)
        router.post("tenders/:tender/questions", use: askQuestion)
        router.post("tenders/:tender/questions/:question/answer", use: answerQuestion)
        router.post("tenders/:tender/candidates", use: applyAsCandidate)
        router.post("tenders/:tender/candidates/:supplier/decision", use: decideCandidate)
        router.post("tenders/:tender/invitations", use: inviteTenders)
        router.post("tenders/:tender/opening", use: openBids)
        router.post("tenders/:tender/bids/:bid/decision", use: decideBid)
        router.post("tenders/:tender/lots/:lot/award", use: proposeAward)
        router.post("tenders/:tender/lots/:lot/unsuccessful", use: declareLotUnsuccessful)
        router.post("tenders/:tender/awards/:award/approval", use: approveAward)
        router.post("tenders/:tender/awards/:award/rejection", use: rejectAward)
        router.post("tenders/:tender/awards/:award/contract", use: signContract)
    }

    @Sendable func list(_ request: Request, context: AppContext) async throws -> Response {
        let query = request.uri.queryParameters
        var filter = TenderFilter()
        if let status = query["status"] {
            guard let value = TenderStatus(rawValue: String(status)) else {
                throw Problem(
                    status: .badRequest,
                    code: "invalid-query",
                    detail: "status must be one of \(TenderStatus.allCases.map(\.rawValue).joined(separator: ", "))",
                    field: "status"
                )
            }
            filter.status = value
        }
        filter.buyerID = query["buyer"].map { OrganizationID(String($0)) }
        filter.code = query["cpv"].map(String.init) ?? query["code"].map(String.init)
        filter.text = query["q"].map(String.init)
        filter.limit = try Paging.int(query["limit"], name: "limit", default: 50, range: 1...200)
        filter.offset = try Paging.int(query["offset"], name: "offset", default: 0, range: 0...1_000_000)
        let tenders = try await ledger.tenders(filter, viewer: context.viewer).map { Disclosure.view(of: $0, for: context.viewer) }
        let next = tenders.count == filter.limit ? filter.offset + filter.limit : nil
        return try JSONBody(value: TenderPage(items: tenders, nextOffset: next)).response(from: request, context: context)
    }

    @Sendable func show(_ request: Request, context: AppContext) async throws -> Response {
        let tender = try await ledger.visibleTender(context)
        return try JSONBody(
            headers: [.eTag: "\"\(tender.version)\""],
            value: VersionedBody(value: Disclosure.view(of: tender.value, for: context.viewer), version: tender.version)
        )
        .response(from: request, context: context)
    }

    @Sendable func create(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let input = try await CommandInput<NoticeRequest>.read(request, context: context, actor: actor)
        let id: TenderID = NewID.make()
        let outcome = try await ledger.execute(.create(id: id, notice: input.body.notice()), tender: id, actor: actor, idempotency: input.idempotency)
        return try respond(outcome, status: .created, request: request, context: context)
    }

    @Sendable func amend(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let current = try await ledger.visibleTender(context)
        let body = try await request.json(AmendRequest.self, context: context)
        let command = TenderCommand.amend(notice: body.applied(to: current.value.notice), tenderPeriodEnd: body.tenderPeriodEnd)
        return try await run(
            command,
            request: request,
            context: context,
            actor: actor,
            expectedVersion: try request.expectedVersion ?? current.version
        )
    }

    @Sendable func publish(_ request: Request, context: AppContext) async throws -> Response {
        let body = try await request.json(PublishRequest.self, context: context)
        return try await run(
            .publish(candidatePeriodEnd: body.candidatePeriodEnd, tenderPeriodEnd: body.tenderPeriodEnd),
            request: request,
            context: context
        )
    }

    @Sendable func cancel(_ request: Request, context: AppContext) async throws -> Response {
        let body = try await request.json(CancelRequest.self, context: context)
        return try await run(.cancel(reason: body.reason, rationale: body.rationale), request: request, context: context)
    }

    @Sendable func askQuestion(_ request: Request, context: AppContext) async throws -> Response {
        let actor = try context.requireActor()
        let input = try await CommandInput<QuestionRequest>.read(request, context: context, actor: actor)
        let command = TenderCommand.askQuestion(id: NewID.make(), text: input.body.text)
        return try await run(command, request: request, context: context, actor: actor, idempotency: input.idempotency, status: .created)
    }

    @Sendable func answerQuestion(_ request: Request, context: AppContext) async throws -> Response {
        let body = try await request.json(AnswerRequest.self, context: context)
        let question = QuestionID(try context.parameters.require("question"))
        return try await run(.answerQuestion(id: question, answer: body.answer), request: request, context: context)
    }

    @Sendable func applyAsCandidate(_ request: Request, context: AppContext) async throws -> Response {
        try await run(.applyAsCandidate, request: request, context: context, status: .created)
    }

    @Sendable func decideCandidate(_ request: Request, context: AppContext) async throws -> Response {
        let body = try await request.json(CandidateDecisionRequest.self, context: context)
        let supplier = OrganizationID(try context.parameters.require("supplier"))
        return try await run(
            .decideCandidate(supplierID: supplier, qualified: body.qualified, reasonCode: body.reasonCode),
            request: request,
            context: context
        )
    }

    @Sendable func inviteTenders(_ request: Request, context: AppContext) async throws -> Response {
        let body = try await request.json(InvitationRequest.self, context: context)
        return try await run(.inviteTenders(tenderPeriodEnd: body.tenderPeriodEnd), request: request, context: context)
    }

    @Sendable func openBids(_ request: Request, context: AppContext) async throws -> Response {
        try await run(.openBids, request: request, context: context)
    }

    @Sendable func decideBid(_ request: Request, context: AppContext) async throws -> Response {
        let body = try await request.json(BidDecisionRequest.self, context: context)
        let bid = BidID(try context.parameters.require("bid"))
        let command = TenderCommand.decideBid(
            bidID: bid,
            outcome: body.outcome,
            reason: body.reason,
            rationale: body.rationale,
            scores: body.scores ?? [:]
        )
        return try await run(command, request: request, context: context)
    }

    @Sendable func proposeAward(_ request: Request, context: AppContext) async throws -> Response {
        let lot = LotID(try context.parameters.require("lot"))
        return try await run(.proposeAward(lotID: lot, awardID: NewID.make()), request: request, context: context, status: .created)
    }

    @Sendable func declareLotUnsuccessful(_ request: Request, context: AppContext) async throws -> Response {
        let body = try await request.json(ReasonRequest.self, context: context)
        let lot = LotID(try context.parameters.require("lot"))
        return try await run(.declareLotUnsuccessful(lotID: lot, reason: body.reason), request: request, context: context)
    }

    @Sendable func approveAward(_ request: Request, context: AppContext) async throws -> Response {
        let award = AwardID(try context.parameters.require("award"))
        return try await run(.approveAward(awardID: award), request: request, context: context)
    }

    @Sendable func rejectAward(_ request: Request, context: AppContext) async throws -> Response {
        let body = try await request.json(ReasonRequest.self, context: context)
        let award = AwardID(try context.parameters.require("award"))
        return try await run(.rejectAward(awardID: award, reason: body.reason), request: request, context: context)
    }

    @Sendable func signContract(_ request: Request, context: AppContext) async throws -> Response {
        let body = try await request.json(ContractRequest.self, context: context, optional: true) ?? ContractRequest(value: nil)
        let award = AwardID(try context.parameters.require("award"))
        return try await run(
            .signContract(awardID: award, contractID: NewID.make(), value: body.value),
            request: request,
            context: context,
            status: .created
        )
    }

    private func run(
        _ command: TenderCommand,
        request: Request,
        context: AppContext,
        actor: Actor? = nil,
        idempotency: IdempotencyKey? = nil,
        expectedVersion: Int? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let actor = try actor ?? context.requireActor()
        let tender = try await ledger.visibleTender(context)
        let outcome = try await ledger.execute(
            command,
            tender: tender.value.id,
            actor: actor,
            expectedVersion: try expectedVersion ?? request.expectedVersion,
            idempotency: idempotency
        )
        return try respond(outcome, status: status, request: request, context: context)
    }

    private func respond(_ outcome: CommandOutcome<Tender>, status: HTTPResponse.Status, request: Request, context: AppContext) throws -> Response {
        var headers: HTTPFields = [.eTag: "\"\(outcome.version)\"", .location: "/api/v1/tenders/\(outcome.value.id)"]
        if outcome.replayed { headers[.idempotentReplayed] = "true" }
        return try JSONBody(
            status: status,
            headers: headers,
            value: VersionedBody(value: Disclosure.view(of: outcome.value, for: context.viewer), version: outcome.version)
        )
        .response(from: request, context: context)
    }
}

struct TenderPage: Encodable, Sendable {
    let items: [Tender]
    let nextOffset: Int?
}

enum Paging {
    static func int(_ value: Substring?, name: String, default fallback: Int, range: ClosedRange<Int>) throws -> Int {
        guard let value else { return fallback }
        guard let number = Int(value), range.contains(number) else {
            throw Problem(
                status: .badRequest,
                code: "invalid-query",
                detail: "\(name) must be an integer from \(range.lowerBound) to \(range.upperBound)",
                field: name
            )
        }
        return number
    }
}

extension Ledger {
    /// The `:tender` of the route if the viewer may see it; otherwise 404, so hidden tenders do not reveal that
    /// they exist.
    func visibleTender(_ context: AppContext) async throws -> Versioned<Tender> {
        let id = TenderID(try context.parameters.require("tender"))
        guard let tender = try await tender(id), Disclosure.canSee(tender.value, viewer: context.viewer) else {
            throw DomainError.notFound(entity: "tender", id: id.rawValue)
        }
        return tender
    }
}
