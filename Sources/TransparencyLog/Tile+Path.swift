/// tlog-tiles paths: `tile/<L>/<N>[.p/<W>]` and `tile/entries/<N>[.p/<W>]`, where N is written in 3-digit
/// groups and every group but the last gets an `x` prefix (1234067 → `x001/x234/067`).
extension Tile {
    public var path: String {
        let kindSegment =
            switch kind {
            case .hashes(let level): String(level)
            case .entries: "entries"
            }
        var groups = [index % 1000]
        var rest = index / 1000
        while rest > 0 {
            groups.append(rest % 1000)
            rest /= 1000
        }
        let digits = groups.reversed().map { group in
            let text = String(group)
            return String(repeating: "0", count: 3 - text.count) + text
        }
        let indexSegments = digits.dropLast().map { "x" + $0 } + [digits[digits.count - 1]]
        let partial = isPartial ? ".p/\(width)" : ""
        return "tile/\(kindSegment)/" + indexSegments.joined(separator: "/") + partial
    }

    /// Parses a path as written by ``path``; any other spelling of the same tile is rejected.
    public init(path: String) throws {
        var segments = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard segments.count >= 3, segments[0] == "tile" else { throw TileError.malformedPath(path) }

        let kind: Kind
        if segments[1] == "entries" {
            kind = .entries
        } else if let level = Int(segments[1]) {
            kind = .hashes(level: level)
        } else {
            throw TileError.malformedPath(path)
        }

        var width = Self.fullWidth
        if segments.count >= 4, segments[segments.count - 2].hasSuffix(".p") {
            guard let partialWidth = Int(segments.removeLast()) else { throw TileError.malformedPath(path) }
            width = partialWidth
            segments[segments.count - 1].removeLast(2)
        }

        var index: UInt64 = 0
        for segment in segments.dropFirst(2) {
            let digits = segment.hasPrefix("x") ? segment.dropFirst() : segment[...]
            guard let group = UInt64(digits), group < 1000 else { throw TileError.malformedPath(path) }
            let (shifted, overflow) = index.multipliedReportingOverflow(by: 1000)
            guard !overflow, shifted <= UInt64.max - group else { throw TileError.malformedPath(path) }
            index = shifted + group
        }

        guard let tile = try? Tile(kind: kind, index: index, width: width), tile.path.utf8.elementsEqual(path.utf8) else {
            throw TileError.malformedPath(path)
        }
        self = tile
    }
}
