import SQLKit
import TransparencyLog

/// Reads the log's stored hashes from the `tlog_hashes` table, in one query per call.
struct SQLHashReader: HashReader {
    let sql: any SQLDatabase

    func readHashes(at indexes: [UInt64]) async throws -> [Hash] {
        guard !indexes.isEmpty else { return [] }
        let binds = indexes.map { SQLBind(Int64($0)) }
        let rows = try await sql.raw("SELECT idx, hash FROM tlog_hashes WHERE idx IN \(SQLGroupExpression(binds))").all()
        var found: [UInt64: Hash] = [:]
        for row in rows {
            let text = try row.decode(column: "hash", as: String.self)
            guard let hash = Hash(base64: text) else {
                throw StorageError.corruptRow(table: "tlog_hashes", id: "\(try row.decode(column: "idx", as: Int64.self))", reason: "not a hash")
            }
            found[UInt64(try row.decode(column: "idx", as: Int64.self))] = hash
        }
        return try indexes.map { index in
            guard let hash = found[index] else {
                throw StorageError.corruptRow(table: "tlog_hashes", id: "\(index)", reason: "missing stored hash")
            }
            return hash
        }
    }
}
