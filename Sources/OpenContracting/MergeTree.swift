/// The flattened merge state of one contracting process, held as a trie of paths.
///
/// ocdsmerge keeps an insertion-ordered dictionary from flattened paths (tuples with `id`s standing in for array
/// positions) to values, and rebuilds JSON by walking those paths in insertion order. This trie holds the same
/// information — a node per path prefix, a value (or version history) on the nodes that are keys of that dictionary,
/// and the sequence number at which each key was first inserted — without hashing whole paths. Children are found by
/// a scan that starts after the previously matched sibling (releases of one process list their fields in the same
/// order), switching to a hash index for wide nodes, so merging is linear in the size of the releases.
///
/// Nodes are plain structs in manually managed buffers, with their labels and values in parallel buffers.
final class MergeTree {
    enum Kind: UInt8 {
        case root
        /// A member of an object; the label is its name.
        case field
        /// An object in an identifier-merged array; the label is Python's `str()` of its `id` (so `1` and `"1"` are
        /// the same flattened path, as in ocdsmerge).
        case id
        /// An object without `id`: always a new array member.
        case anonymous
    }

    enum RuleKind: UInt8 {
        case none
        case omit
        case wholeList
    }

    struct Node {
        var parent: Int32
        /// The node in the rule table for this path (-1: no rules at or below it).
        var rule: Int32
        var firstChild: Int32 = -1
        var lastChild: Int32 = -1
        var nextSibling: Int32 = -1
        /// The child matched last, where the next lookup starts.
        var cursor: Int32 = -1
        var childCount: Int32 = 0
        /// Sequence number of this path's first insertion as a flattened key (-1: never a key).
        var leafSeq: Int32 = -1
        /// Smallest sequence number of any key at or below this node (-1: none, so the node produces no output).
        var firstEntry: Int32 = -1
        /// For a versioned key, the index of its newest entry in `versions` (-1: the value is in `values`).
        var lastVersion: Int32 = -1
        var kind: Kind
        var ruleKind: RuleKind

        init(parent: Int32, rule: Int32, kind: Kind, ruleKind: RuleKind) {
            self.parent = parent
            self.rule = rule
            self.kind = kind
            self.ruleKind = ruleKind
        }
    }

    /// One entry of a versioned history, linked to the previous entry of the same key.
    struct Version {
        var release: Int32
        var previous: Int32
        var value: OCDSValue
    }

    struct IndexKey: Hashable {
        var kind: UInt8
        var label: UTF8Key
    }

    static let indexThreshold: Int32 = 16

    let table: RuleTable
    let versioned: Bool
    private var nodes: UnsafeMutablePointer<Node>
    /// Field name or identifier of each node.
    private var labels: UnsafeMutablePointer<String>
    /// The value of each key in a compiled release (or the unversioned `ocid`); for array members, the original
    /// `id` value (`null` when there was none).
    private var values: UnsafeMutablePointer<OCDSValue>
    private(set) var count = 0
    private var capacity: Int
    private var versions: [Version] = []
    /// Hash index of the children of wide nodes.
    private var index: [Int32: [IndexKey: Int32]] = [:]
    private var sequence: Int32 = -1
    /// Identifiers whose Python type differs from the first one seen at the same path (`1` then `"1"`), for the
    /// array members currently being flattened, and the keys that were first inserted under such identifiers.
    /// ocdsmerge keeps those keys apart when rebuilding JSON, so their presence switches to the exact rebuild.
    private var divergentIDs: [(node: Int32, id: OCDSValue)] = []
    private var keyIDs: [Int32: [(node: Int32, id: OCDSValue)]] = [:]
    /// Whether the fast rebuild could differ from ocdsmerge's: identifiers of different types collided, or an
    /// identifier is a non-integer number, a boolean or a container (which Python can equate with other text).
    private(set) var needsExactRebuild = false
    /// The release being merged (versioned mode) and the metadata of every release so far.
    var release: Int32 = 0
    var releases: [(id: OCDSValue, date: OCDSValue, tag: OCDSValue)] = []

