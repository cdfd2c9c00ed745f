import Foundation
import Procurement
import SQLKit
import TransparencyLog

/// Recomputes the transparency log from the event store and checks what is stored against it: `quartermaster verify`.
///
/// In one pass over the events in sequence order, it rebuilds each leaf with ``LogEntry`` from the event row and the
/// leaf's salt and actor flag, and each stored hash from the rebuilt leaf hashes; then it checks the signed checkpoints
/// against the rebuilt tree. It stops at the first difference, so a report names the first bad index.
///
/// Memory stays bounded whatever the log's size: rows are read in batches of `batchSize`, and the rebuilt tree is kept
/// only as its right edge (at most 64 hashes), which is all that appending a leaf or computing the root needs.
/// Consistency proofs for older checkpoints are read from `tlog_hashes` once every row there has been compared
/// with the rebuilt tree, so they are proofs over the recomputed hashes.
///
/// It reads everything in one consistent snapshot (``Database/snapshot(_:)``).
public struct LogVerifier: Sendable {
    public let database: any Database
    /// The origin every checkpoint must name.
    public let origin: String
    /// The keys a checkpoint must be signed by; a known key's bad signature fails it.
    public let keys: [NoteVerifierKey]
    public let externalCheckpoints: [ExternalCheckpoint]
    public let batchSize: Int

    public init(
        database: any Database,
        origin: String,
        keys: [NoteVerifierKey],
        externalCheckpoints: [ExternalCheckpoint] = [],
        batchSize: Int = 1_000
    ) {
        self.database = database
        self.origin = origin
        self.keys = keys
        self.externalCheckpoints = externalCheckpoints
        self.batchSize = max(1, batchSize)
    }

    /// Verifies the whole log; throws only when the database cannot be read at all.
    public func verify() async throws -> Outcome {
        let verifier = self
        return try await database.snapshot { sql in try await Run(verifier: verifier, sql: sql).run() }
    }
}

extension LogVerifier {
    /// One verification over one snapshot.
    private struct Run {
        let verifier: LogVerifier
        let sql: any SQLDatabase

        func run() async throws -> Outcome {
            let latestRow = try await sql.raw("SELECT size, note FROM tlog_checkpoints ORDER BY size DESC LIMIT 1").first()
            let latestSize = try latestRow.map { try Self.size(of: $0) }
            let rebuilt = try await rebuild(capturingRootAt: latestSize)
            let tree: RebuiltTree
            switch rebuilt {
            case .success(let rebuilt): tree = rebuilt
            case .failure(let failure): return .failed(failure)
            }

            guard let latestRow, let latestSize else {
                if tree.size > 0 { return .failed(.noCheckpoint(treeSize: tree.size)) }
                if let failure = try await checkExternal(tree: tree) { return .failed(failure) }
                return .verified(tree.summary(checkpoints: 0, external: 0, latest: nil, signers: []))
            }
            let latestSource = CheckpointSource.stored(size: latestSize)
            let latest: Checkpoint
            let signers: [NoteVerifierKey]
            switch verifier.open(try? latestRow.decode(column: "note", as: String.self), source: latestSource, storedSize: latestSize) {
            case .success(let opened): (latest, signers) = opened
            case .failure(let failure): return .failed(failure)
            }
            guard latest.size <= tree.size else {
                return .failed(.checkpointBeyondLog(latestSource, size: latest.size, treeSize: tree.size))
            }
            guard latest.root == tree.capturedRoot else { return .failed(.checkpointRootMismatch(latestSource, size: latest.size)) }

            var older = Cursor(sql: sql, table: "tlog_checkpoints", key: "size", columns: "size, note", batchSize: verifier.batchSize)
            var count: UInt64 = 1
            while let (size, row) = try await older.next(), size < latestSize {
                count += 1
                if let failure = try await checkOlder(row: row, size: UInt64(clamping: size), latest: latest) { return .failed(failure) }
            }
            if let failure = try await checkExternal(tree: tree) { return .failed(failure) }
            return .verified(tree.summary(checkpoints: count, external: verifier.externalCheckpoints.count, latest: latest, signers: signers))
        }

