import Foundation
import Hummingbird
import NIOCore
import Procurement
import Storage

/// Per-request context: the signed-in account, if any, the connection's peer, and the platform's JSON conventions.
public struct AppContext: RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public var account: IdentityStore.Account?
    public let remoteAddress: SocketAddress?

    public init(source: Source) {
        coreContext = .init(source: source)
        account = nil
        remoteAddress = source.channel.remoteAddress
    }

    /// Requests are commands and small documents; anything larger is refused with 413.
    public var maxUploadSize: Int { 256 * 1024 }

    public var responseEncoder: JSONEncoder { EventCoding.encoder }

    public var viewer: Viewer {
        account.map { Viewer(user: $0.user, organization: $0.organization) } ?? .anonymous
    }

    /// The acting user, or 401 when the request is anonymous.
    public func requireActor() throws -> Actor {
        guard let account else { throw Problem.unauthenticated }
        return .user(account.user, organizationKind: account.organization.kind)
    }
}
