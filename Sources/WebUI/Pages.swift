import Foundation
import HTTPTypes
import Hummingbird
import Mustache
import Procurement
import Storage

/// The templates (`Templates/*.mustache`) and catalogues, loaded once. Every page gets the catalogue as `t`, the
/// language, the signed-in user and the CSRF token.
struct Pages: Sendable {
    let library: MustacheLibrary
    let catalogs: [Language: Catalog]

    static func load() async throws -> Pages {
        guard let directory = Bundle.module.url(forResource: "Templates", withExtension: nil) else { throw CocoaError(.fileNoSuchFile) }
        let library = try await MustacheLibrary(directory: directory.path)
        var catalogs: [Language: Catalog] = [:]
        for language in Language.allCases { catalogs[language] = try Catalog.load(language) }
        return Pages(library: library, catalogs: catalogs)
    }

    func catalog(_ language: Language) -> Catalog { catalogs[language]! }

    func render(_ template: String, title: String, data: [String: Any], for visitor: Visitor, path: String) -> String {
        let t = catalog(visitor.language)
        var context = data
        context["t"] = t.messages
        context["title"] = title
        context["lang"] = visitor.language.rawValue
        context["csrf"] = visitor.csrfToken
        context["path"] = path
        context["other_language"] = visitor.language == .uk ? "en" : "uk"
        context["other_language_name"] = t["language_other"]
        if let account = visitor.account {
            context["user"] =
                [
                    "name": account.user.name,
                    "organization": account.organization.name,
                    "supplier": account.organization.kind == .supplier,
                    "buyer": account.organization.kind.canBuy && account.user.roles.contains(.buyerOfficer),
                ] as [String: Any]
        }
        return library.render(context, withTemplate: template) ?? ""
    }
}

extension WebUI {
    func page(
        _ template: String,
        title: String,
        data: [String: Any],
        visitor: Visitor,
        request: Request,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        let html = pages.render(template, title: title, data: data, for: visitor, path: request.uri.path)
        var response = Response(
            status: status,
            headers: [
                .contentType: "text/html; charset=utf-8",
                .cacheControl: "no-store",
                .init("Content-Security-Policy")!: "default-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'",
                .init("X-Content-Type-Options")!: "nosniff",
                .init("Referrer-Policy")!: "same-origin",
            ],
            body: .init(byteBuffer: ByteBuffer(string: html))
        )
        if visitor.mintedAnonymousToken { response.setCookie(cookie(Visitor.csrfCookie, visitor.anonymousToken)) }
        return response
    }

    func redirect(_ location: String, cookies: [Cookie] = []) -> Response {
        var response = Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
        for cookie in cookies { response.setCookie(cookie) }
        return response
    }

    /// Runs a page or action, turning refusals into pages (sign-in redirects, 403, 404, 429), and reports the time
    /// spent in `Server-Timing`.
    func guarded(_ request: Request, _ body: (Visitor) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        var response = try await respond(request, body)
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        response.headers[.serverTiming] = String(format: "app;dur=%.1f", milliseconds)
        return response
    }

    private func respond(_ request: Request, _ body: (Visitor) async throws -> Response) async throws -> Response {
        let visitor = try await visitor(request)
        let t = pages.catalog(visitor.language)
        do {
            if let session = visitor.session, !session.secondFactor, !request.uri.path.hasPrefix("/sign-") {
                throw WebError.secondFactorRequired
            }
            return try await body(visitor)
        } catch WebError.signInRequired {
            // A session that ended (idle, expired) says so on the sign-in page, and its dead cookie is dropped.
            guard visitor.sessionEnded else { return redirect("/sign-in?next=\(Self.escapedNext(request))") }
            return redirect("/sign-in?ended=1&next=\(Self.escapedNext(request))", cookies: [cookie(Visitor.sessionCookie, "", maxAge: 0)])
        } catch WebError.secondFactorRequired {
            return redirect("/sign-in/code")
        } catch let error as WebError {
            let (status, key): (HTTPResponse.Status, String) =
                switch error {
                case .badCSRF: (.forbidden, "error_csrf")
                case .forbidden: (.forbidden, "error_forbidden")
                case .tooManyAttempts: (.tooManyRequests, "error_too_many")
                default: (.notFound, "error_not_found")
                }
            return page("error", title: t[key], data: ["message": t[key]], visitor: visitor, request: request, status: status)
        } catch let error as DomainError where error.kind == .notFound {
            return page(
                "error",
                title: t["error_not_found"],
                data: ["message": t["error_not_found"]],
                visitor: visitor,
                request: request,
                status: .notFound
            )
        }
    }

    static func escapedNext(_ request: Request) -> String {
        escaped(request.uri.path + (request.uri.query.map { "?\($0)" } ?? ""))
    }

    /// A return path as a query parameter value.
    static func escaped(_ next: String) -> String { next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/" }

    /// A local path to return to after signing in; anything else goes home.
    static func safeNext(_ next: String) -> String {
        next.hasPrefix("/") && !next.hasPrefix("//") && !next.contains("\\") ? next : "/"
    }
}

extension HTTPField.Name {
    static let serverTiming = Self("Server-Timing")!
    static let forwardedFor = Self("X-Forwarded-For")!
}