    init(table: RuleTable, versioned: Bool, capacity: Int = 256) {
        self.table = table
        self.versioned = versioned
        self.capacity = max(capacity, 16)
        nodes = .allocate(capacity: self.capacity)
        labels = .allocate(capacity: self.capacity)
        values = .allocate(capacity: self.capacity)
        nodes.initialize(to: Node(parent: -1, rule: 0, kind: .root, ruleKind: .none))
        labels.initialize(to: "")
        values.initialize(to: .null)
        count = 1
    }

    deinit {
        labels.deinitialize(count: count)
        values.deinitialize(count: count)
        nodes.deallocate()
        labels.deallocate()
        values.deallocate()
    }

    private func grow() {
        let newCapacity = capacity * 2
        let newNodes = UnsafeMutablePointer<Node>.allocate(capacity: newCapacity)
        let newLabels = UnsafeMutablePointer<String>.allocate(capacity: newCapacity)
        let newValues = UnsafeMutablePointer<OCDSValue>.allocate(capacity: newCapacity)
        newNodes.moveInitialize(from: nodes, count: count)
        newLabels.moveInitialize(from: labels, count: count)
        newValues.moveInitialize(from: values, count: count)
        nodes.deallocate()
        labels.deallocate()
        values.deallocate()
        nodes = newNodes
        labels = newLabels
        values = newValues
        capacity = newCapacity
    }

    // MARK: - Building the trie

    /// The child of `parent` with this kind and label, created if needed.
    func child(_ parent: Int32, _ kind: Kind, _ label: String, original: OCDSValue = .null) -> Int32 {
        let p = Int(parent)
        if nodes[p].childCount > Self.indexThreshold {
            if let found = index[parent]?[IndexKey(kind: kind.rawValue, label: UTF8Key(label))] { return found }
            return addChild(parent, kind, label, original: original)
        }
        // Scan from the sibling after the last match to the end, then from the first child.
        let cursor = nodes[p].cursor
        let start = cursor >= 0 ? nodes[Int(cursor)].nextSibling : -1
        var candidate = start
        while candidate >= 0 {
            let c = Int(candidate)
            if nodes[c].kind == kind && labels[c].hasSameUTF8(as: label) {
                nodes[p].cursor = candidate
                return candidate
            }
            candidate = nodes[c].nextSibling
        }
        candidate = nodes[p].firstChild
        while candidate >= 0 && candidate != start {
            let c = Int(candidate)
            if nodes[c].kind == kind && labels[c].hasSameUTF8(as: label) {
                nodes[p].cursor = candidate
                return candidate
            }
            candidate = nodes[c].nextSibling
        }
        return addChild(parent, kind, label, original: original)
    }

    @discardableResult
    func addChild(_ parent: Int32, _ kind: Kind, _ label: String, original: OCDSValue = .null) -> Int32 {
        if count == capacity { grow() }
        let p = Int(parent)
        let node = Int32(count)
        let rule: Int32
        let ruleKind: RuleKind
        if kind == .field {
            rule = table.child(nodes[p].rule, label)
            switch table.rule(rule) {
            case nil: ruleKind = .none
            case .omitWhenMerged?: ruleKind = .omit
            case .wholeListMerge?: ruleKind = .wholeList
            }
        } else {
            // Array members share the rules of the array's path.
            rule = nodes[p].rule
            ruleKind = .none
        }
        (nodes + count).initialize(to: Node(parent: parent, rule: rule, kind: kind, ruleKind: ruleKind))
        (labels + count).initialize(to: label)
        (values + count).initialize(to: original)
        count += 1
        if nodes[p].lastChild >= 0 {
            nodes[Int(nodes[p].lastChild)].nextSibling = node
        } else {
            nodes[p].firstChild = node
        }
        nodes[p].lastChild = node
        nodes[p].cursor = node
        nodes[p].childCount += 1
        let children = nodes[p].childCount
        if children == Self.indexThreshold + 1 {
            var lookup: [IndexKey: Int32] = [:]
            var candidate = nodes[p].firstChild
            while candidate >= 0 {
                let c = Int(candidate)
                if nodes[c].kind != .anonymous {
                    let key = IndexKey(kind: nodes[c].kind.rawValue, label: UTF8Key(labels[c]))
                    if lookup[key] == nil { lookup[key] = candidate }
                }
                candidate = nodes[c].nextSibling
            }
            index[parent] = lookup
        } else if children > Self.indexThreshold + 1 && kind != .anonymous {
            index[parent, default: [:]][IndexKey(kind: kind.rawValue, label: UTF8Key(label))] = node
        }
        return node
    }

