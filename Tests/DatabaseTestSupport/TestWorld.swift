import Foundation
import Procurement
import Storage

/// A fresh, migrated database of one backend with the ``TestCast`` registered, a ledger on a manual clock, and the
/// identity store: what the HTTP and web tests build their server on.
public struct TestWorld: Sendable {
    public let scratch: ScratchDatabase
    public let database: any Database
    public let time: ManualTime
    public let ledger: Ledger
    public let identity: IdentityStore

    public static func make(_ backend: TestBackend, start: Date) async throws -> TestWorld {
        let scratch = try await ScratchDatabase.create(backend)
        let database = try await scratch.open()
        do { return try await populate(database, scratch: scratch, start: start) } catch {
            try? await database.close()
            try? await scratch.drop()
            throw error
        }
    }

    /// Runs `body` on a world of each enabled backend in turn, closing each afterwards. A failure names the backend.
    public static func withEach(start: Date, _ body: (TestWorld) async throws -> Void) async throws {
        try await TestBackend.withEach { database, scratch in try await body(try await populate(database, scratch: scratch, start: start)) }
    }

    public func close() async throws {
        try await database.close()
        try await scratch.drop()
    }

    private static func populate(_ database: any Database, scratch: ScratchDatabase, start: Date) async throws -> TestWorld {
        try await Migrator(database: database).migrate()
        let time = ManualTime(start)
        let ledger = Ledger(database: database, time: time)
        let identity = IdentityStore(database: database)
        for organization in TestCast.organizations { _ = try await ledger.register(organization, actor: .system) }
        for member in TestCast.members { try await identity.addUser(member, email: TestCast.email(member), at: start) }
        return TestWorld(scratch: scratch, database: database, time: time, ledger: ledger, identity: identity)
    }
}
