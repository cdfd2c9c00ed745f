import SQLKit

extension SQLDatabase {
    /// Inserts `rows` with multi-row statements of at most 500 rows (far below SQLite's 32,766 and PostgreSQL's
    /// 65,535 bound parameters). With `conflictKey`, a row whose key exists updates `updating` columns instead.
    func insertRows(
        into table: String,
        columns: [String],
        _ rows: [[any Encodable & Sendable]],
        conflictKey: String? = nil,
        updating: [String] = []
    ) async throws {
        for start in stride(from: 0, to: rows.count, by: 500) {
            let insert = self.insert(into: table).columns(columns)
            for row in rows[start..<min(start + 500, rows.count)] { insert.values(row) }
            if let conflictKey {
                insert.onConflict(with: conflictKey) { update in updating.reduce(update) { $0.set(excludedValueOf: $1) } }
            }
            try await insert.run()
        }
    }
}
