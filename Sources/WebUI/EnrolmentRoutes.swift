import Foundation
import Hummingbird
import Procurement
import Storage

/// Second-factor enrolment: an official signed in with a password but without a TOTP secret (new, or asked to
/// re-enrol) is shown a new secret, as base32 and as an `otpauth://` link and QR code, and it becomes active only when
/// a code from it is confirmed. Only the session's own account enrols, and only while it waits for its second
/// factor: no one can reach another user's enrolment, nor replace an active secret with a password alone.
extension WebUI {
    func enrolmentPage(_ request: Request) async throws -> Response {
        try await guarded(request) { visitor in
            let session = try enrollingSession(visitor)
            let next = Self.safeNext(request.uri.queryParameters["next"].map(String.init) ?? "/")
            guard let secret = try await access.beginEnrolment(user: session.account.user.id, candidate: Secrets.totpSecret(), at: clock.now)
            else { return redirect("/sign-in/code?next=\(Self.escaped(next))") }
            return enrolmentForm(visitor, request: request, secret: secret, account: session.account.email, next: next)
        }
    }

    func confirmEnrolment(_ request: Request, client: String) async throws -> Response {
        try await guarded(request) { visitor in
            let session = try enrollingSession(visitor)
            guard let hash = visitor.sessionHash else { throw WebError.signInRequired }
            let form = try await visitor.form(request)
            let user = session.account.user.id
            let next = Self.safeNext(form["next"])
            try await throttle(email: session.account.email, client: client)
            guard let credentials = try await access.credentials(user: user), credentials.totpSecret == nil, let secret = credentials.pendingSecret
            else { return redirect("/sign-in/code?next=\(Self.escaped(next))") }
            guard let step = Secrets.totpStep(form["code"], secret: secret, at: clock.now) else {
                try await recordFailure(email: session.account.email, client: client)
                let error = pages.catalog(visitor.language)["code_failed"]
                return enrolmentForm(visitor, request: request, secret: secret, account: session.account.email, next: next, error: error)
            }
            guard try await access.confirmEnrolment(user: user, secret: secret, step: step, at: clock.now) else {
                return redirect("/sign-in/code?next=\(Self.escaped(next))")
            }
            return try await completeSignIn(session, hash: hash, next: next)
        }
    }

    /// The visitor's session, if it is an official's still waiting for the second factor.
    private func enrollingSession(_ visitor: Visitor) throws -> WebAccessStore.Session {
        guard let session = visitor.session else { throw WebError.signInRequired }
        guard !session.secondFactor, Self.needsSecondFactor(session.account) else { throw WebError.forbidden }
        return session
    }

    private func enrolmentForm(
        _ visitor: Visitor,
        request: Request,
        secret: String,
        account: String,
        next: String,
        error: String? = nil
    ) -> Response {
        let t = pages.catalog(visitor.language)
        let base32 = Secrets.base32(secret)
        let url = Secrets.authenticatorURL(secret: secret, account: account)
        var data: [String: Any] = [
            "next": next, "account": account, "url": url, "secret": base32, "qr": QRCode(url)?.svg() ?? "",
            // Groups of four, as authenticator apps show and accept them when typed.
            "secret_grouped": stride(from: 0, to: base32.count, by: 4).map { String(base32.dropFirst($0).prefix(4)) }.joined(separator: " "),
        ]
        if let error { data["error"] = error }
        return page("enrol", title: t["enrol_title"], data: data, visitor: visitor, request: request, status: error == nil ? .ok : .unauthorized)
    }
}
