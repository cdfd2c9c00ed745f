public enum EntryBundleError: Error, Hashable, Sendable {
    /// A bundle holds 1 to 256 entries.
    case invalidEntryCount(Int)
    case entryTooLong(index: Int, length: Int)
    case truncated
}
