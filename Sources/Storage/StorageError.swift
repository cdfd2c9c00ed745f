/// Failures of the storage layer itself, as opposed to refusals of the domain.
public enum StorageError: Error, CustomStringConvertible {
    case unknownMigrations([String])
    case corruptRow(table: String, id: String, reason: String)

    public var description: String {
        switch self {
        case .unknownMigrations(let names): "the database has migrations this build does not know: \(names.joined(separator: ", "))"
        case .corruptRow(let table, let id, let reason): "row \(id) of \(table) cannot be read: \(reason)"
        }
    }
}
