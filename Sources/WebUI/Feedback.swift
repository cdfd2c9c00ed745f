import Procurement

extension WebUI {
    /// A refusal in the reader's language: the catalogue's text for its code (every refusal that can reach a page has
    /// one; a test keeps it so), with the field or the status where the refusal names it; the domain's own
    /// message only as a last resort.
    func explain(_ error: DomainError, _ t: Catalog) -> String {
        if case .illegalTransition(_, let status) = error {
            return t["error.illegal-transition", t.messages["status.\(status)"] ?? t.label("bid", status)]
        }
        if let field = error.field, let specific = t.messages["error.\(error.code).\(field)"] { return specific }
        return t.messages["error.\(error.code)"] ?? t["error_refused", error.message]
    }
}