        /// An older stored checkpoint: signed, for this log, and consistent with the latest one.
        private func checkOlder(row: any SQLRow, size: UInt64, latest: Checkpoint) async throws -> Failure? {
            let source = CheckpointSource.stored(size: size)
            let checkpoint: Checkpoint
            switch verifier.open(try? row.decode(column: "note", as: String.self), source: source, storedSize: size) {
            case .success(let opened): checkpoint = opened.checkpoint
            case .failure(let failure): return failure
            }
            guard checkpoint.size > 0 else {
                return checkpoint.root == .emptyTree ? nil : .checkpointInconsistent(source, size: 0, latestSize: latest.size)
            }
            let proof = try await SQLHashReader(sql: sql).consistencyProof(oldSize: checkpoint.size, newSize: latest.size)
            do {
                try proof.verify(oldRoot: checkpoint.root, newRoot: latest.root)
            } catch {
                return .checkpointInconsistent(source, size: checkpoint.size, latestSize: latest.size)
            }
            return nil
        }

        /// Checkpoints from outside the store: signed, for this log, contained in it with the same root.
        private func checkExternal(tree: RebuiltTree) async throws -> Failure? {
            for external in verifier.externalCheckpoints {
                let source = CheckpointSource.external(external.label)
                let checkpoint: Checkpoint
                switch verifier.open(external.note, source: source, storedSize: nil) {
                case .success(let opened): checkpoint = opened.checkpoint
                case .failure(let failure): return failure
                }
                guard checkpoint.size <= tree.size else {
                    return .checkpointBeyondLog(source, size: checkpoint.size, treeSize: tree.size)
                }
                let root = try await SQLHashReader(sql: sql).treeHash(size: checkpoint.size)
                guard checkpoint.root == root else { return .checkpointRootMismatch(source, size: checkpoint.size) }
            }
            return nil
        }

        /// Walks leaves, events and stored hashes together in order, rebuilding the tree.
        private func rebuild(capturingRootAt captureSize: UInt64?) async throws -> Result<RebuiltTree, Failure> {
            let batchSize = verifier.batchSize
            var events = Cursor(
                sql: sql,
                table: "events",
                key: "seq",
                columns: "seq, stream_id, stream_version, type, payload, actor, occurred_at, tender_id",
                batchSize: batchSize
            )
            var leaves = Cursor(
                sql: sql,
                table: "tlog_leaves",
                key: "leaf_index",
                columns: "leaf_index, seq, entry, salt, named_actor",
                batchSize: batchSize
            )
            var stored = Cursor(sql: sql, table: "tlog_hashes", key: "idx", columns: "idx, hash", batchSize: batchSize * 2)
            var tree = RebuiltTree()
            if captureSize == 0 { tree.capturedRoot = .emptyTree }
            var previousSequence: Int64?

            while true {
                let leafIndex = tree.size
                let event = try await events.peek()
                guard let (storedIndex, leafRow) = try await leaves.peek() else {
                    if let (sequence, _) = event {
                        return .failure(.eventNotLogged(sequence: sequence, leafIndex: leafIndex, leafSequence: nil))
                    }
                    break
                }
                guard storedIndex == Int64(leafIndex) else { return .failure(.leafMissing(leafIndex: leafIndex, found: storedIndex)) }
                let leaf: Leaf
                switch Leaf.decode(leafRow, index: leafIndex) {
                case .success(let decoded): leaf = decoded
                case .failure(let failure): return .failure(failure)
                }
                if let previousSequence, leaf.sequence <= previousSequence {
                    return .failure(.sequenceOutOfOrder(leafIndex: leafIndex, sequence: leaf.sequence, previous: previousSequence))
                }
                guard let (sequence, eventRow) = event, sequence <= leaf.sequence else {
                    return .failure(.eventMissing(leafIndex: leafIndex, sequence: leaf.sequence))
                }
                guard sequence == leaf.sequence else {
                    return .failure(.eventNotLogged(sequence: sequence, leafIndex: leafIndex, leafSequence: leaf.sequence))
                }
                let recorded: RecordedEvent
                switch Self.decodeEvent(eventRow, sequence: sequence) {
                case .success(let decoded): recorded = decoded
                case .failure(let reason): return .failure(.invalidEvent(leafIndex: leafIndex, sequence: sequence, reason: reason.message))
                }
                let entry = LogEntry(event: recorded, sealing: leaf.sealing).bytes
                guard entry == leaf.entry else { return .failure(.entryMismatch(leafIndex: leafIndex, sequence: sequence)) }

                let hashes = tree.edge.append(leafHash: Hash.leaf(entry)).hashes
                if let failure = try await Self.compare(hashes, appendedWith: leafIndex, to: &stored) { return .failure(failure) }
                tree.storedHashes += UInt64(hashes.count)
                if tree.size == captureSize { tree.capturedRoot = tree.edge.root }
                tree.events += 1
                previousSequence = sequence
                leaves.advance()
                events.advance()
            }
            if let (index, _) = try await stored.peek() { return .failure(.unexpectedStoredHash(index: index, treeSize: tree.size)) }
            return .success(tree)
        }

