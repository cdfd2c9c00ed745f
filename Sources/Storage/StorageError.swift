/// Failures of the storage layer itself, as opposed to refusals of the domain.
public enum StorageError: Error, CustomStringConvertible {
    case unknownMigrations([String])
    case corruptRow(table: String, id: String, reason: String)
    case badDatabaseURL(String)
    case cannotConnect(url: String, reason: String)

    public var description: String {
        switch self {
        case .unknownMigrations(let names): "the database has migrations this build does not know: \(names.joined(separator: ", "))"
        case .corruptRow(let table, let id, let reason): "row \(id) of \(table) cannot be read: \(reason)"
        case .badDatabaseURL(let url): "\(url) is not a database URL; give postgres://user:password@host:port/database"
        case .cannotConnect(let url, let reason): "cannot connect to \(url): \(reason)"
        }
    }
}
