import DatabaseTestSupport
import Foundation
import Procurement
import Storage
import Testing

/// Browser sign-in state on SQLite and PostgreSQL: TOTP time-steps only move forward, enrolment activates only the
/// secret that was shown, sessions end idle, and failed sign-ins count per address and per client within a window.
@Suite struct WebAccessStoreTests {
    static let user = UserID("officer")
    static let t0 = LedgerTests.start

    private func withStore(_ body: (WebAccessStore) async throws -> Void) async throws {
        try await withDatabase { database in
            try await Migrator(database: database).migrate()
            _ = try await Ledger(database: database, time: ManualTime(Self.t0)).register(LedgerTests.buyer, actor: .system)
            let officer = User(id: Self.user, organizationID: LedgerTests.buyer.id, name: "Officer", roles: [.buyerOfficer])
            try await IdentityStore(database: database).addUser(officer, email: "officer@example.org", at: Self.t0)
            try await body(WebAccessStore(database: database))
        }
    }

    @Test func aTimeStepIsAcceptedOnceAndOnlyAfterTheLastOne() async throws {
        try await withStore { access in
            try await access.setCredentials(user: Self.user, passwordHash: "hash", totpSecret: "secret", at: Self.t0)
            #expect(try await access.acceptStep(user: Self.user, secret: "secret", step: 100))
            #expect(try await !access.acceptStep(user: Self.user, secret: "secret", step: 100), "the same code again")
            #expect(try await !access.acceptStep(user: Self.user, secret: "secret", step: 99), "an older code")
            #expect(try await access.acceptStep(user: Self.user, secret: "secret", step: 101))
            #expect(try await !access.acceptStep(user: Self.user, secret: "another", step: 102), "a secret that is not the active one")
            #expect(try await access.credentials(user: Self.user)?.lastStep == 101)
        }
    }

    @Test func enrolmentActivatesOnlyTheSecretShown() async throws {
        try await withStore { access in
            try await access.setCredentials(user: Self.user, passwordHash: "hash", totpSecret: "old", at: Self.t0)
            #expect(try await access.beginEnrolment(user: Self.user, candidate: "new", at: Self.t0) == nil, "an enrolled user does not enrol")
            #expect(try await access.resetSecondFactor(user: Self.user, at: Self.t0))
            #expect(try await access.credentials(user: Self.user)?.totpSecret == nil)
            #expect(try await access.beginEnrolment(user: Self.user, candidate: "first", at: Self.t0) == "first")
            #expect(try await access.beginEnrolment(user: Self.user, candidate: "second", at: Self.t0) == "first", "a reload shows the same")
            #expect(try await !access.confirmEnrolment(user: Self.user, secret: "second", step: 7, at: Self.t0))
            #expect(try await access.confirmEnrolment(user: Self.user, secret: "first", step: 7, at: Self.t0))
            let credentials = try await access.credentials(user: Self.user)
            #expect(credentials?.totpSecret == "first" && credentials?.pendingSecret == nil && credentials?.lastStep == 7)
            #expect(try await !access.acceptStep(user: Self.user, secret: "first", step: 7), "the confirming code is used")
            #expect(try await !access.confirmEnrolment(user: Self.user, secret: "first", step: 8, at: Self.t0))
        }
    }

    @Test func aSessionEndsWhenIdleOrExpiredAndWhenTheSecondFactorIsReset() async throws {
        try await withStore { access in
            try await access.setCredentials(user: Self.user, passwordHash: "hash", totpSecret: "s", at: Self.t0)
            let idle: TimeInterval = 30 * 60
            try await access.createSession(
                tokenHash: "a",
                user: Self.user,
                csrfToken: "c",
                secondFactor: true,
                at: Self.t0,
                expiresAt: Self.t0 + 3600,
                idleBefore: Self.t0 - idle
            )
            func live(at time: Date) async throws -> Bool { try await access.session(tokenHash: "a", at: time, activeSince: time - idle) != nil }
            #expect(try await live(at: Self.t0 + 29 * 60))
            #expect(try await !live(at: Self.t0 + 31 * 60), "idle for 31 minutes")
            try await access.touchSession(tokenHash: "a", at: Self.t0 + 29 * 60)
            #expect(try await live(at: Self.t0 + 58 * 60), "a request keeps it alive")
            #expect(try await !live(at: Self.t0 + 3600), "past its expiry")
            try await access.touchSession(tokenHash: "a", at: Self.t0 + 59 * 60)
            _ = try await access.resetSecondFactor(user: Self.user, at: Self.t0 + 59 * 60)
            #expect(try await !live(at: Self.t0 + 59 * 60), "re-enrolment ends the user's sessions")
        }
    }

    @Test func failuresCountPerAddressAndPerClientWithinTheWindow() async throws {
        try await withStore { access in
            let window: TimeInterval = 15 * 60
            for (email, client) in [("a@example.org", "198.51.100.1"), ("b@example.org", "198.51.100.1"), ("a@example.org", "198.51.100.2")] {
                try await access.recordFailure(email: email, client: client, at: Self.t0, forgetBefore: Self.t0 - window)
            }
            let since = Self.t0 - window
            #expect(try await access.failures(email: "a@example.org", since: since) == 2)
            #expect(try await access.failures(client: "198.51.100.1", since: since) == 2)
            try await access.clearFailures(email: "a@example.org")
            #expect(try await access.failures(email: "a@example.org", since: since) == 0)
            #expect(try await access.failures(client: "198.51.100.1", since: since) == 2, "a success does not clear the client's count")
            let later = Self.t0 + window + 1
            try await access.recordFailure(email: "c@example.org", client: "198.51.100.3", at: later, forgetBefore: later - window)
            #expect(try await access.failures(client: "198.51.100.1", since: .distantPast) == 0, "rows past the window are deleted")
            #expect(try await access.failures(client: "198.51.100.3", since: .distantPast) == 1)
        }
    }
}
