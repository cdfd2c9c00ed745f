import Foundation

/// How the web UI runs: cookie flags, session lifetime, password cost and sign-in throttling.
public struct WebSettings: Sendable {
    /// Cookies carry `Secure`; browsers accept it on https and on http://127.0.0.1 and localhost.
    public var secureCookies = true
    /// Sessions end this long after sign-in (wall-clock time, whatever the platform clock's rate).
    public var sessionLifetime: TimeInterval = 8 * 3600
    /// A session waiting for its second factor lasts this long.
    public var secondFactorWindow: TimeInterval = 300
    public var bcryptCost: UInt8 = 12
    /// Failed sign-ins (password or code) allowed per email address within `failureWindow`.
    public var maximumFailures = 5
    public var failureWindow: TimeInterval = 15 * 60

    public init() {}
}
