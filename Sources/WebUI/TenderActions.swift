import Foundation
import Hummingbird
import Procurement
import Storage

/// Every form that changes a tender: the visitor's session gives the actor, the form a `TenderCommand`, and the
/// `Ledger` decides — exactly as for the JSON API. A refusal re-renders the page with the reason.
extension WebUI {
    enum Return {
        case tender
        case evaluation
    }

    func tenderAction(
        _ request: Request,
        _ parameters: Parameters,
        done: String,
        returnTo: Return = .tender,
        _ command: @escaping @Sendable (Form, Tender) throws -> TenderCommand
    ) async throws -> Response {
        try await guarded(request) { visitor in
            guard let actor = visitor.actor else { throw WebError.signInRequired }
            let form = try await visitor.form(request)
            let tender = try await visibleTender(parameters, visitor: visitor)
            do {
                _ = try await ledger.execute(try command(form, tender.value), tender: tender.value.id, actor: actor)
                let suffix = returnTo == .evaluation ? "/evaluation" : ""
                return redirect("/tenders/\(tender.value.id)\(suffix)?done=\(done)")
            } catch let error as DomainError {
                guard let current = try await ledger.tender(tender.value.id)?.value else { throw WebError.notFound }
                let message = explain(error, pages.catalog(visitor.language))
                let status = Self.status(of: error)
                if returnTo == .evaluation {
                    return try await renderEvaluation(current, visitor: visitor, request: request, error: message, status: status)
                }
                return try await renderTender(current, visitor: visitor, request: request, error: message, status: status)
            }
        }
    }

    static func status(of error: DomainError) -> HTTPResponse.Status {
        switch error.kind {
        case .forbidden: .forbidden
        case .notFound: .notFound
        case .conflict, .illegalState: .conflict
        case .invalid, .rule: .unprocessableContent
        }
    }

    func publish(_ request: Request, _ parameters: Parameters) async throws -> Response {
        try await tenderAction(request, parameters, done: "published") { form, tender in
            guard let deadline = LocaleFormat.parseInput(form["deadline"]) else {
                throw DomainError.invalidField(field: "deadline", code: "invalid-deadline", reason: "give the deadline as a date and time")
            }
            return tender.method == .restricted
                ? .publish(candidatePeriodEnd: deadline, tenderPeriodEnd: nil) : .publish(candidatePeriodEnd: nil, tenderPeriodEnd: deadline)
        }
    }

    /// A change to the published notice's description and, optionally, a later deadline; the rules may push the
    /// deadline out further, and every bid must then be re-confirmed.
    func amend(_ request: Request, _ parameters: Parameters) async throws -> Response {
        try await tenderAction(request, parameters, done: "amended") { form, tender in
            var notice = tender.notice
            notice.description = form["description"]
            return .amend(notice: notice, tenderPeriodEnd: LocaleFormat.parseInput(form["deadline"]))
        }
    }

    func cancel(_ request: Request, _ parameters: Parameters) async throws -> Response {
        try await tenderAction(request, parameters, done: "cancelled") { form, _ in
            guard let reason = CancellationReason(rawValue: form["reason"]) else {
                throw DomainError.invalidField(field: "reason", code: "invalid-reason", reason: "choose a reason")
            }
            return .cancel(reason: reason, rationale: form["rationale"])
        }
    }

    func askQuestion(_ request: Request, _ parameters: Parameters) async throws -> Response {
        try await tenderAction(request, parameters, done: "asked") { form, _ in
            .askQuestion(id: QuestionID(UUID().uuidString.lowercased()), text: form["text"])
        }
    }

    func answerQuestion(_ request: Request, _ parameters: Parameters) async throws -> Response {
        let question = QuestionID(try parameters.require("question"))
        return try await tenderAction(request, parameters, done: "answered") { form, _ in .answerQuestion(id: question, answer: form["answer"]) }
    }

