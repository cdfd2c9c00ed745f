import Foundation

/// How the web UI runs: cookie flags, session lifetimes, password cost and sign-in throttling.
public struct WebSettings: Sendable {
    /// Cookies carry `Secure`; browsers accept it on https and on http://127.0.0.1 and localhost.
    public var secureCookies = true
    /// Sessions end this long after sign-in (wall-clock time, whatever the platform clock's rate).
    public var sessionLifetime: TimeInterval = 8 * 3600
    /// … or this long after their last request, whichever comes first.
    public var idleTimeout: TimeInterval = 30 * 60
    /// A session waiting for its second factor (or for enrolment in one) lasts this long.
    public var secondFactorWindow: TimeInterval = 300
    public var bcryptCost: UInt8 = 12
    /// Failed sign-ins (password or code) allowed per email address within `failureWindow`.
    public var maximumFailures = 5
    /// Failed sign-ins allowed per client (IPv4 address, IPv6 /64 network) within `failureWindow`, whatever the
    /// addresses tried: higher than per address, as an office may sign in from behind one address.
    public var maximumFailuresPerClient = 20
    public var failureWindow: TimeInterval = 15 * 60
    /// Addresses of reverse proxies whose `X-Forwarded-For` is believed; requests from anywhere else are counted by
    /// their own address.
    public var trustedProxies: [String] = []

    public init() {}
}
