import Foundation
import Procurement

extension DemoWorld {
    /// Every tender's story, against the seeding moment `now`.
    static func script(now: Date) throws -> [Story] {
        var script = Script(now: now)
        try dpaClosedTenders(&script)
        try dpaRunningTenders(&script)
        try dotTenders(&script)
        try unitTenders(&script)
        return script.stories
    }

    /// One command at one moment of the demo's past.
    struct Step: Sendable {
        enum Action: Sendable {
            case tender(TenderCommand, TenderID, Actor)
            case bid(BidCommand, BidID, TenderID, Actor)
        }

        let at: Date
        let action: Action

        var summary: String {
            switch action {
            case .tender(let command, let tender, let actor):
                return "\(command.name) on \(tender) by \(actor.key)"
            case .bid(let command, let bid, let tender, let actor):
                let name =
                    switch command {
                    case .submit: "submit"
                    case .replace: "replace"
                    case .withdraw: "withdraw"
                    case .confirm: "confirm"
                    }
                return "\(name) of \(bid) on \(tender) by \(actor.key)"
            }
        }
    }

    /// A price offered for one lot (and, under life-cycle costing, the declared ownership cost), as decimal text in
    /// the lot's currency.
    struct Offer {
        let lot: String
        let price: String
        let ownershipCost: String?

        static func price(_ price: String, ownership: String? = nil) -> Offer { Offer(lot: "lot-1", price: price, ownershipCost: ownership) }
        static func lot(_ lot: String, _ price: String) -> Offer { Offer(lot: lot, price: price, ownershipCost: nil) }
    }

    /// All stories, in the order they are told, against one seeding moment.
    struct Script {
        let now: Date
        private(set) var stories: [Story] = []

        mutating func tender(_ id: String, by buyer: Buyer, _ notice: TenderEvent.Notice, _ tell: (inout Story) throws -> Void) throws {
            var story = Story(id: TenderID(id), buyer: buyer, notice: notice, now: now)
            try tell(&story)
            stories.append(story)
        }
    }

    /// One tender's history, told as a timeline in days relative to the seeding moment (`-30`: thirty days ago).
    /// Each command happens at the story's cursor, which then moves on by `pace`; `on:` moves it forward to a day.
    /// Ids follow the tender's number: `bid-07-a`, `q-07-1`, `award-07-1`, `contract-07-1`.
    struct Story {
        let id: TenderID
        let buyer: Buyer
        private var notice: TenderEvent.Notice
        private(set) var steps: [Step] = []
        private let now: Date
        private let number: String
        private var cursor: Date
        private var publishedAt: Date?
        /// The end of the period currently running (candidates or bids).
        private var deadline: Date?
        private var bids: [String: (id: BidID, supplier: Person)] = [:]
        private var awardLots: [AwardID: String] = [:]
        /// Ends of the standstills approved and not yet ended.
        private var standstills: [Date] = []
        private var questions = 0
        private var contracts = 0

        /// Time between consecutive commands of one story when no day is given.
        static let pace: TimeInterval = 25 * 60
        /// The first day a story may act on; day -90 is the registration of the parties.
        static let firstDay = -89.0

        init(id: TenderID, buyer: Buyer, notice: TenderEvent.Notice, now: Date) {
            self.id = id
            self.buyer = buyer
            self.notice = notice
            self.now = now
            number = String(id.rawValue.dropFirst("tender-".count))
            cursor = now + Self.firstDay * DemoWorld.day
        }

        // MARK: Notice and periods

        mutating func create(on day: Double) throws {
            try record(.create(id: id, notice: notice), by: buyer.officer, on: day)
        }

        /// Changes the draft; before publication nobody but the buyer sees it.
        mutating func reviseDraft(on day: Double? = nil, _ change: (inout TenderEvent.Notice) throws -> Void) throws {
            try change(&notice)
            try record(.amend(notice: notice, tenderPeriodEnd: nil), by: buyer.officer, on: day)
        }

        /// Publishes with the bid deadline (open, negotiated) or the candidate deadline (restricted) on day `deadline`.
        mutating func publish(on day: Double? = nil, deadline: Double) throws {
            let end = date(deadline)
            let command: TenderCommand =
                notice.method == .restricted
                ? .publish(candidatePeriodEnd: end, tenderPeriodEnd: nil) : .publish(candidatePeriodEnd: nil, tenderPeriodEnd: end)
            publishedAt = try record(command, by: buyer.officer, on: day)
            self.deadline = end
        }

        /// Changes the published notice and moves the deadline; every bid must then be confirmed again.
        mutating func amend(on day: Double? = nil, deadline newDeadline: Double, _ change: (inout TenderEvent.Notice) throws -> Void) throws {
            try change(&notice)
            let end = date(newDeadline)
            try record(.amend(notice: notice, tenderPeriodEnd: end), by: buyer.officer, on: day)
            deadline = end
        }

