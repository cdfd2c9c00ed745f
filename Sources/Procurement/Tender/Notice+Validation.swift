import Foundation

extension TenderEvent.Notice {
    /// Checks everything about a notice that does not depend on time or on who asks.
    public func validate() throws {
        try Self.text(title, field: "title", range: 3...300)
        try Self.text(description, field: "description", range: 0...20_000)
        try criteria.validate()
        guard (1...100).contains(lots.count) else {
            throw DomainError.invalidField(field: "lots", code: "invalid-lot-count", reason: "a tender has 1 to 100 lots, not \(lots.count)")
        }
        let ids = lots.map(\.id.rawValue) + lots.flatMap { $0.items.map(\.id.rawValue) }
        if let bad = ids.first(where: { $0.wholeMatch(of: /[A-Za-z0-9][A-Za-z0-9._-]{0,63}/) == nil }) {
            throw DomainError.invalidField(
                field: "lots.id",
                code: "invalid-id",
                reason: "\"\(bad)\" is not an id: 1 to 64 letters, digits, dots, hyphens or underscores"
            )
        }
        guard Set(lots.map(\.id)).count == lots.count else {
            throw DomainError.invalidField(field: "lots.id", code: "duplicate-id", reason: "lot ids must be unique")
        }
        let items = lots.flatMap(\.items)
        guard Set(items.map(\.id)).count == items.count else {
            throw DomainError.invalidField(field: "lots.items.id", code: "duplicate-id", reason: "item ids must be unique")
        }
        for lot in lots { try lot.validate() }
        switch method {
        case .negotiated:
            guard negotiationGround != nil else {
                throw DomainError.invalidField(
                    field: "negotiationGround",
                    code: "ground-required",
                    reason: "a negotiated procedure without publication needs a coded ground"
                )
            }
            try Self.text(rationale ?? "", field: "rationale", range: 20...5000, code: "rationale-required")
            guard !invitedSupplierIDs.isEmpty, Set(invitedSupplierIDs).count == invitedSupplierIDs.count else {
                throw DomainError.invalidField(field: "invitedSupplierIDs", code: "invitation-required", reason: "name each invited supplier once")
            }
        case .open, .restricted:
            guard negotiationGround == nil, invitedSupplierIDs.isEmpty else {
                throw DomainError.invalidField(
                    field: "method",
                    code: "not-negotiated",
                    reason: "grounds and invited suppliers apply to negotiated procedures only"
                )
            }
        }
    }

    static func text(_ value: String, field: String, range: ClosedRange<Int>, code: String = "invalid-length") throws {
        let count = value.trimmingCharacters(in: .whitespacesAndNewlines).count
        guard range.contains(count) else {
            throw DomainError.invalidField(
                field: field,
                code: code,
                reason: "must be \(range.lowerBound) to \(range.upperBound) characters, is \(count)"
            )
        }
    }
}

extension TenderEvent.Notice {
    /// Names of people and organisations: 2 to 300 characters.
    public static func validateName(_ name: String) throws {
        try text(name, field: "name", range: 2...300)
    }
}

extension Lot {
    /// Checks one lot and its items, as a notice does for each of its lots.
    public func validate() throws {
        try TenderEvent.Notice.text(title, field: "lots.title", range: 1...300)
        guard value.amount > 0 else {
            throw DomainError.invalidField(field: "lots.value", code: "non-positive-value", reason: "lot \(id) needs an estimated value above zero")
        }
        guard (1...1000).contains(items.count) else {
            throw DomainError.invalidField(field: "lots.items", code: "invalid-item-count", reason: "lot \(id) needs 1 to 1000 items")
        }
        for item in items { try item.validate() }
    }
}

extension Item {
    public func validate() throws {
        try TenderEvent.Notice.text(description, field: "lots.items.description", range: 1...2000)
        guard (1...100_000_000).contains(quantity) else {
            throw DomainError.invalidField(field: "lots.items.quantity", code: "invalid-quantity", reason: "quantity must be 1 to 100000000")
        }
    }
}
