/// Signed-note key names: non-empty, with no Unicode white space and no `+` (the vkey separator).
enum NoteKeyName {
    static func isValid(_ name: some StringProtocol) -> Bool {
        !name.isEmpty && !name.unicodeScalars.contains { $0.properties.isWhitespace || $0 == "+" }
    }
}
