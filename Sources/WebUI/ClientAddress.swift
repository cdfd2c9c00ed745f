import Foundation
import NIOCore

/// Which client a request comes from, as sign-in throttling counts them: the connection's peer, or, when the peer is a
/// trusted reverse proxy, the nearest address in `X-Forwarded-For` that is not one (the rest of that header is the
/// client's to forge). IPv6 clients count by /64 network, since one host usually has a whole /64 to pick from.
enum ClientAddress {
    static func key(peer: SocketAddress?, forwardedFor: [String], trustedProxies: Set<String>) -> String {
        guard var address = peer?.ipAddress.map(normalized) else { return "unknown" }
        if trustedProxies.contains(address) {
            let hops = forwardedFor.flatMap { $0.split(separator: ",") }.map { normalized(String($0)) }
            for hop in hops.reversed() {
                address = hop
                if !trustedProxies.contains(hop) { break }
            }
        }
        return network(address)
    }

    /// The canonical text of an address, so `::1` and `0:0:0:0:0:0:0:1` are one client.
    static func normalized(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return (try? SocketAddress(ipAddress: trimmed, port: 0))?.ipAddress ?? trimmed
    }

    private static func network(_ address: String) -> String {
        guard case .v6(let v6) = try? SocketAddress(ipAddress: address, port: 0) else { return address }
        let bytes = withUnsafeBytes(of: v6.address.sin6_addr) { Array($0) }
        if bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xFF, bytes[11] == 0xFF {
            return bytes[12...].map(String.init).joined(separator: ".")
        }
        let groups = stride(from: 0, to: 8, by: 2).map { String(UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]), radix: 16) }
        return groups.joined(separator: ":") + "::/64"
    }
}
