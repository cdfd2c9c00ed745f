import Foundation
import Hummingbird
import Procurement
import Storage

/// Password sign-in, the TOTP second factor officials must give, and sign-out.
extension WebUI {
    /// Officials sign in with a second factor; supplier representatives with a password alone.
    public static func needsSecondFactor(_ account: IdentityStore.Account) -> Bool {
        !account.user.roles.isDisjoint(with: [.buyerOfficer, .buyerApprover, .evaluator, .auditor, .administrator])
    }

    func signInPage(_ request: Request) async throws -> Response {
        try await guarded(request) { visitor in
            signInForm(visitor, request: request, next: Self.safeNext(request.uri.queryParameters["next"].map(String.init) ?? "/"))
        }
    }

    private func signInForm(
        _ visitor: Visitor,
        request: Request,
        next: String,
        email: String = "",
        error: String? = nil,
        status: HTTPResponse.Status = .ok
    )
        -> Response
    {
        let t = pages.catalog(visitor.language)
        var data: [String: Any] = ["next": next, "email": email]
        if let error { data["error"] = error }
        return page("sign-in", title: t["sign_in_title"], data: data, visitor: visitor, request: request, status: status)
    }

    func signIn(_ request: Request) async throws -> Response {
        try await guarded(request) { visitor in
            let form = try await visitor.form(request)
            let t = pages.catalog(visitor.language)
            let email = form["email"].lowercased()
            let next = Self.safeNext(form["next"])
            try await throttle(email)
            let account = try await identity.account(email: email)
            var credentials: WebAccessStore.Credentials?
            if let account { credentials = try await access.credentials(user: account.user.id) }
            // An unknown address costs the same bcrypt as a known one, so timing does not tell which exist.
            let matches = Secrets.verifyPassword(form["password"], hash: credentials?.passwordHash ?? decoyHash)
            guard let account, let credentials, matches else {
                try await access.recordFailure(email: email, at: Date())
                return signInForm(visitor, request: request, next: next, email: email, error: t["sign_in_failed"], status: .unauthorized)
            }
            let needsCode = Self.needsSecondFactor(account)
            if needsCode, credentials.totpSecret == nil {
                return signInForm(visitor, request: request, next: next, email: email, error: t["sign_in_no_second_factor"], status: .forbidden)
            }
            if let old = visitor.sessionHash { try await access.endSession(tokenHash: old) }
            let session = try await startSession(account.user.id, secondFactor: !needsCode)
            if !needsCode { try await access.clearFailures(email: email) }
            let location = needsCode ? "/sign-in/code?next=\(next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/")" : next
            return redirect(location, cookies: [session])
        }
    }

    func codePage(_ request: Request) async throws -> Response {
        try await guarded(request) { visitor in
            guard visitor.session != nil else { throw WebError.signInRequired }
            let t = pages.catalog(visitor.language)
            let next = Self.safeNext(request.uri.queryParameters["next"].map(String.init) ?? "/")
            return page("sign-in-code", title: t["code_title"], data: ["next": next], visitor: visitor, request: request)
        }
    }

    func submitCode(_ request: Request) async throws -> Response {
        try await guarded(request) { visitor in
            guard let session = visitor.session, let hash = visitor.sessionHash else { throw WebError.signInRequired }
            let form = try await visitor.form(request)
            let t = pages.catalog(visitor.language)
            let email = session.account.email
            let next = Self.safeNext(form["next"])
            try await throttle(email)
            guard let secret = try await access.credentials(user: session.account.user.id)?.totpSecret,
                Secrets.verifyTOTP(form["code"], secret: secret, at: Date())
            else {
                try await access.recordFailure(email: email, at: Date())
                return page(
                    "sign-in-code",
                    title: t["code_title"],
                    data: ["next": next, "error": t["code_failed"]],
                    visitor: visitor,
                    request: request,
                    status: .unauthorized
                )
            }
            try await access.clearFailures(email: email)
            // A fresh token once both factors are given, so a token seen before the second factor is worth nothing.
            try await access.endSession(tokenHash: hash)
            return redirect(next, cookies: [try await startSession(session.account.user.id, secondFactor: true)])
        }
    }

    func signOut(_ request: Request) async throws -> Response {
        try await guarded(request) { visitor in
            _ = try await visitor.form(request)
            if let hash = visitor.sessionHash { try await access.endSession(tokenHash: hash) }
            return redirect("/", cookies: [cookie(Visitor.sessionCookie, "", maxAge: 0)])
        }
    }

    /// Opens a session and returns its cookie; only the token's SHA-256 is stored. A session still waiting for its
    /// second factor lasts minutes, a full one hours.
    func startSession(_ user: UserID, secondFactor: Bool) async throws -> Cookie {
        let token = Secrets.token()
        let now = Date()
        let lifetime = secondFactor ? settings.sessionLifetime : settings.secondFactorWindow
        try await access.createSession(
            tokenHash: Secrets.sha256(token),
            user: user,
            csrfToken: Secrets.token(),
            secondFactor: secondFactor,
            at: now,
            expiresAt: now + lifetime
        )
        return cookie(Visitor.sessionCookie, token, maxAge: Int(lifetime))
    }

    private func throttle(_ email: String) async throws {
        let recent = try await access.failures(email: email, since: Date() - settings.failureWindow)
        guard recent < settings.maximumFailures else { throw WebError.tooManyAttempts }
    }
}
