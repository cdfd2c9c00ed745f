import Hummingbird
import Logging
import Procurement

/// Turns every error into a problem response; internals never reach the client.
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = AppContext

    func handle(_ request: Request, context: AppContext, next: (Request, AppContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let problem as Problem {
            return try problem.response(from: request, context: context)
        } catch let error as DomainError {
            return try Problem(error).response(from: request, context: context)
        } catch let error as HTTPError {
            let code =
                switch error.status {
                case .notFound: "route-not-found"
                case .methodNotAllowed: "method-not-allowed"
                case .contentTooLarge: "body-too-large"
                default: "http-\(error.status.code)"
                }
            let detail =
                error.body ?? (error.status == .notFound ? "no such endpoint: \(request.method) \(request.uri.path)" : error.status.reasonPhrase)
            return try Problem(status: error.status, code: code, detail: detail).response(from: request, context: context)
        } catch {
            context.logger.error("unhandled error", metadata: ["error": "\(String(reflecting: error))", "path": "\(request.uri.path)"])
            return try Problem(status: .internalServerError, code: "internal-error", detail: "an unexpected error occurred; it has been logged")
                .response(from: request, context: context)
        }
    }
}
