import Foundation
import Synchronization

/// Where every rule reads the time from. Injected, so tests and sandboxes control it.
public protocol TimeSource: Sendable {
    var now: Date { get }
    /// Simulated seconds per real second: 1 in production, e.g. 1440 in a sandbox (a day passes in a minute).
    var rate: Double { get }
}

public struct SystemTime: TimeSource {
    public init() {}
    public var now: Date { Date() }
    public var rate: Double { 1 }
}

/// A clock that reads `start` at the real instant `realStart` and runs `rate` times faster.
public struct SandboxTime: TimeSource {
    public let rate: Double
    private let realStart: Date
    private let simulatedStart: Date

    public init(rate: Double, start: Date = Date(), realStart: Date = Date()) {
        self.rate = rate
        self.realStart = realStart
        simulatedStart = start
    }

    public var now: Date { simulatedStart + Date().timeIntervalSince(realStart) * rate }
}

/// A clock that moves only when told to.
public final class ManualTime: TimeSource {
    private let current: Mutex<Date>

    public init(_ start: Date) { current = Mutex(start) }

    public var now: Date { current.withLock { $0 } }
    public var rate: Double { 1 }

    public func advance(by interval: TimeInterval) { current.withLock { $0 += interval } }
    public func set(_ date: Date) { current.withLock { $0 = date } }
}
