/// Why releases could not be merged. The cases match ocdsmerge's exceptions.
public enum MergeError: Error, Equatable, Sendable {
    /// The release at this position (in the input) is not a JSON object.
    case nonObjectRelease(index: Int)
    /// The release at this position has no `date` (only checked when merging two or more releases).
    case missingDate(index: Int)
    /// The release at this position has `"date": null`.
    case nullDate(index: Int)
    /// The release at this position has a `date` that is not a string.
    case nonStringDate(index: Int)
    /// A field is a literal in one release and an object or array in another, so the releases cannot be combined.
    /// `path` is a JSON-pointer-like path; array members are shown by `id`.
    case inconsistentType(path: String)
}

/// Merges the releases of one contracting process into a compiled release, a versioned release, or a record,
/// following the OCDS 1.1 merge routine with the rules of a release schema (``MergeRules``).
///
/// The output equals that of the reference implementation, ocdsmerge 0.8 as `ocdskit compile` runs it (parsed JSON
/// compared; ocdskit reads non-integer numbers as `Decimal`):
///
/// * Releases are sorted by `date` (a stable sort on the string's code points); with two or more releases every
///   `date` must be a string.
/// * Each release is flattened to `path → value`: objects member by member, arrays of objects by the `id` of each
///   object (identifier merge; objects without `id` are always new), and everything else — literals, arrays that
///   contain a non-object, `wholeListMerge` fields — as one value. `omitWhenMerged` fields and the release `tag` are
///   dropped; empty objects and empty identifier-merged arrays contribute nothing.
/// * Later releases overwrite earlier values path by path, and JSON is rebuilt from the paths in the order they were
///   first seen. A `null` removes a literal or whole-list value from the compiled release (the versioned history
///   records it); it does not remove an object that earlier releases filled, and a literal where an earlier release
///   had an object is ignored, while an object where an earlier release had a literal is an
///   ``MergeError/inconsistentType(path:)``.
/// * The compiled release gets `tag: ["compiled"]`, `id: "<ocid>-<date>"` and the `date` and `ocid` of the last
///   release. The versioned release keeps the last `ocid` and, for every other path, the list of
///   `{releaseID, releaseDate, releaseTag, value}` entries at which its value changed. The `id` of an object in an
///   identifier-merged array is never versioned (it keeps its first value); every other `id` is.
/// * Identifiers follow Python: paths use `str(id)` (so `1` and `"1"` collide), rebuilding uses `==` (so `1`,
///   `1.0` and `true` are one object). Both are rare in real data and handled exactly.
public struct Merger: Sendable {
    public let rules: MergeRules

    /// Testing aid: rebuild every result with the step-by-step emulation of ocdsmerge's `unflatten`, which is
    /// otherwise used only when identifiers of different types collide.
    @_spi(Testing) public var alwaysRebuildExactly = false

    public init(rules: MergeRules) { self.rules = rules }

    /// A merger for a release schema (see ``MergeRules/init(schema:)``).
    public init(schema: OCDSValue) throws(SchemaError) {
        rules = try MergeRules(schema: schema)
    }

    /// The compiled release of `releases` (any order; they are sorted by `date`).
    public func compiled(_ releases: [OCDSValue]) throws(MergeError) -> OCDSValue {
        try compiled(sorted: Self.sortedByDate(releases))
    }

    /// The versioned release of `releases` (any order; they are sorted by `date`).
    public func versioned(_ releases: [OCDSValue]) throws(MergeError) -> OCDSValue {
        try versioned(sorted: Self.sortedByDate(releases))
    }

    /// An OCDS record: `{ocid, releases, compiledRelease, versionedRelease}`. `releases` are embedded as given, in
    /// the given order; `versionedRelease` is left out when `includeVersioned` is false.
    public func record(ocid: String, releases: [OCDSValue], includeVersioned: Bool = true) throws(MergeError) -> OCDSValue {
        let sorted = try Self.sortedByDate(releases)
        var record = OCDSObject(uncheckedMembers: [
            ("ocid", .string(ocid)),
            ("releases", .array(releases)),
            ("compiledRelease", try compiled(sorted: sorted)),
        ])
        if includeVersioned { record.appendUnchecked("versionedRelease", try versioned(sorted: sorted)) }
        return .object(record)
    }

    func compiled(sorted releases: [OCDSObject]) throws(MergeError) -> OCDSValue {
        let tree = MergeTree(table: rules.table, versioned: false)
        let root: Int32 = 0
        tree.setLeaf(tree.child(root, .field, "tag"), ["compiled"])
        for release in releases {
            let ocid = release["ocid"] ?? .null
            let date = release["date"] ?? .null
            tree.setLeaf(tree.child(root, .field, "id"), .string(Python.str(ocid) + "-" + Python.str(date)))
            tree.setLeaf(tree.child(root, .field, "date"), date)
            tree.setLeaf(tree.child(root, .field, "ocid"), ocid)
            tree.insertRelease(release)
        }
        return try tree.materialize(exact: alwaysRebuildExactly)
    }

    func versioned(sorted releases: [OCDSObject]) throws(MergeError) -> OCDSValue {
        let tree = MergeTree(table: rules.table, versioned: true)
        tree.releases.reserveCapacity(releases.count)
        for (position, release) in releases.enumerated() {
            tree.release = Int32(position)
            tree.releases.append((id: release["id"] ?? .null, date: release["date"] ?? .null, tag: release["tag"] ?? .null))
            tree.setPlainLeaf(tree.child(0, .field, "ocid"), release["ocid"] ?? .null)
            tree.insertRelease(release)
        }
        return try tree.materialize(exact: alwaysRebuildExactly)
    }

    /// The releases as objects, stably sorted by `date` (compared as Unicode code points, like Python's `sorted`).
    /// A single release is returned as is, without checking its `date`.
    static func sortedByDate(_ releases: [OCDSValue]) throws(MergeError) -> [OCDSObject] {
        if releases.count == 1 {
            guard case .object(let release) = releases[0] else { throw MergeError.nonObjectRelease(index: 0) }
            return [release]
        }
        var objects: [OCDSObject] = []
        var dates: [String] = []
        objects.reserveCapacity(releases.count)
        dates.reserveCapacity(releases.count)
        for (index, value) in releases.enumerated() {
            guard case .object(let release) = value else { throw MergeError.nonObjectRelease(index: index) }
            switch release["date"] {
            case nil: throw MergeError.missingDate(index: index)
            case .null?: throw MergeError.nullDate(index: index)
            case .string(let date)?: dates.append(date)
            default: throw MergeError.nonStringDate(index: index)
            }
            objects.append(release)
        }
        var alreadySorted = true
        for index in dates.indices.dropFirst() where compareUTF8(dates[index - 1], dates[index]) > 0 {
            alreadySorted = false
            break
        }
        if alreadySorted { return objects }
        let order = dates.indices.sorted { left, right in
            let comparison = compareUTF8(dates[left], dates[right])
            return comparison == 0 ? left < right : comparison < 0
        }
        return order.map { objects[$0] }
    }
}

/// Three-way comparison of the UTF-8 bytes (the same order as Unicode code points).
func compareUTF8(_ left: String, _ right: String) -> Int {
    var left = left
    var right = right
    return left.withUTF8 { a in
        right.withUTF8 { b in
            let common = min(a.count, b.count)
            for index in 0..<common where a[index] != b[index] {
                return a[index] < b[index] ? -1 : 1
            }
            return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
        }
    }
}
