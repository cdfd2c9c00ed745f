import NIOCore
import NIOHTTP1
import NIOPosix

/// A keep-alive HTTP/1.1 connection to a server on this machine, one request at a time: one simulated client.
struct BenchHTTPConnection {
    struct Reply {
        let status: Int
        let body: String
    }

    private var inbound: NIOAsyncChannelInboundStream<HTTPClientResponsePart>.AsyncIterator
    private let outbound: NIOAsyncChannelOutboundWriter<HTTPClientRequestPart>

    /// Connects to 127.0.0.1:`port`, runs `body`, and closes the connection.
    static func with<T>(port: Int, _ body: (inout BenchHTTPConnection) async throws -> T) async throws -> T {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton).connect(host: "127.0.0.1", port: port) { channel in
            channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.addHTTPClientHandlers()
                return try NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>(wrappingChannelSynchronously: channel)
            }
        }
        return try await channel.executeThenClose { inbound, outbound in
            var connection = BenchHTTPConnection(inbound: inbound.makeAsyncIterator(), outbound: outbound)
            return try await body(&connection)
        }
    }

    mutating func send(
        _ method: HTTPMethod,
        _ path: String,
        token: String? = nil,
        json: String? = nil,
        headers extra: [(String, String)] = []
    ) async throws -> Reply {
        let body = ByteBuffer(string: json ?? "")
        var headers = HTTPHeaders([("Host", "127.0.0.1"), ("Content-Length", "\(body.readableBytes)")] + extra)
        if let token { headers.add(name: "Authorization", value: "Bearer \(token)") }
        if json != nil { headers.add(name: "Content-Type", value: "application/json") }
        try await outbound.write(.head(HTTPRequestHead(version: .http1_1, method: method, uri: path, headers: headers)))
        if body.readableBytes > 0 { try await outbound.write(.body(.byteBuffer(body))) }
        try await outbound.write(.end(nil))
        var status = 0
        var text = ByteBuffer()
        while let part = try await inbound.next() {
            switch part {
            case .head(let head): status = Int(head.status.code)
            case .body(var chunk): text.writeBuffer(&chunk)
            case .end: return Reply(status: status, body: String(buffer: text))
            }
        }
        throw BenchConnectionClosed()
    }
}

/// The server closed the connection before answering.
struct BenchConnectionClosed: Error {}
