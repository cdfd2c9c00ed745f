import Foundation
import TransparencyLog

/// The conformance data from `shared/data/tlog`, bundled as the `Vectors` resource.
enum Vectors {
    static let root = Bundle.module.url(forResource: "Vectors", withExtension: nil)!

    static func decode<Value: Decodable>(_ type: Value.Type, from path: String) throws -> Value {
        try JSONDecoder().decode(type, from: Data(contentsOf: root.appending(path: path)))
    }

    /// The `.json` files below `directory`, as sorted paths relative to it.
    static func jsonFiles(under directory: String) throws -> [String] {
        let base = root.appending(path: directory)
        let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil)!
        let prefix = base.standardizedFileURL.path + "/"
        return enumerator.compactMap { ($0 as? URL)?.standardizedFileURL.path }
            .filter { $0.hasSuffix(".json") }
            .map { String($0.dropFirst(prefix.count)) }
            .sorted()
    }
}

func decodeBase64(_ base64: String) -> [UInt8]? {
    Data(base64Encoded: base64).map(Array.init)
}

func decodeHex(_ hex: String) -> [UInt8] {
    stride(from: 0, to: hex.count, by: 2).map { offset in
        let start = hex.index(hex.startIndex, offsetBy: offset)
        return UInt8(hex[start..<hex.index(start, offsetBy: 2)], radix: 16)!
    }
}

extension Hash {
    init(hex: String) {
        self.init(bytes: decodeHex(hex))!
    }
}
