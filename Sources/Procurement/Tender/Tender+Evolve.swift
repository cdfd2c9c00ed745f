extension Tender {
    /// Applies one event. Never fails: events are facts already decided.
    public static func evolve(_ state: Tender?, _ event: TenderEvent) -> Tender? {
        if case .created(let e) = event {
            let n = e.notice
            return Tender(
                id: e.tenderID,
                buyerID: e.buyerID,
                title: n.title,
                description: n.description,
                method: n.method,
                negotiationGround: n.negotiationGround,
                rationale: n.rationale,
                classification: n.classification,
                criteria: n.criteria,
                lots: n.lots,
                invitedSupplierIDs: n.invitedSupplierIDs,
                status: .draft,
                createdAt: e.at,
                rules: nil,
                publishedAt: nil,
                candidatePeriodEnd: nil,
                enquiryPeriodEnd: nil,
                tenderPeriodEnd: nil,
                noticeVersion: 0,
                questions: [],
                candidates: [],
                validBidIDs: [],
                openedAt: nil,
                decisions: [],
                awards: [],
                contracts: [],
                cancellation: nil,
                endedAt: nil,
                embargoLiftedAt: nil
            )
        }
        guard var tender = state else { return nil }
        tender.apply(event)
        return tender
    }

    private mutating func apply(_ event: TenderEvent) {
        switch event {
        case .created: break
        case .amended(let e):
            apply(notice: e.notice)
            noticeVersion = e.noticeVersion
            if status != .draft {
                candidatePeriodEnd = e.candidatePeriodEnd
                enquiryPeriodEnd = e.enquiryPeriodEnd
                tenderPeriodEnd = e.tenderPeriodEnd
            }
        case .published(let e):
            rules = e.rules
            status = e.status
            publishedAt = e.at
            candidatePeriodEnd = e.candidatePeriodEnd
            enquiryPeriodEnd = e.enquiryPeriodEnd
            tenderPeriodEnd = e.tenderPeriodEnd
            noticeVersion = 1
        case .questionAsked(let e):
            questions.append(Question(id: e.questionID, text: e.text, askedAt: e.at))
        case .questionAnswered(let e):
            if let index = questions.firstIndex(where: { $0.id == e.questionID }) {
                questions[index].answer = e.answer
                questions[index].answeredAt = e.at
            }
        case .candidateApplied(let e):
            candidates.append(Candidate(supplierID: e.supplierID, appliedAt: e.at, status: .applied))
        case .candidatePeriodEnded:
            status = candidates.isEmpty ? .unsuccessful : .candidateQualification
        case .candidateDecided(let e):
            if let index = candidates.firstIndex(where: { $0.supplierID == e.supplierID }) {
                candidates[index].status = e.qualified ? .qualified : .rejected
                candidates[index].reasonCode = e.reasonCode
            }
        case .tendersInvited(let e):
            status = .tendering
            enquiryPeriodEnd = e.enquiryPeriodEnd
            tenderPeriodEnd = e.tenderPeriodEnd
        case .tenderingEnded(let e):
            validBidIDs = e.validBidIDs
            setLots(e.unsuccessfulLotIDs, to: .unsuccessful)
            status = lots.contains { $0.status == .active } ? .awaitingOpening : .unsuccessful
        case .bidsOpened(let e):
            openedAt = e.at
            status = .evaluation
        case .bidDecided(let e):
            decisions.removeAll { $0.bidID == e.decision.bidID }
            decisions.append(e.decision)
        case .awardProposed(let e):
            awards.append(e.award)
        case .awardApproved(let e):
            updateAward(e.awardID) {
                $0.status = .standstill
                $0.approvedBy = e.approvedBy
                $0.standstillEnd = e.standstillEnd
            }
        case .awardRejected(let e):
            updateAward(e.awardID) {
                $0.status = .rejected
                $0.rejectionReason = e.reason
            }
        case .standstillEnded(let e):
            for id in e.awardIDs { updateAward(id) { $0.status = .active } }
        case .lotUnsuccessful(let e):
            setLots([e.lotID], to: .unsuccessful)
        case .contractSigned(let e):
            contracts.append(e.contract)
            updateAward(e.contract.awardID) { $0.status = .contracted }
        case .cancelled(let e):
            cancellation = Cancellation(reason: e.reason, rationale: e.rationale, cancelledAt: e.at)
            setLots(lots.filter { $0.status == .active }.map(\.id), to: .cancelled)
            status = .cancelled
        case .embargoLifted(let e):
            embargoLiftedAt = e.at
        }
        settleAfterOpening()
        if status.isTerminal, endedAt == nil { endedAt = event.at }
    }

    private mutating func apply(notice: TenderEvent.Notice) {
        title = notice.title
        description = notice.description
        method = notice.method
        negotiationGround = notice.negotiationGround
        rationale = notice.rationale
        classification = notice.classification
        criteria = notice.criteria
        lots = notice.lots
        invitedSupplierIDs = notice.invitedSupplierIDs
    }

    private mutating func setLots(_ ids: [LotID], to status: Lot.Status) {
        for index in lots.indices where ids.contains(lots[index].id) { lots[index].status = status }
    }

    private mutating func updateAward(_ id: AwardID, _ change: (inout Award) -> Void) {
        if let index = awards.firstIndex(where: { $0.id == id }) { change(&awards[index]) }
    }

    /// After opening, the tender's status follows from its lots and their awards.
    private mutating func settleAfterOpening() {
        guard [.evaluation, .standstill, .awarded].contains(status) else { return }
        let open = lots.filter { $0.status == .active }
        let live = open.map { liveAward(for: $0.id) }
        if open.isEmpty {
            status = .unsuccessful
        } else if live.contains(where: { $0 == nil || $0?.status == .pending }) {
            status = .evaluation
        } else if live.contains(where: { $0?.status == .standstill }) {
            status = .standstill
        } else if live.contains(where: { $0?.status == .active }) {
            status = .awarded
        } else {
            status = .complete
        }
    }
}