        /// The scheduler closes the running period at its deadline.
        mutating func deadlinePasses() throws {
            guard let deadline else { throw ScriptError(description: "\(id): no period is running") }
            cursor = max(cursor, deadline)
            try record(.closePeriod, actor: .system)
        }

        mutating func cancel(_ reason: CancellationReason, _ rationale: String, on day: Double? = nil) throws {
            try record(.cancel(reason: reason, rationale: rationale), by: buyer.approver, on: day)
        }

        // MARK: Clarifications and candidates

        @discardableResult
        mutating func ask(_ text: String, by supplier: Person, on day: Double? = nil) throws -> QuestionID {
            questions += 1
            let question = QuestionID("q-\(number)-\(questions)")
            try record(.askQuestion(id: question, text: text), by: supplier, on: day)
            return question
        }

        mutating func answer(_ question: QuestionID, _ text: String, on day: Double? = nil) throws {
            try record(.answerQuestion(id: question, answer: text), by: buyer.officer, on: day)
        }

        mutating func apply(_ supplier: Person, on day: Double? = nil) throws {
            try record(.applyAsCandidate, by: supplier, on: day)
        }

        mutating func qualifyCandidate(_ supplier: Person, on day: Double? = nil) throws {
            try record(.decideCandidate(supplierID: supplier.organizationID, qualified: true, reasonCode: nil), by: buyer.evaluator, on: day)
        }

        mutating func rejectCandidate(_ supplier: Person, _ reason: DisqualificationReason, on day: Double? = nil) throws {
            try record(
                .decideCandidate(supplierID: supplier.organizationID, qualified: false, reasonCode: reason.rawValue),
                by: buyer.evaluator,
                on: day
            )
        }

        /// Restricted: invites the qualified candidates to bid by day `deadline`.
        mutating func invite(on day: Double? = nil, deadline: Double) throws {
            let end = date(deadline)
            try record(.inviteTenders(tenderPeriodEnd: end), by: buyer.officer, on: day)
            self.deadline = end
        }

        // MARK: Bids

        mutating func bid(_ letter: String, by supplier: Person, on day: Double? = nil, _ offers: Offer...) throws {
            let bid = BidID("bid-\(number)-\(letter)")
            bids[letter] = (bid, supplier)
            try record(.submit(id: bid, tenderID: id, lots: try lotBids(offers)), bid: letter, on: day)
        }

        mutating func replace(_ letter: String, on day: Double? = nil, _ offers: Offer...) throws {
            try record(.replace(lots: try lotBids(offers)), bid: letter, on: day)
        }

        mutating func withdraw(_ letter: String, on day: Double? = nil) throws {
            try record(.withdraw, bid: letter, on: day)
        }

        /// Confirms the bid against the amended notice.
        mutating func confirm(_ letter: String, on day: Double? = nil) throws {
            try record(.confirm, bid: letter, on: day)
        }

        // MARK: Opening, evaluation, award, contract

        mutating func openBids(on day: Double? = nil) throws {
            try record(.openBids, by: buyer.officer, on: day)
        }

        /// Qualifies a bid; best-value procedures score every quality criterion 0–100.
        mutating func qualify(_ letter: String, scores: [String: Int] = [:], bySecondEvaluator: Bool = false, on day: Double? = nil) throws {
            let evaluator = bySecondEvaluator ? buyer.secondEvaluator : buyer.evaluator
            try record(.decideBid(bidID: try bidID(letter), outcome: .qualified, reason: nil, rationale: nil, scores: scores), by: evaluator, on: day)
        }

        mutating func disqualify(_ letter: String, _ reason: DisqualificationReason, _ rationale: String, on day: Double? = nil) throws {
            let command = TenderCommand.decideBid(bidID: try bidID(letter), outcome: .disqualified, reason: reason, rationale: rationale, scores: [:])
            try record(command, by: buyer.evaluator, on: day)
        }

        /// The evaluator proposes the best-ranked qualified bid of the lot; returns the award's id.
        mutating func proposeAward(lot: String = "lot-1", on day: Double? = nil) throws -> AwardID {
            let award = AwardID("award-\(number)-\(awardLots.count + 1)")
            awardLots[award] = lot
            try record(.proposeAward(lotID: LotID(lot), awardID: award), by: buyer.evaluator, on: day)
            return award
        }

        /// The approver approves; the standstill runs for the days the procedure's rules set.
        mutating func approve(_ award: AwardID, on day: Double? = nil) throws {
            let at = try record(.approveAward(awardID: award), by: buyer.approver, on: day)
            guard let publishedAt else { throw ScriptError(description: "\(id): approving an award of an unpublished tender") }
            let rules = try RuleBook.standard.rules(for: notice.method, on: publishedAt)
            standstills.append(at + Double(rules.standstillDays) * DemoWorld.day)
        }

