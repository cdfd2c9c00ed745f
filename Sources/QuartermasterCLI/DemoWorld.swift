import Foundation
import Storage

enum DemoWorld {
    static func seedIfEmpty(database: any Database, until now: Date) async throws -> Bool { false }
    static let tokenTable = ""
}
