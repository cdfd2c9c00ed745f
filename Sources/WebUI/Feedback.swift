import Procurement

extension WebUI {
    /// A refusal in the reader's language: the catalogue's text for its code where there is one, else the
    /// catalogue's general words followed by the domain's own message.
    func explain(_ error: DomainError, _ t: Catalog) -> String {
        t.messages["error.\(error.code)"] ?? t["error_refused", error.message]
    }
}