    /// Records that `node` became a key of the flattened dictionary.
    private func markEntry(_ node: Int32) {
        if !divergentIDs.isEmpty { keyIDs[node] = divergentIDs }
        sequence += 1
        nodes[Int(node)].leafSeq = sequence
        var current = node
        while current >= 0 && nodes[Int(current)].firstEntry < 0 {
            nodes[Int(current)].firstEntry = sequence
            current = nodes[Int(current)].parent
        }
    }

    /// Sets a flattened key's value: overwrites it (compiled) or appends to its history when it changed (versioned).
    func setLeaf(_ node: Int32, _ value: OCDSValue) {
        let n = Int(node)
        if !versioned {
            if nodes[n].leafSeq < 0 { markEntry(node) }
            values[n] = value
            return
        }
        if nodes[n].leafSeq < 0 {
            markEntry(node)
            nodes[n].lastVersion = Int32(versions.count)
            versions.append(Version(release: release, previous: -1, value: value))
            return
        }
        var last = nodes[n].lastVersion
        // A plain (unversioned) key such as `ocid` is never versioned.
        guard last >= 0 else { return }
        // The same path twice in one release (repeated `id`s): only the release's last value counts.
        if versions[Int(last)].release == release {
            last = versions[Int(last)].previous
            nodes[n].lastVersion = last
        }
        if last >= 0 && Python.equal(versions[Int(last)].value, value) { return }
        nodes[n].lastVersion = Int32(versions.count)
        versions.append(Version(release: release, previous: last, value: value))
    }

    /// Sets an unversioned value (the versioned release's `ocid`).
    func setPlainLeaf(_ node: Int32, _ value: OCDSValue) {
        if nodes[Int(node)].leafSeq < 0 { markEntry(node) }
        values[Int(node)] = value
    }

    /// Flattens one release into the trie (its `tag` is skipped; in versioned mode so is a literal `ocid`).
    func insertRelease(_ release: OCDSObject) {
        release.members.withUnsafeBufferPointer { members in
            for member in members {
                if member.key.hasSameUTF8(as: "tag") { continue }
                let node = child(0, .field, member.key)
                if versioned && member.key.hasSameUTF8(as: "ocid") && wouldBeLeaf(node, member.value) { continue }
                insert(member.value, at: node)
            }
        }
    }

    private func wouldBeLeaf(_ node: Int32, _ value: OCDSValue) -> Bool {
        switch nodes[Int(node)].ruleKind {
        case .omit: return false
        case .wholeList: return true
        case .none: break
        }
        switch value {
        case .object: return false
        case .array(let elements): return elements.contains { !$0.isObject }
        default: return true
        }
    }

    private func insertMembers(_ object: OCDSObject, at node: Int32) {
        object.members.withUnsafeBufferPointer { members in
            for member in members { insert(member.value, at: child(node, .field, member.key)) }
        }
    }