        /// Compares the hashes leaf `leafIndex` appends with the next rows of `tlog_hashes`.
        private static func compare(_ hashes: [Hash], appendedWith leafIndex: UInt64, to stored: inout Cursor) async throws -> Failure? {
            for (level, hash) in hashes.enumerated() {
                let expected = StoredHashLayout.index(level: level, n: leafIndex >> level)
                guard let (index, row) = try await stored.peek(), index <= Int64(expected) else {
                    return .storedHashMissing(index: expected, level: level, leafIndex: leafIndex)
                }
                guard index == Int64(expected) else { return .unexpectedStoredHash(index: index, treeSize: leafIndex) }
                guard let text = try? row.decode(column: "hash", as: String.self), let storedHash = Hash(base64: text) else {
                    return .storedHashInvalid(index: expected, leafIndex: leafIndex)
                }
                guard storedHash == hash else { return .storedHashMismatch(index: expected, level: level, leafIndex: leafIndex) }
                stored.advance()
            }
            return nil
        }

        private struct Reason: Error {
            let message: String
        }

        /// Reads an event row as ``EventStore`` writes it; its time must be in the form the store writes.
        private static func decodeEvent(_ row: any SQLRow, sequence: Int64) -> Result<RecordedEvent, Reason> {
            do {
                let occurred = try row.decode(column: "occurred_at", as: String.self)
                guard let date = instant(occurred) else {
                    return .failure(Reason(message: "occurred_at \"\(occurred)\" is not a timestamp as the store writes them"))
                }
                return .success(
                    RecordedEvent(
                        sequence: sequence,
                        streamID: try row.decode(column: "stream_id", as: String.self),
                        streamVersion: try row.decode(column: "stream_version", as: Int.self),
                        type: try row.decode(column: "type", as: String.self),
                        payload: Data(try row.decode(column: "payload", as: String.self).utf8),
                        actor: try row.decode(column: "actor", as: String.self),
                        occurredAt: date,
                        tenderID: try row.decode(column: "tender_id", as: String?.self).map(TenderID.init)
                    )
                )
            } catch {
                return .failure(Reason(message: "\(error)"))
            }
        }

        /// The instant `text` names, provided ``Timestamp/format(_:)`` writes it back as exactly `text`.
        private static func instant(_ text: String) -> Date? {
            Timestamp.parse(text).flatMap { Timestamp.format($0) == text ? $0 : nil }
        }

        private static func size(of row: any SQLRow) throws -> UInt64 {
            UInt64(clamping: try row.decode(column: "size", as: Int64.self))
        }
    }

    /// A leaf row of `tlog_leaves`.
    private struct Leaf {
        let sequence: Int64
        let entry: [UInt8]
        let sealing: LogEntry.Sealing

        static func decode(_ row: any SQLRow, index: UInt64) -> Result<Leaf, Failure> {
            let invalid = { (reason: String) in Result<Leaf, Failure>.failure(.invalidLeaf(leafIndex: index, reason: reason)) }
            guard let sequence = try? row.decode(column: "seq", as: Int64.self) else { return invalid("seq is not an integer") }
            guard let entry = try? row.decode(column: "entry", as: String.self) else { return invalid("entry is not text") }
            let saltText: String?
            do { saltText = try row.decode(column: "salt", as: String?.self) } catch { return invalid("salt is not text") }
            var salt: [UInt8]?
            if let saltText {
                guard let bytes = LogEntry.bytes(hex: saltText) else { return invalid("salt is not hex") }
                salt = bytes
            }
            guard let namesActor = try? row.decode(column: "named_actor", as: Int64.self), namesActor == 0 || namesActor == 1 else {
                return invalid("named_actor is not 0 or 1")
            }
            return .success(Leaf(sequence: sequence, entry: Array(entry.utf8), sealing: LogEntry.Sealing(salt: salt, namesActor: namesActor == 1)))
        }
    }