        mutating func reject(_ award: AwardID, _ reason: String, on day: Double? = nil) throws {
            try record(.rejectAward(awardID: award, reason: reason), by: buyer.approver, on: day)
        }

        /// The scheduler ends the standstills once the last of them is over.
        mutating func standstillPasses() throws {
            guard let end = standstills.max() else { throw ScriptError(description: "\(id): no standstill is running") }
            cursor = max(cursor, end)
            standstills = []
            try record(.endStandstill, actor: .system)
        }

        mutating func declareUnsuccessful(lot: String = "lot-1", _ reason: String, on day: Double? = nil) throws {
            try record(.declareLotUnsuccessful(lotID: LotID(lot), reason: reason), by: buyer.officer, on: day)
        }

        /// Signs the contract for the award, at the awarded value unless `value` is given.
        mutating func sign(_ award: AwardID, value: String? = nil, on day: Double? = nil) throws {
            contracts += 1
            let amount = try value.map { try Money(parsing: $0, try currency(of: awardLots[award] ?? "")) }
            try record(
                .signContract(awardID: award, contractID: ContractID("contract-\(number)-\(contracts)"), value: amount),
                by: buyer.approver,
                on: day
            )
        }

        // MARK: Recording

        /// The moment of a day relative to the seeding moment; deadlines may lie in the future.
        private func date(_ day: Double) -> Date { now + day * DemoWorld.day }

        @discardableResult
        private mutating func record(_ command: TenderCommand, by person: Person, on day: Double? = nil) throws -> Date {
            try record(.tender(command, id, person.actor), on: day)
        }

        private mutating func record(_ command: TenderCommand, actor: Actor) throws {
            try record(.tender(command, id, actor), on: nil)
        }

        private mutating func record(_ command: BidCommand, bid letter: String, on day: Double?) throws {
            guard let bid = bids[letter] else { throw ScriptError(description: "\(id): no bid \(letter)") }
            try record(.bid(command, bid.id, id, bid.supplier.actor), on: day)
        }

        /// Appends a step at the cursor (moved to `day` if given) and moves the cursor on. Time only moves forward,
        /// never before the first day nor past the seeding moment.
        @discardableResult
        private mutating func record(_ action: Step.Action, on day: Double?) throws -> Date {
            if let day {
                guard day >= Self.firstDay, date(day) >= cursor else {
                    throw ScriptError(description: "\(id): day \(day) lies before the story's previous step or before day \(Self.firstDay)")
                }
                cursor = date(day)
            }
            guard cursor <= now else {
                throw ScriptError(description: "\(id): a step at \(Timestamp.format(cursor)) would lie after the seeding moment")
            }
            let step = Step(at: cursor, action: action)
            steps.append(step)
            cursor += Self.pace
            return step.at
        }

        private func bidID(_ letter: String) throws -> BidID {
            guard let bid = bids[letter] else { throw ScriptError(description: "\(id): no bid \(letter)") }
            return bid.id
        }

        private func currency(of lot: String) throws -> Currency {
            guard let lot = notice.lots.first(where: { $0.id.rawValue == lot }) else { throw ScriptError(description: "\(id): no lot \(lot)") }
            return lot.value.currency
        }

        private func lotBids(_ offers: [Offer]) throws -> [LotBid] {
            try offers.map { offer in
                let currency = try currency(of: offer.lot)
                return LotBid(
                    lotID: LotID(offer.lot),
                    price: try Money(parsing: offer.price, currency),
                    ownershipCost: try offer.ownershipCost.map { try Money(parsing: $0, currency) }
                )
            }
        }
    }

    // MARK: Notice building blocks

    static func lot(_ id: String, _ title: String, _ value: String, _ currency: Currency, _ items: Item...) throws -> Lot {
        Lot(id: LotID(id), title: title, value: try Money(parsing: value, currency), items: items)
    }

    /// A line item; its CPV code (and NSN, for codified items) must pass validation.
    static func item(
        _ id: String,
        _ description: String,
        cpv: String,
        nsn: String? = nil,
        _ quantity: Int,
        _ unit: UnitOfMeasure,
        to location: String? = nil
    ) throws -> Item {
        Item(
            id: ItemID("item-\(id)"),
            description: description,
            cpv: try CPVCode(cpv),
            nsn: try nsn.map { try NSN($0) },
            quantity: quantity,
            unit: unit,
            deliveryLocation: location
        )
    }

    /// Best value: price weight first, then `(id, title, weight)` per quality criterion.
    static func bestValue(price: Int, _ quality: (String, String, Int)...) -> AwardCriteria {
        .bestValue(priceWeight: price, quality: quality.map { AwardCriteria.QualityCriterion(id: $0.0, title: $0.1, weight: $0.2) })
    }
}
