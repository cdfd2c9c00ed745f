/// Why releases could not be compiled.
public enum CompilationError: Error, Equatable, CustomStringConvertible {
    /// The input item at this position is neither a release (it has `date`) nor a release package (it has `releases`).
    case notReleaseOrPackage(item: Int)
    case missingOcid(item: Int)
    case merge(ocid: String, MergeError)

    public var description: String {
        switch self {
        case .notReleaseOrPackage(let item): "input item \(item) is neither a release nor a release package"
        case .missingOcid(let item): "the `ocid` of at least one release (in input item \(item)) is missing or not a string"
        case .merge(let ocid, let error): "\(ocid): \(error)"
        }
    }
}

/// `ocdskit compile`, item for item: release packages and releases in, releases grouped by `ocid` (ocids in code
/// point order, each ocid's releases in input order), merged into compiled or versioned releases, or a record package.
public struct Compilation: Sendable {
    public struct Options: Sendable {
        public var versioned = false
        public var package = false
        /// In a record package, refer to releases from packages with a `uri` as `{url: uri#id, date, tag}`.
        public var linkedReleases = false
        public var uri = ""
        public var publishedDate = ""
        public var version = "1.1"
        /// Overrides the publisher taken from the last input package.
        public var publisher: OCDSObject?

        public init() {}
    }

    let merger: Merger
    private var releases: [String: [(release: OCDSValue, packageURI: String)]] = [:]
    private var publisher: OCDSValue = .object(OCDSObject())
    private var license: OCDSValue?
    private var publicationPolicy: OCDSValue?
    private var extensions: [OCDSValue] = []
    private var packages: [OCDSValue] = []
    private var items = 0

    public init(merger: Merger) { self.merger = merger }

    /// Adds one input value: a release, a release package, or an array of either.
    public mutating func add(_ value: OCDSValue) throws(CompilationError) {
        if case .array(let values) = value {
            for value in values { try add(value) }
            return
        }
        defer { items += 1 }
        guard case .object(let object) = value else { throw .notReleaseOrPackage(item: items) }
        if object["date"] != nil { return try add(release: value, packageURI: "") }
        guard case .array(let members)? = object["releases"] else { throw .notReleaseOrPackage(item: items) }
        let uri = object["uri"]?.stringValue ?? ""
        if let publisher = object["publisher"] { self.publisher = publisher }
        if let license = object["license"] { self.license = license }
        if let policy = object["publicationPolicy"] { publicationPolicy = policy }
        for url in object["extensions"]?.arrayValue ?? [] where !extensions.contains(url) { extensions.append(url) }
        if !uri.isEmpty { packages.append(.string(uri)) }
        for release in members where !release.isNull { try add(release: release, packageURI: uri) }
    }

    private mutating func add(release: OCDSValue, packageURI: String) throws(CompilationError) {
        guard let ocid = release["ocid"]?.stringValue else { throw .missingOcid(item: items) }
        releases[ocid, default: []].append((release, packageURI))
    }

    /// The ocids read so far, in output order (code points, as ocdskit sorts them).
    public var ocids: [String] { releases.keys.sorted { compareUTF8($0, $1) < 0 } }

    /// The output for one ocid: its compiled or versioned release, or with `package` its record.
    public func output(for ocid: String, _ options: Options) throws(CompilationError) -> OCDSValue {
        let group = releases[ocid] ?? []
        let members = group.map(\.release)
        do {
            guard options.package else { return options.versioned ? try merger.versioned(members) : try merger.compiled(members) }
            let embedded = group.map { options.linkedReleases && !$0.packageURI.isEmpty ? Self.linked($0.release, uri: $0.packageURI) : $0.release }
            var record = OCDSObject.dropping([("ocid", .string(ocid)), ("releases", .array(embedded))])
            record["compiledRelease"] = try merger.compiled(members)
            if options.versioned { record["versionedRelease"] = try merger.versioned(members) }
            return .object(record)
        } catch {
            throw .merge(ocid: ocid, error)
        }
    }

    /// Compiled (or versioned) releases, one per ocid, or a single record package.
    public func output(_ options: Options) throws(CompilationError) -> [OCDSValue] {
        var outputs: [OCDSValue] = []
        for ocid in ocids { outputs.append(try output(for: ocid, options)) }
        guard options.package else { return outputs }
        var package = recordPackageMetadata(options)
        package["records"] = .array(outputs)
        return [.object(package)]
    }

    /// The record package's members other than `records`: the metadata of the input packages and of `options`.
    public func recordPackageMetadata(_ options: Options) -> OCDSObject {
        .dropping([
            ("uri", .string(options.uri)),
            ("publisher", options.publisher.map(OCDSValue.object) ?? publisher),
            ("publishedDate", .string(options.publishedDate)),
            ("license", license.flatMap { $0.isNull ? nil : $0 }),
            ("publicationPolicy", publicationPolicy.flatMap { $0.isNull ? nil : $0 }),
            ("version", .string(options.version)),
            ("extensions", .nonEmpty(extensions)),
            ("packages", .nonEmpty(packages)),
        ])
    }

    static func linked(_ release: OCDSValue, uri: String) -> OCDSValue {
        .object([
            ("url", .string(uri + "#" + (release["id"].map(Python.str) ?? ""))),
            ("date", release["date"] ?? .null),
            ("tag", release["tag"] ?? .null),
        ])
    }
}
