import Foundation
import Hummingbird
import Procurement
import Storage

/// Password sign-in, the TOTP second factor officials must give, and sign-out. Every failed password or code counts
/// against the address tried and the client it came from.
extension WebUI {
    /// Officials sign in with a second factor; supplier representatives with a password alone.
    public static func needsSecondFactor(_ account: IdentityStore.Account) -> Bool {
        !account.user.roles.isDisjoint(with: [.buyerOfficer, .buyerApprover, .evaluator, .auditor, .administrator])
    }

    func signInPage(_ request: Request) async throws -> Response {
        try await guarded(request) { visitor in
            let t = pages.catalog(visitor.language)
            let ended = request.uri.queryParameters["ended"] == "1"
            return signInForm(
                visitor,
                request: request,
                next: Self.safeNext(request.uri.queryParameters["next"].map(String.init) ?? "/"),
                notice: ended ? t["sign_in_session_ended"] : nil
            )
        }
    }

    private func signInForm(
        _ visitor: Visitor,
        request: Request,
        next: String,
        email: String = "",
        notice: String? = nil,
        error: String? = nil,
        status: HTTPResponse.Status = .ok
    )
        -> Response
    {
        let t = pages.catalog(visitor.language)
        var data: [String: Any] = ["next": next, "email": email]
        if let notice { data["notice"] = notice }
        if let error { data["error"] = error }
        return page("sign-in", title: t["sign_in_title"], data: data, visitor: visitor, request: request, status: status)
    }

    func signIn(_ request: Request, client: String) async throws -> Response {
        try await guarded(request) { visitor in
            let form = try await visitor.form(request)
            let t = pages.catalog(visitor.language)
            let email = form["email"].lowercased()
            let next = Self.safeNext(form["next"])
            try await throttle(email: email, client: client)
            let account = try await identity.account(email: email)
            var credentials: WebAccessStore.Credentials?
            if let account { credentials = try await access.credentials(user: account.user.id) }
            // An unknown address costs the same bcrypt as a known one, so timing does not tell which exist.
            let matches = Secrets.verifyPassword(form["password"], hash: credentials?.passwordHash ?? decoyHash)
            guard let account, let credentials, matches else {
                try await recordFailure(email: email, client: client)
                return signInForm(visitor, request: request, next: next, email: email, error: t["sign_in_failed"], status: .unauthorized)
            }
            let needsCode = Self.needsSecondFactor(account)
            if let old = visitor.sessionHash { try await access.endSession(tokenHash: old) }
            let session = try await startSession(account.user.id, secondFactor: !needsCode)
            guard needsCode else {
                try await access.clearFailures(email: email)
                return redirect(next, cookies: [session])
            }
            let step = credentials.totpSecret == nil ? "enrol" : "code"
            return redirect("/sign-in/\(step)?next=\(Self.escaped(next))", cookies: [session])
        }
    }

    func codePage(_ request: Request) async throws -> Response {
        try await guarded(request) { visitor in
            guard let session = visitor.session else { throw WebError.signInRequired }
            let next = Self.safeNext(request.uri.queryParameters["next"].map(String.init) ?? "/")
            if try await access.credentials(user: session.account.user.id)?.totpSecret == nil {
                return redirect("/sign-in/enrol?next=\(Self.escaped(next))")
            }
            return codeForm(visitor, request: request, next: next)
        }
    }

    private func codeForm(_ visitor: Visitor, request: Request, next: String, error: String? = nil) -> Response {
        let t = pages.catalog(visitor.language)
        var data: [String: Any] = ["next": next]
        if let error { data["error"] = error }
        return page(
            "sign-in-code",
            title: t["code_title"],
            data: data,
            visitor: visitor,
            request: request,
            status: error == nil ? .ok : .unauthorized
        )
    }

    /// The second factor: a code of the user's secret for a time-step later than any accepted before, so a code seen
    /// over a shoulder or replayed from a captured request is refused even within its 30 seconds.
    func submitCode(_ request: Request, client: String) async throws -> Response {
        try await guarded(request) { visitor in
            guard let session = visitor.session, let hash = visitor.sessionHash else { throw WebError.signInRequired }
            let form = try await visitor.form(request)
            let t = pages.catalog(visitor.language)
            let email = session.account.email
            let next = Self.safeNext(form["next"])
            try await throttle(email: email, client: client)
            guard let secret = try await access.credentials(user: session.account.user.id)?.totpSecret else {
                return redirect("/sign-in/enrol?next=\(Self.escaped(next))")
            }
            guard let step = Secrets.totpStep(form["code"], secret: secret, at: clock.now) else {
                try await recordFailure(email: email, client: client)
                return codeForm(visitor, request: request, next: next, error: t["code_failed"])
            }
            guard try await access.acceptStep(user: session.account.user.id, secret: secret, step: step) else {
                try await recordFailure(email: email, client: client)
                return codeForm(visitor, request: request, next: next, error: t["code_reused"])
            }
            return try await completeSignIn(session, hash: hash, next: next)
        }
    }

    /// Both factors are given: a fresh token, so a token seen before the second factor is worth nothing.
    func completeSignIn(_ session: WebAccessStore.Session, hash: String, next: String) async throws -> Response {
        try await access.clearFailures(email: session.account.email)
        try await access.endSession(tokenHash: hash)
        return redirect(next, cookies: [try await startSession(session.account.user.id, secondFactor: true)])
    }

    func signOut(_ request: Request) async throws -> Response {
        try await guarded(request) { visitor in
            _ = try await visitor.form(request)
            if let hash = visitor.sessionHash { try await access.endSession(tokenHash: hash) }
            return redirect("/", cookies: [cookie(Visitor.sessionCookie, "", maxAge: 0)])
        }
    }

    /// Opens a session and returns its cookie; only the token's SHA-256 is stored. A session still waiting for its
    /// second factor lasts minutes, a full one hours (and ends sooner when idle).
    func startSession(_ user: UserID, secondFactor: Bool) async throws -> Cookie {
        let token = Secrets.token()
        let now = clock.now
        let lifetime = secondFactor ? settings.sessionLifetime : settings.secondFactorWindow
        try await access.createSession(
            tokenHash: Secrets.sha256(token),
            user: user,
            csrfToken: Secrets.token(),
            secondFactor: secondFactor,
            at: now,
            expiresAt: now + lifetime,
            idleBefore: now - settings.idleTimeout
        )
        return cookie(Visitor.sessionCookie, token, maxAge: Int(lifetime))
    }

    /// Refuses the attempt, before any password or code is checked, once the address or the client has failed too
    /// often within the window.
    func throttle(email: String, client: String) async throws {
        let since = clock.now - settings.failureWindow
        guard try await access.failures(email: email, since: since) < settings.maximumFailures,
            try await access.failures(client: client, since: since) < settings.maximumFailuresPerClient
        else { throw WebError.tooManyAttempts }
    }

    func recordFailure(email: String, client: String) async throws {
        let now = clock.now
        try await access.recordFailure(email: email, client: client, at: now, forgetBefore: now - settings.failureWindow)
    }
}
