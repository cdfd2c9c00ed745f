import Procurement

/// One event of a tender's stream as publication needs it: the fact and the id its release will carry.
public struct TenderStreamEvent: Sendable {
    public let event: TenderEvent
    /// Unique within the process and stable: Quartermaster uses the event's index in the transparency log, so every
    /// release can be checked against the log.
    public let releaseID: String

    public init(event: TenderEvent, releaseID: String) {
        self.event = event
        self.releaseID = releaseID
    }
}