    /// The tree rebuilt so far: its right edge, and the root at the size asked for.
    private struct RebuiltTree {
        var events: UInt64 = 0
        var storedHashes: UInt64 = 0
        var edge = TreeFrontier()
        var capturedRoot: Hash?

        var size: UInt64 { edge.size }

        func summary(checkpoints: UInt64, external: Int, latest: Checkpoint?, signers: [NoteVerifierKey]) -> Summary {
            Summary(
                events: events,
                leaves: size,
                storedHashes: storedHashes,
                checkpoints: checkpoints,
                externalCheckpoints: external,
                latest: latest,
                signers: signers
            )
        }
    }

    /// Reads a table in key order, a batch at a time.
    private struct Cursor {
        let sql: any SQLDatabase
        let table: String
        let key: String
        let columns: String
        let batchSize: Int
        private var rows: [(Int64, any SQLRow)] = []
        private var position = 0
        private var lastKey = Int64.min
        private var exhausted = false

        init(sql: any SQLDatabase, table: String, key: String, columns: String, batchSize: Int) {
            self.sql = sql
            self.table = table
            self.key = key
            self.columns = columns
            self.batchSize = batchSize
        }

        /// The next row and its key, without consuming it.
        mutating func peek() async throws -> (Int64, any SQLRow)? {
            if position == rows.count {
                guard !exhausted else { return nil }
                let fetched = try await sql.raw(
                    SQLQueryString(
                        "SELECT \(unsafeRaw: columns) FROM \(unsafeRaw: table) WHERE \(unsafeRaw: key) > \(bind: lastKey) ORDER BY \(unsafeRaw: key) LIMIT \(bind: batchSize)"
                    )
                ).all()
                rows = try fetched.map { (try $0.decode(column: key, as: Int64.self), $0) }
                position = 0
                exhausted = rows.count < batchSize
                if let last = rows.last { lastKey = last.0 }
                guard !rows.isEmpty else { return nil }
            }
            return rows[position]
        }

        mutating func advance() { position += 1 }

        mutating func next() async throws -> (Int64, any SQLRow)? {
            let row = try await peek()
            if row != nil { advance() }
            return row
        }
    }
}

extension LogVerifier {
    /// Opens a signed checkpoint: it must parse, carry a good signature by one of the keys and none bad, name the
    /// origin, and (for a stored one) sign the size it is stored under.
    fileprivate func open(
        _ note: String?,
        source: CheckpointSource,
        storedSize: UInt64?
    ) -> Result<(checkpoint: Checkpoint, signers: [NoteVerifierKey]), Failure> {
        guard let note else { return .failure(.checkpointMalformed(source, reason: "the note is not text")) }
        let signed: SignedNote
        let signers: [NoteVerifierKey]
        let checkpoint: Checkpoint
        do {
            signed = try SignedNote(parsing: Array(note.utf8))
        } catch {
            return .failure(.checkpointMalformed(source, reason: "\(error)"))
        }
        do {
            signers = try signed.verify(with: keys)
        } catch NoteError.invalidSignature(let name, let keyID) {
            return .failure(.checkpointSignatureInvalid(source, key: Self.keyLabel(name: name, keyID: keyID)))
        } catch {
            return .failure(.checkpointUnsigned(source, keys: keys.map(Self.keyLabel)))
        }
        do {
            checkpoint = try Checkpoint(parsing: signed.text)
        } catch {
            return .failure(.checkpointMalformed(source, reason: "\(error)"))
        }
        guard checkpoint.origin.utf8.elementsEqual(origin.utf8) else {
            return .failure(.checkpointOriginMismatch(source, origin: checkpoint.origin, expected: origin))
        }
        if let storedSize, checkpoint.size != storedSize { return .failure(.checkpointSizeMismatch(source, signedSize: checkpoint.size)) }
        return .success((checkpoint, signers))
    }
}