    private func insert(_ value: OCDSValue, at node: Int32) {
        switch nodes[Int(node)].ruleKind {
        case .omit:
            return
        case .wholeList:
            setLeaf(node, value)
            return
        case .none:
            break
        }
        switch value {
        case .object(let object):
            insertMembers(object, at: node)
        case .array(let elements):
            guard !elements.isEmpty else { return }
            guard elements.allSatisfy(\.isObject) else {
                setLeaf(node, value)
                return
            }
            for case .object(let object) in elements where !object.isEmpty {
                guard let id = object["id"] else {
                    insertMembers(object, at: addChild(node, .anonymous, ""))
                    continue
                }
                if !Python.isPlainIdentifier(id) { needsExactRebuild = true }
                let member = child(node, .id, Python.str(id), original: id)
                if Python.sameIdentifier(values[Int(member)], id) {
                    insertMembers(object, at: member)
                } else {
                    needsExactRebuild = true
                    divergentIDs.append((member, id))
                    insertMembers(object, at: member)
                    divergentIDs.removeLast()
                }
            }
        default:
            setLeaf(node, value)
        }
    }

    // MARK: - Rebuilding JSON

    /// Unflattens the trie, as ocdsmerge's `unflatten` does for its dictionary.
    func materialize(exact: Bool = false) throws(MergeError) -> OCDSValue {
        if exact || needsExactRebuild { return try exactRebuild() }
        return try build(0, existing: nil) ?? .object(OCDSObject())
    }

    /// The children that hold at least one key, in the order their first key was inserted.
    private func liveChildren(_ node: Int32) -> LiveChildren {
        var live = 0
        var sorted = true
        var previous: Int32 = -1
        var first: Int32 = -1
        var candidate = nodes[Int(node)].firstChild
        while candidate >= 0 {
            let entry = nodes[Int(candidate)].firstEntry
            if entry >= 0 {
                if entry < previous { sorted = false }
                if first < 0 { first = candidate }
                previous = entry
                live += 1
            }
            candidate = nodes[Int(candidate)].nextSibling
        }
        guard !sorted else { return LiveChildren(count: live, first: first, sorted: nil) }
        // Rare: a key below an earlier sibling was inserted later. Order the children by their first key.
        var children: [Int32] = []
        children.reserveCapacity(live)
        candidate = first
        while candidate >= 0 {
            if nodes[Int(candidate)].firstEntry >= 0 { children.append(candidate) }
            candidate = nodes[Int(candidate)].nextSibling
        }
        children.sort { nodes[Int($0)].firstEntry < nodes[Int($1)].firstEntry }
        return LiveChildren(count: live, first: children[0], sorted: children)
    }

    /// The live children of a node: either the sibling chain (skipping nodes without keys) or an explicit order.
    struct LiveChildren {
        var count: Int
        var first: Int32
        var sorted: [Int32]?

        var isEmpty: Bool { count == 0 }
    }

    /// Calls `body` for each live child in order.
    @inline(__always)
    private func forEach(_ children: LiveChildren, _ body: (Int32) throws(MergeError) -> Void) throws(MergeError) {
        if let sorted = children.sorted {
            for child in sorted { try body(child) }
            return
        }
        var candidate = children.first
        while candidate >= 0 {
            if nodes[Int(candidate)].firstEntry >= 0 { try body(candidate) }
            candidate = nodes[Int(candidate)].nextSibling
        }
    }

    private func leafValue(_ node: Int32) -> OCDSValue {
        var version = nodes[Int(node)].lastVersion
        guard version >= 0 else { return values[Int(node)] }
        var history: [OCDSValue] = []
        while version >= 0 {
            let entry = versions[Int(version)]
            let release = releases[Int(entry.release)]
            history.append(
                .object(
                    OCDSObject(uncheckedMembers: [
                        ("releaseID", release.id),
                        ("releaseDate", release.date),
                        ("releaseTag", release.tag),
                        ("value", entry.value),
                    ])
                )
            )
            version = entry.previous
        }
        history.reverse()
        return .array(history)
    }

