import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Procurement
import Testing

@testable import WebUI

/// Failed sign-ins are throttled per client (over real connections, by the peer's address or, behind a trusted
/// proxy, by `X-Forwarded-For`) as well as per email address, for the rest of a 15-minute window.
@Suite struct ThrottlingTests {
    /// `count` wrong passwords, each for a different address, so only the client's limit can apply.
    static func fail(_ browser: Browser, count: Int, tag: String) async throws {
        _ = try await browser.get("/sign-in")
        for index in 0..<count {
            let reply = try await browser.post("/sign-in", ["email": "nobody-\(tag)-\(index)@example.org", "password": "wrong", "next": "/"])
            #expect(reply.status == .unauthorized)
        }
    }

    static func signIn(_ browser: Browser) async throws -> HTTPResponse.Status {
        _ = try await browser.get("/sign-in")
        return try await browser.post("/sign-in", ["email": "supplier-a@example.org", "password": WebTestApp.password, "next": "/"]).status
    }

    @Test func aClientIsBlockedAfterTwentyFailuresWhateverTheAddresses() async throws {
        try await WebTestApp.with(.live) { app, client in
            let browser = app.browser(client)
            try await Self.fail(browser, count: 20, tag: "a")
            #expect(try await Self.signIn(browser) == .tooManyRequests, "even the right password of another account waits")
            let forged = app.browser(client)
            forged.headers[.forwardedFor] = "203.0.113.77"
            #expect(try await Self.signIn(forged) == .tooManyRequests, "X-Forwarded-For from an untrusted peer is ignored")
            app.wall.advance(by: 15 * 60 + 1)
            #expect(try await Self.signIn(browser) == .seeOther, "the window has passed")
        }
    }

    @Test func behindATrustedProxyEachForwardedClientCountsApart() async throws {
        try await WebTestApp.with(.live, trustedProxies: ["127.0.0.1", "::1"]) { app, client in
            func from(_ address: String) -> Browser {
                let browser = app.browser(client)
                browser.headers[.forwardedFor] = address
                return browser
            }
            try await Self.fail(from("198.51.100.7"), count: 20, tag: "v4")
            #expect(try await Self.signIn(from("198.51.100.7")) == .tooManyRequests)
            #expect(try await Self.signIn(from("6.6.6.6, 198.51.100.7")) == .tooManyRequests, "a forged first hop changes nothing")
            #expect(try await Self.signIn(from("198.51.100.8")) == .seeOther, "another client is not blocked")
            try await Self.fail(from("2001:db8:1:2::5"), count: 20, tag: "v6")
            #expect(try await Self.signIn(from("2001:db8:1:2:ffff::9")) == .tooManyRequests, "IPv6 clients count by /64")
            #expect(try await Self.signIn(from("2001:db8:1:3::9")) == .seeOther)
        }
    }

    @Test func theClientIsTheNearestUntrustedHop() throws {
        let proxy = try SocketAddress(ipAddress: "10.0.0.1", port: 443)
        let trusted: Set = ["10.0.0.1", "10.0.0.2"]
        #expect(ClientAddress.key(peer: proxy, forwardedFor: ["6.6.6.6, 203.0.113.9", "10.0.0.2"], trustedProxies: trusted) == "203.0.113.9")
        #expect(ClientAddress.key(peer: proxy, forwardedFor: [], trustedProxies: trusted) == "10.0.0.1")
        let direct = try SocketAddress(ipAddress: "192.0.2.1", port: 5000)
        #expect(ClientAddress.key(peer: direct, forwardedFor: ["203.0.113.9"], trustedProxies: trusted) == "192.0.2.1")
        let mapped = try SocketAddress(ipAddress: "::ffff:192.0.2.1", port: 5000)
        #expect(ClientAddress.key(peer: mapped, forwardedFor: [], trustedProxies: []) == "192.0.2.1")
        #expect(ClientAddress.key(peer: nil, forwardedFor: ["203.0.113.9"], trustedProxies: trusted) == "unknown")
    }
}
