import Foundation

/// Work on a list in chunks on every core, with the results written in the list's order as soon as each is next.
enum OrderedChunks {
    static func run<Element: Sendable>(
        _ elements: [Element],
        chunkSize: Int,
        width: Int = ProcessInfo.processInfo.activeProcessorCount,
        _ work: @escaping @Sendable (ArraySlice<Element>, _ isFirst: Bool) throws -> [UInt8],
        write: ([UInt8]) -> Void
    ) async throws {
        let starts = Array(stride(from: 0, to: elements.count, by: chunkSize))
        try await withThrowingTaskGroup(of: (Int, [UInt8]).self) { group in
            var submitted = 0
            func submit() {
                let index = submitted
                let slice = elements[starts[index]..<min(starts[index] + chunkSize, elements.count)]
                group.addTask { (index, try work(slice, index == 0)) }
                submitted += 1
            }
            while submitted < min(width * 2, starts.count) { submit() }
            var done: [Int: [UInt8]] = [:]
            var written = 0
            while let (index, bytes) = try await group.next() {
                done[index] = bytes
                while let next = done.removeValue(forKey: written) {
                    write(next)
                    written += 1
                }
                if submitted < starts.count { submit() }
            }
        }
    }
}