    /// The JSON for `node`. `existing` is a value already in place at this position (ocdsmerge changes into such a
    /// value instead of replacing it); `nil` means the position is empty.
    ///
    /// ocdsmerge visits keys in insertion order. When a node is both a key and a prefix of other keys, the result
    /// depends on which came first: a value set first (unless `null`) is kept and later keys go inside it (an array
    /// gains the new members; a literal is an inconsistent type), while a container created first ignores the value.
    private func build(_ node: Int32, existing: OCDSValue?) throws(MergeError) -> OCDSValue? {
        let children = liveChildren(node)
        if let existing {
            return children.isEmpty ? existing : try descend(into: existing, children, node)
        }
        let leafSeq = nodes[Int(node)].leafSeq
        if leafSeq >= 0 && (children.isEmpty || leafSeq < nodes[Int(children.first)].firstEntry) {
            let value = leafValue(node)
            if case .null = value {
                if children.isEmpty { return nil }
            } else {
                return children.isEmpty ? value : try descend(into: value, children, node)
            }
        } else if children.isEmpty {
            return nil
        }
        if nodes[Int(children.first)].kind == .field {
            var object = OCDSObject()
            object.reserveCapacity(children.count)
            try forEach(children) { child throws(MergeError) in
                guard nodes[Int(child)].kind == .field else { throw inconsistent(node) }
                if let value = try build(child, existing: nil) { object.appendUnchecked(labels[Int(child)], value) }
            }
            return .object(object)
        }
        var array: [OCDSValue] = []
        array.reserveCapacity(children.count)
        try forEach(children) { child throws(MergeError) in
            guard nodes[Int(child)].kind != .field else { throw inconsistent(node) }
            array.append(try element(child))
        }
        return .array(array)
    }

    /// An object of an identifier-merged array. It starts as `{"id": <original id>}` (unless the `id` was absent or
    /// `null`), so a later `id` value never replaces the first one.
    private func element(_ node: Int32) throws(MergeError) -> OCDSValue {
        let children = liveChildren(node)
        var object = OCDSObject()
        object.reserveCapacity(children.count + 1)
        let original = values[Int(node)]
        let hasID = !original.isNull
        if hasID { object.appendUnchecked("id", original) }
        try forEach(children) { child throws(MergeError) in
            guard nodes[Int(child)].kind == .field else { throw inconsistent(node) }
            let name = labels[Int(child)]
            if hasID && name == "id" {
                if let value = try build(child, existing: original) { object.setValue(at: 0, value) }
            } else if let value = try build(child, existing: nil) {
                object.appendUnchecked(name, value)
            }
        }
        return .object(object)
    }

    private func descend(into existing: OCDSValue, _ children: LiveChildren, _ node: Int32) throws(MergeError) -> OCDSValue {
        switch existing {
        case .object(var object):
            try forEach(children) { child throws(MergeError) in
                guard nodes[Int(child)].kind == .field else { throw inconsistent(node) }
                let name = labels[Int(child)]
                if let position = object.index(forKey: name) {
                    if let value = try build(child, existing: object.members[position].value) { object.setValue(at: position, value) }
                } else if let value = try build(child, existing: nil) {
                    object.appendUnchecked(name, value)
                }
            }
            return .object(object)
        case .array(var array):
            try forEach(children) { child throws(MergeError) in
                guard nodes[Int(child)].kind != .field else { throw inconsistent(node) }
                array.append(try element(child))
            }
            return .array(array)
        default:
            throw inconsistent(node)
        }
    }

    // MARK: - Exact rebuild

    /// JSON being rebuilt by the exact path. Containers are shared references, as Python's dicts and lists are.
    private enum Rebuilt {
        case literal(OCDSValue)
        case object(RebuiltObject)
        case array(RebuiltArray)

        /// The value, with literal containers turned into shared ones (so keys can be added inside them).
        var opened: Rebuilt {
            switch self {
            case .literal(.object(let object)):
                let opened = RebuiltObject()
                for member in object { opened.append(member.key, .literal(member.value)) }
                return .object(opened)
            case .literal(.array(let elements)):
                let opened = RebuiltArray()
                opened.items = elements.map(Rebuilt.literal)
                return .array(opened)
            default:
                return self
            }
        }

