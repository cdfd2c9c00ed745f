public enum TileError: Error, Hashable, Sendable {
    case invalidLevel(Int)
    case invalidWidth(Int)
    case malformedPath(String)
}
