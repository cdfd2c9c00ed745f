import Foundation
import Hummingbird
import Procurement
import Storage

/// Who is at the browser: their language, their session if signed in, and the CSRF token their forms carry.
struct Visitor: Sendable {
    let language: Language
    let session: WebAccessStore.Session?
    let sessionHash: String?
    /// The request carried a session cookie whose session has ended (signed out, expired, or idle too long).
    let sessionEnded: Bool
    /// The anonymous double-submit token (cookie `qm_csrf`), minted when the request has none.
    let anonymousToken: String
    let mintedAnonymousToken: Bool

    static let sessionCookie = "qm_session"
    static let languageCookie = "qm_lang"
    static let csrfCookie = "qm_csrf"

    /// Signed in with every factor the account needs.
    var account: IdentityStore.Account? { session.flatMap { $0.secondFactor ? $0.account : nil } }

    var viewer: Viewer { account.map { Viewer(user: $0.user, organization: $0.organization) } ?? .anonymous }

    var actor: Actor? { account.map { .user($0.user, organizationKind: $0.organization.kind) } }

    /// Forms of a session carry its token; anonymous forms (sign-in, registration) the cookie's.
    var csrfToken: String { session?.csrfToken ?? anonymousToken }

    func has(_ role: Role) -> Bool { account?.user.roles.contains(role) ?? false }

    /// Staff of the buying organisation of `tender`, in any buyer role.
    func isBuyerStaff(of tender: Tender) -> Bool {
        guard let account, account.organization.id == tender.buyerID else { return false }
        return !account.user.roles.isDisjoint(with: [.buyerOfficer, .buyerApprover, .evaluator])
    }

    /// The posted form, refused unless it carries this visitor's CSRF token.
    func form(_ request: Request) async throws -> Form {
        let form = try await Form.read(request)
        guard Secrets.same(form["_csrf"], csrfToken) else { throw WebError.badCSRF }
        return form
    }
}

extension WebUI {
    func visitor(_ request: Request) async throws -> Visitor {
        let cookies = request.cookies
        let language = Language.negotiate(cookie: cookies[Visitor.languageCookie]?.value, acceptLanguage: request.headers[.acceptLanguage])
        var session: WebAccessStore.Session?
        var hash: String?
        let now = clock.now
        if let token = cookies[Visitor.sessionCookie]?.value, !token.isEmpty {
            hash = Secrets.sha256(token)
            session = try await access.session(tokenHash: hash!, at: now, activeSince: now - settings.idleTimeout)
            // Each request keeps the session alive; the time is written at most once a minute.
            if let session, now.timeIntervalSince(session.lastSeenAt) >= 60 { try await access.touchSession(tokenHash: hash!, at: now) }
        }
        let anonymous = cookies[Visitor.csrfCookie]?.value ?? ""
        return Visitor(
            language: language,
            session: session,
            sessionHash: session == nil ? nil : hash,
            sessionEnded: hash != nil && session == nil,
            anonymousToken: anonymous.isEmpty ? Secrets.token() : anonymous,
            mintedAnonymousToken: anonymous.isEmpty
        )
    }

    func cookie(_ name: String, _ value: String, maxAge: Int? = nil) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: settings.secureCookies, httpOnly: true, sameSite: .lax)
    }
}

/// Refusals of the web layer, each shown as a page.
enum WebError: Error {
    case signInRequired
    case secondFactorRequired
    case badCSRF
    case forbidden
    case notFound
    case tooManyAttempts
}
