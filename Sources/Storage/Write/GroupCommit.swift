import Logging
import SQLKit
import Synchronization

/// The single writer, with group commit: writes that arrive while a transaction is running wait, and then run
/// together in the next transaction, so they share one commit (one fsync). A write is answered only once its
/// transaction has committed, so an acknowledged write is durable, and writes still apply one after another in
/// arrival order, each seeing the ones before it.
///
/// Ledger commands (``record(_:)``) read and record through a ``WriteBatch``, which keeps what it knows of the
/// committed data in ``WriterMemory`` between transactions and sends all their rows at the end, so a command on a
/// known aggregate costs no round trip of its own; a refused command records nothing. Plain SQL writes
/// (``write(_:)``) run in a savepoint each, so a failing one rolls back alone. If the transaction breaks before
/// its commit, its writes are tried again one transaction each, so only the one at fault fails.
final class GroupCommit: Sendable {
    /// How a write is answered once its transaction's fate is known: `nil` when it committed.
    typealias Answer = @Sendable ((any Error)?) -> Void
    /// Runs `body` in one transaction of the underlying database, committing when it returns.
    typealias Transaction = @Sendable (_ body: @Sendable (any SQLDatabase) async throws -> Settled) async throws -> Settled

    /// A transaction's answers, and what the writer knows once it has committed.
    struct Settled: Sendable {
        let answers: [Answer]
        let memory: WriterMemory
    }

    private struct Job: Sendable {
        /// Runs the write; throws only when the transaction itself is broken.
        let run: @Sendable (WriteBatch) async throws -> Answer
        let fail: Answer
    }

    /// The body of a transaction failed (rather than its commit): nothing of it happened, so its writes may run again.
    private struct BodyFailed: Error {
        let cause: any Error
    }

    private struct Queue {
        var jobs: [Job] = []
        var draining = false
    }

    private let queue = Mutex(Queue())
    private let memory = Mutex(WriterMemory())
    private let transaction: Transaction
    private let maxBatch: Int

    init(maxBatch: Int = 64, transaction: @escaping Transaction) {
        self.maxBatch = maxBatch
        self.transaction = transaction
    }

    func record<T: Sendable>(_ body: @escaping @Sendable (WriteBatch) async throws -> T) async throws -> T {
        try await enqueue { batch, continuation in
            try await batch.check()
            do {
                let value = try await body(batch)
                return { error in Self.answer(continuation, value, error) }
            } catch {
                return { _ in continuation.resume(throwing: error) }
            }
        }
    }

    func write<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await enqueue { batch, continuation in
            let sql = try await batch.sqlForPlainWrite()
            try await sql.raw("SAVEPOINT write").run()
            do {
                let value = try await body(sql)
                try await sql.raw("RELEASE SAVEPOINT write").run()
                return { error in Self.answer(continuation, value, error) }
            } catch {
                try await sql.raw("ROLLBACK TO SAVEPOINT write").run()
                try await sql.raw("RELEASE SAVEPOINT write").run()
                return { _ in continuation.resume(throwing: error) }
            }
        }
    }

    private static func answer<T: Sendable>(_ continuation: CheckedContinuation<T, any Error>, _ value: T, _ error: (any Error)?) {
        if let error { continuation.resume(throwing: error) } else { continuation.resume(returning: value) }
    }

    private func enqueue<T: Sendable>(
        _ run: @escaping @Sendable (WriteBatch, CheckedContinuation<T, any Error>) async throws -> Answer
    ) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let job = Job(run: { batch in try await run(batch, continuation) }, fail: { continuation.resume(throwing: $0 ?? CancellationError()) })
            let start = queue.withLock { queue in
                queue.jobs.append(job)
                guard !queue.draining else { return false }
                queue.draining = true
                return true
            }
            if start { Task { await drain() } }
        }
    }

    private func drain() async {
        while true {
            let batch = queue.withLock { queue in
                let batch = Array(queue.jobs.prefix(maxBatch))
                queue.jobs.removeFirst(batch.count)
                if batch.isEmpty { queue.draining = false }
                return batch
            }
            guard !batch.isEmpty else { return }
            await commit(batch)
        }
    }

    private func commit(_ jobs: [Job]) async {
        let known = memory.withLock { $0 }
        do {
            let settled = try await transaction { sql in
                do {
                    let batch = WriteBatch(sql: sql, memory: known)
                    var answers: [Answer] = []
                    for job in jobs { answers.append(try await job.run(batch)) }
                    _ = try await batch.flushed()
                    return Settled(answers: answers, memory: batch.memory)
                } catch {
                    throw BodyFailed(cause: error)
                }
            }
            memory.withLock { memory in
                memory = settled.memory
                memory.trim()
            }
            for answer in settled.answers { answer(nil) }
        } catch {
            memory.withLock { $0 = WriterMemory() }
            if let failed = error as? BodyFailed {
                guard jobs.count > 1 else { return jobs[0].fail(failed.cause) }
                for job in jobs { await commit([job]) }
            } else {
                // Beginning or committing failed; after a failed commit the outcome is unknown, so nothing runs again.
                for job in jobs { job.fail(error) }
            }
        }
    }
}
