public enum CheckpointError: Error, Hashable, Sendable {
    case missingFinalNewline
    case tooFewLines
    case invalidOrigin
    case invalidSize(String)
    case invalidRoot(String)
    case invalidExtensionLine(String)
}
