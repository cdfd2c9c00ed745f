import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdOTP
import HummingbirdTesting
import Procurement

/// A minimal browser over the test client: keeps cookies, sends forms, and reads the CSRF token of the last page.
final class Browser: @unchecked Sendable {
    let client: any TestClientProtocol
    /// The time the authenticator app shows codes for.
    let clock: any TimeSource
    var cookies: [String: String] = [:]
    /// Sent with every request, e.g. `X-Forwarded-For` as a proxy would add it.
    var headers: HTTPFields = [:]
    private(set) var lastPage = ""

    init(_ client: any TestClientProtocol, clock: any TimeSource) {
        self.client = client
        self.clock = clock
    }

    struct Reply {
        let status: HTTPResponse.Status
        let location: String?
        let body: String
    }

    func get(_ path: String) async throws -> Reply {
        try await send(.get, path, body: nil)
    }

    /// Posts a form; `_csrf` is the token of the last page read unless given.
    func post(_ path: String, _ fields: [String: String], csrf: String? = nil) async throws -> Reply {
        var fields = fields
        if fields["_csrf"] == nil { fields["_csrf"] = csrf ?? csrfToken }
        let body = fields.map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }.joined(separator: "&")
        return try await send(.post, path, body: body)
    }

    var csrfToken: String {
        guard let match = lastPage.firstMatch(of: /name="_csrf" value="([^"]+)"/) else { return "" }
        return String(match.1)
    }

    /// Signs in with the password, then with the TOTP code when the account asks for one.
    func signIn(_ name: String, password: String, totpSecret: String?) async throws {
        _ = try await get("/sign-in")
        let reply = try await post("/sign-in", ["email": "\(name)@example.org", "password": password, "next": "/"])
        guard let totpSecret else { return }
        _ = try await get(reply.location ?? "/sign-in/code")
        _ = try await post("/sign-in/code", ["code": code(totpSecret), "next": "/"])
    }

    /// The code the authenticator app shows now.
    func code(_ secret: String) -> String { String(format: "%06d", TOTP(secret: secret).compute(date: clock.now)) }

    private func send(_ method: HTTPRequest.Method, _ path: String, body: String?) async throws -> Reply {
        var headers = self.headers
        headers[.acceptLanguage] = "en"
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        if body != nil { headers[.contentType] = "application/x-www-form-urlencoded" }
        let response = try await client.execute(
            uri: path,
            method: method,
            headers: headers,
            body: body.map { ByteBuffer(string: $0) }
        )
        for line in response.headers[values: .setCookie] {
            let pair = line.split(separator: ";")[0].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let (name, value) = (String(pair[0]), pair.count > 1 ? String(pair[1]) : "")
            if value.isEmpty || line.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
        let text = String(buffer: response.body)
        if response.headers[.contentType]?.hasPrefix("text/html") == true { lastPage = text }
        return Reply(status: response.status, location: response.headers[.location], body: text)
    }

    private static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }
}
