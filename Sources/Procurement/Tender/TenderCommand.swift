import Foundation

/// Everything a user (or the scheduler) can ask of a tender. New ids are chosen by the caller, so deciding stays pure.
public enum TenderCommand: Hashable, Sendable {
    case create(id: TenderID, notice: TenderEvent.Notice)
    /// Replaces the notice. Before publication anything may change; after it, method, criteria and classification are fixed.
    case amend(notice: TenderEvent.Notice, tenderPeriodEnd: Date?)
    case publish(candidatePeriodEnd: Date?, tenderPeriodEnd: Date?)
    case askQuestion(id: QuestionID, text: String)
    case answerQuestion(id: QuestionID, answer: String)
    case applyAsCandidate
    case decideCandidate(supplierID: OrganizationID, qualified: Bool, reasonCode: String?)
    case inviteTenders(tenderPeriodEnd: Date)
    /// Scheduler: closes the candidate or bid period once its deadline has passed.
    case closePeriod
    case openBids
    case decideBid(bidID: BidID, outcome: BidDecision.Outcome, reason: DisqualificationReason?, rationale: String?, scores: [String: Int])
    case proposeAward(lotID: LotID, awardID: AwardID)
    case approveAward(awardID: AwardID)
    case rejectAward(awardID: AwardID, reason: String)
    /// Scheduler: ends every standstill whose end has passed.
    case endStandstill
    case declareLotUnsuccessful(lotID: LotID, reason: String)
    case signContract(awardID: AwardID, contractID: ContractID, value: Money?)
    case cancel(reason: CancellationReason, rationale: String)
    /// Scheduler: publishes the withheld fields once the publication policy's embargo has ended.
    case liftEmbargo

    /// Whether deciding needs the tender's bids (from the deadline on); other commands are decided without loading them.
    public var consultsBids: Bool {
        switch self {
        case .closePeriod, .openBids, .decideBid, .proposeAward, .approveAward: true
        default: false
        }
    }

    /// A stable name for logs, errors and idempotency fingerprints.
    public var name: String {
        switch self {
        case .create: "create"
        case .amend: "amend"
        case .publish: "publish"
        case .askQuestion: "ask-question"
        case .answerQuestion: "answer-question"
        case .applyAsCandidate: "apply-as-candidate"
        case .decideCandidate: "decide-candidate"
        case .inviteTenders: "invite-tenders"
        case .closePeriod: "close-period"
        case .openBids: "open-bids"
        case .decideBid: "decide-bid"
        case .proposeAward: "propose-award"
        case .approveAward: "approve-award"
        case .rejectAward: "reject-award"
        case .endStandstill: "end-standstill"
        case .declareLotUnsuccessful: "declare-lot-unsuccessful"
        case .signContract: "sign-contract"
        case .cancel: "cancel"
        case .liftEmbargo: "lift-embargo"
        }
    }
}

/// What deciding a tender command needs besides the tender: the time, who asks, the rules and, from the deadline
/// on, the bids.
public struct TenderContext: Sendable {
    public let now: Date
    public let actor: Actor
    public let ruleBook: RuleBook
    /// The tender's bids; consulted only once bidding has closed.
    public let bids: [Bid]

    public init(now: Date, actor: Actor, ruleBook: RuleBook = .standard, bids: [Bid] = []) {
        self.now = now
        self.actor = actor
        self.ruleBook = ruleBook
        self.bids = bids
    }
}
