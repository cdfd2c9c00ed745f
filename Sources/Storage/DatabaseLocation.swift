import Foundation

/// Where the data lives: an SQLite file (the embedded default) or a PostgreSQL database shared by several servers.
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(url: String)

    /// A `postgres://` or `postgresql://` URL.
    public init(url: String) throws {
        guard let scheme = URL(string: url)?.scheme?.lowercased(), ["postgres", "postgresql"].contains(scheme) else {
            throw StorageError.badDatabaseURL(PostgresURL.redacted(url))
        }
        self = .postgres(url: url)
    }

    public func open() async throws -> any Database {
        switch self {
        case .sqlite(let path): try await SQLiteDatabase.open(path: path)
        case .postgres(let url): try await PostgresDatabase.open(url: url)
        }
    }

    /// Whether there is no database there yet: an SQLite file is created on first use, a PostgreSQL database by its
    /// administrator beforehand, so only the former can be missing.
    public var isMissing: Bool {
        switch self {
        case .sqlite(let path): !FileManager.default.fileExists(atPath: path)
        case .postgres: false
        }
    }

    public var description: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let url): PostgresURL.redacted(url)
        }
    }
}

/// A PostgreSQL URL for messages: the password never appears.
enum PostgresURL {
    static func redacted(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.password != nil else { return url }
        components.password = "***"
        return components.string ?? url
    }
}
