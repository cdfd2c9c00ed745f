import Logging
import SQLKit
import Synchronization

/// The single writer, with group commit: writes that arrive while a transaction is running wait, and then run
/// together in the next transaction, each inside a savepoint, so a failing write rolls back alone and the rest
/// share one commit (one fsync). A write is answered only once its transaction has committed, so an acknowledged
/// write is durable, and writes still apply one after another in arrival order, each seeing the ones before it.
final class GroupCommit: Sendable {
    /// How a write is answered once its transaction's fate is known: `nil` when it committed.
    typealias Answer = @Sendable ((any Error)?) -> Void
    /// Runs `body` in one transaction of the underlying database, committing when it returns.
    typealias Transaction = @Sendable (_ body: @Sendable (any SQLDatabase) async throws -> [Answer]) async throws -> [Answer]

    private struct Job: Sendable {
        /// Runs the write in its savepoint; throws only when the transaction itself is broken.
        let run: @Sendable (any SQLDatabase) async throws -> Answer
        let fail: Answer
    }

    private struct Queue {
        var jobs: [Job] = []
        var draining = false
    }

    private let queue = Mutex(Queue())
    private let transaction: Transaction
    private let maxBatch: Int

    init(maxBatch: Int = 64, transaction: @escaping Transaction) {
        self.maxBatch = maxBatch
        self.transaction = transaction
    }

    func write<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            enqueue(
                Job(
                    run: { sql in
                        try await sql.raw("SAVEPOINT write").run()
                        do {
                            let value = try await body(sql)
                            try await sql.raw("RELEASE SAVEPOINT write").run()
                            return { error in
                                if let error { continuation.resume(throwing: error) } else { continuation.resume(returning: value) }
                            }
                        } catch {
                            try await sql.raw("ROLLBACK TO SAVEPOINT write").run()
                            try await sql.raw("RELEASE SAVEPOINT write").run()
                            return { _ in continuation.resume(throwing: error) }
                        }
                    },
                    fail: { error in continuation.resume(throwing: error ?? CancellationError()) }
                )
            )
        }
    }

    private func enqueue(_ job: Job) {
        let start = queue.withLock { queue in
            queue.jobs.append(job)
            guard !queue.draining else { return false }
            queue.draining = true
            return true
        }
        if start { Task { await drain() } }
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
            do {
                let answers = try await transaction { sql in
                    var answers: [Answer] = []
                    for job in batch { answers.append(try await job.run(sql)) }
                    return answers
                }
                for answer in answers { answer(nil) }
            } catch {
                // Nothing of the batch committed: every write in it fails with the transaction's error.
                for job in batch { job.fail(error) }
            }
        }
    }
}
