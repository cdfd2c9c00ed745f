import SQLKit

/// One schema change. Its name is recorded once applied and never changes after release.
public protocol Migration: Sendable {
    var name: String { get }
    func apply(on sql: any SQLDatabase) async throws
}

/// The ordered list of every migration.
public enum Migrations {
    public static let all: [any Migration] = [
        CreateEventStore(), CreateProjections(), CreateIdentity(), CreateTransparencyLog(), CreateWebAccess(),
        HardenWebAccess(), CreateTenderSearch(),
    ]
}