    func applyAsCandidate(_ request: Request, _ parameters: Parameters) async throws -> Response {
        try await tenderAction(request, parameters, done: "applied") { _, _ in .applyAsCandidate }
    }

    func decideCandidate(_ request: Request, _ parameters: Parameters) async throws -> Response {
        let supplier = OrganizationID(try parameters.require("supplier"))
        return try await tenderAction(request, parameters, done: "candidate-decided") { form, _ in
            let qualified = form["outcome"] == "qualified"
            return .decideCandidate(supplierID: supplier, qualified: qualified, reasonCode: qualified ? nil : form["reason"])
        }
    }

    func inviteTenders(_ request: Request, _ parameters: Parameters) async throws -> Response {
        try await tenderAction(request, parameters, done: "invited") { form, _ in
            guard let deadline = LocaleFormat.parseInput(form["deadline"]) else {
                throw DomainError.invalidField(field: "deadline", code: "invalid-deadline", reason: "give the deadline as a date and time")
            }
            return .inviteTenders(tenderPeriodEnd: deadline)
        }
    }

    func openBids(_ request: Request, _ parameters: Parameters) async throws -> Response {
        try await tenderAction(request, parameters, done: "opened", returnTo: .evaluation) { _, _ in .openBids }
    }

    func decideBid(_ request: Request, _ parameters: Parameters) async throws -> Response {
        let bid = BidID(try parameters.require("bid"))
        return try await tenderAction(request, parameters, done: "decided", returnTo: .evaluation) { form, _ in
            guard let outcome = BidDecision.Outcome(rawValue: form["outcome"]) else {
                throw DomainError.invalidField(field: "outcome", code: "invalid-outcome", reason: "choose qualified or disqualified")
            }
            var scores: [String: Int] = [:]
            for (criterion, value) in form.group("score") where !value.isEmpty {
                guard let score = Int(value) else {
                    throw DomainError.invalidField(field: "scores", code: "invalid-score", reason: "scores are 0 to 100")
                }
                scores[criterion] = score
            }
            return .decideBid(
                bidID: bid,
                outcome: outcome,
                reason: outcome == .disqualified ? DisqualificationReason(rawValue: form["reason"]) : nil,
                rationale: form["rationale"].isEmpty ? nil : form["rationale"],
                scores: scores
            )
        }
    }

    func proposeAward(_ request: Request, _ parameters: Parameters) async throws -> Response {
        let lot = LotID(try parameters.require("lot"))
        return try await tenderAction(request, parameters, done: "proposed", returnTo: .evaluation) { _, _ in
            .proposeAward(lotID: lot, awardID: AwardID(UUID().uuidString.lowercased()))
        }
    }

    func declareLotUnsuccessful(_ request: Request, _ parameters: Parameters) async throws -> Response {
        let lot = LotID(try parameters.require("lot"))
        return try await tenderAction(request, parameters, done: "lot-unsuccessful", returnTo: .evaluation) { form, _ in
            .declareLotUnsuccessful(lotID: lot, reason: form["reason"])
        }
    }

    func approveAward(_ request: Request, _ parameters: Parameters) async throws -> Response {
        let award = AwardID(try parameters.require("award"))
        return try await tenderAction(request, parameters, done: "approved", returnTo: .evaluation) { _, _ in .approveAward(awardID: award) }
    }

    func rejectAward(_ request: Request, _ parameters: Parameters) async throws -> Response {
        let award = AwardID(try parameters.require("award"))
        return try await tenderAction(request, parameters, done: "rejected", returnTo: .evaluation) { form, _ in
            .rejectAward(awardID: award, reason: form["reason"])
        }
    }

    func signContract(_ request: Request, _ parameters: Parameters) async throws -> Response {
        let award = AwardID(try parameters.require("award"))
        return try await tenderAction(request, parameters, done: "contracted", returnTo: .evaluation) { _, _ in
            .signContract(awardID: award, contractID: ContractID(UUID().uuidString.lowercased()), value: nil)
        }
    }
}
