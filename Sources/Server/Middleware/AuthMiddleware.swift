import Crypto
import Foundation
import Hummingbird
import Storage

/// Resolves `Authorization: Bearer <token>` to an account. No header: anonymous. A bad token: 401, never anonymous.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = AppContext
    let identity: IdentityStore

    func handle(_ request: Request, context: AppContext, next: (Request, AppContext) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization] else {
            // Every change needs a signed-in user: refuse before any body is read.
            guard [.get, .head].contains(request.method) else { throw Problem.unauthenticated }
            return try await next(request, context)
        }
        guard header.hasPrefix("Bearer "), case let token = String(header.dropFirst(7)), !token.isEmpty,
            let account = try await identity.account(tokenHash: APIToken.hash(token))
        else {
            throw Problem(status: .unauthorized, code: "invalid-token", detail: "the bearer token is unknown or revoked")
        }
        var context = context
        context.account = account
        return try await next(request, context)
    }
}

/// API tokens: 32 random bytes shown once; only their SHA-256 is stored.
public enum APIToken {
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return "qm_"
            + Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    public static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
