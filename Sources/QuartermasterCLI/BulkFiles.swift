import Foundation
import OpenContracting

/// The four bulk files of an OCDS export, written as they stream in and renamed into place by `finish`.
final class BulkFiles {
    private let directory: URL
    private let releasesLines: FileOutput
    private let releasePackage: FileOutput
    private let compiledLines: FileOutput
    private let recordPackage: FileOutput
    private(set) var releaseCount = 0
    private(set) var recordCount = 0

    init(directory: URL, profile: PublisherProfile, publishedDate: Date) throws {
        self.directory = directory
        releasesLines = try FileOutput(directory.appendingPathComponent("releases.jsonl"))
        compiledLines = try FileOutput(directory.appendingPathComponent("compiled-releases.jsonl"))
        releasePackage = try FileOutput(directory.appendingPathComponent("release-package.json"))
        recordPackage = try FileOutput(directory.appendingPathComponent("record-package.json"))
        let base = profile.baseURI + "/ocds"
        try releasePackage.write(Self.opening(profile.packageMetadata(uri: base + "/releases", publishedDate: publishedDate), array: "releases"))
        try recordPackage.write(Self.opening(profile.packageMetadata(uri: base + "/records", publishedDate: publishedDate), array: "records"))
    }

    func write(releases: [OCDSValue], record: OCDSValue, compiled: OCDSValue) throws {
        for release in releases {
            try releasesLines.write(release.jsonBytes() + [UInt8(ascii: "\n")])
            try releasePackage.write((releaseCount == 0 ? [] : Array(",\n".utf8)) + release.jsonBytes())
            releaseCount += 1
        }
        try compiledLines.write(compiled.jsonBytes() + [UInt8(ascii: "\n")])
        try recordPackage.write((recordCount == 0 ? [] : Array(",\n".utf8)) + record.jsonBytes())
        recordCount += 1
    }

    func finish() throws {
        try releasePackage.write(Array("\n]}\n".utf8))
        try recordPackage.write(Array("\n]}\n".utf8))
        for file in [releasesLines, releasePackage, compiledLines, recordPackage] { try file.commit() }
    }

    /// The package's metadata as an unfinished object that ends in the opening of its `array` member.
    static func opening(_ metadata: OCDSObject, array: String) -> [UInt8] {
        var bytes = OCDSValue.object(metadata).jsonBytes()
        bytes.removeLast()  // the closing brace
        bytes += Array(",\"\(array)\":[\n".utf8)
        return bytes
    }
}

/// A file written under a temporary name and renamed into place once complete.
final class FileOutput {
    private let target: URL
    private let temporary: URL
    private let handle: FileHandle

    init(_ target: URL) throws {
        self.target = target
        temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).partial")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: temporary.path])
        }
        handle = try FileHandle(forWritingTo: temporary)
    }

    func write(_ bytes: [UInt8]) throws { try handle.write(contentsOf: bytes) }

    func commit() throws {
        try handle.synchronize()
        try handle.close()
        guard rename(temporary.path, target.path) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path])
        }
    }
}