        var value: OCDSValue {
            switch self {
            case .literal(let value):
                return value
            case .object(let object):
                var result = OCDSObject()
                result.reserveCapacity(object.members.count)
                for member in object.members { result.appendUnchecked(member.key, member.value.value) }
                return .object(result)
            case .array(let array):
                return .array(array.items.map(\.value))
            }
        }
    }

    private final class RebuiltObject {
        var members: [(key: String, value: Rebuilt)] = []
        var positions: [UTF8Key: Int] = [:]

        func append(_ key: String, _ value: Rebuilt) {
            positions[UTF8Key(key)] = members.count
            members.append((key, value))
        }
    }

    private final class RebuiltArray {
        var items: [Rebuilt] = []
    }

    /// An array member as ocdsmerge's `unflatten` identifies it: the path so far (as text) and the identifier with
    /// Python's equality.
    private struct Identity: Hashable {
        var prefix: [UTF8Key]
        var id: Python.Key
    }

    /// ocdsmerge's `unflatten`, step by step: every flattened key in insertion order, walked from the root, creating
    /// what is missing. Array members are found by (path, identifier), where the identifier is the `id` value the key
    /// was first inserted under, compared with Python's `==`.
    private func exactRebuild() throws(MergeError) -> OCDSValue {
        var keys: [Int32] = []
        for node in 0..<count where nodes[node].leafSeq >= 0 { keys.append(Int32(node)) }
        keys.sort { nodes[Int($0)].leafSeq < nodes[Int($1)].leafSeq }
        let root = RebuiltObject()
        var identifiers: [Identity: RebuiltObject] = [:]
        for key in keys {
            var path: [Int32] = []
            var current = key
            while current > 0 {
                path.append(current)
                current = nodes[Int(current)].parent
            }
            path.reverse()
            let insertedUnder = keyIDs[key] ?? []
            let value = leafValue(key)
            var position = Rebuilt.object(root)
            var prefix: [UTF8Key] = []
            for (offset, part) in path.enumerated() {
                let kind = nodes[Int(part)].kind
                let label = labels[Int(part)]
                if kind == .id || kind == .anonymous {
                    let id = insertedUnder.last { $0.node == part }?.id ?? values[Int(part)]
                    let identity = Identity(prefix: prefix, id: kind == .anonymous ? .unique(part) : Python.Key(id))
                    // An object without `id` gets a unique identifier (a UUID in ocdsmerge).
                    prefix.append(UTF8Key(kind == .anonymous ? "\u{0}#\(part)" : label))
                    if let existing = identifiers[identity] {
                        position = .object(existing)
                        continue
                    }
                    guard case .array(let array) = position else { throw inconsistent(nodes[Int(part)].parent) }
                    let object = RebuiltObject()
                    if kind == .id && !id.isNull { object.append("id", .literal(id)) }
                    identifiers[identity] = object
                    array.items.append(.object(object))
                    position = .object(object)
                    continue
                }
                prefix.append(UTF8Key(label))
                guard case .object(let object) = position else { throw inconsistent(nodes[Int(part)].parent) }
                if let index = object.positions[UTF8Key(label)] {
                    // Change into what is there.
                    let existing = object.members[index].value.opened
                    object.members[index].value = existing
                    position = existing
                } else if offset < path.count - 1 {
                    let container: Rebuilt = nodes[Int(path[offset + 1])].kind == .field ? .object(RebuiltObject()) : .array(RebuiltArray())
                    object.append(label, container)
                    position = container
                } else if !value.isNull {
                    object.append(label, .literal(value))
                }
            }
        }
        return Rebuilt.object(root).value
    }

    private func inconsistent(_ node: Int32) -> MergeError {
        var parts: [String] = []
        var current = node
        while current > 0 {
            switch nodes[Int(current)].kind {
            case .field, .id: parts.append(labels[Int(current)])
            case .anonymous, .root: parts.append("?")
            }
            current = nodes[Int(current)].parent
        }
        return .inconsistentType(path: "/" + parts.reversed().joined(separator: "/"))
    }
}
