extension OCDSObject {
    /// An object of the pairs whose value is present, in order: optional OCDS fields are left out, never null.
    static func dropping(_ pairs: [(String, OCDSValue?)]) -> OCDSObject {
        OCDSObject(uncheckedMembers: pairs.compactMap { key, value in value.map { (key, $0) } })
    }
}

extension OCDSValue {
    static func object(_ pairs: [(String, OCDSValue?)]) -> OCDSValue { .object(.dropping(pairs)) }

    /// An array, or nothing when it would be empty (OCDS arrays have `minItems: 1`).
    static func nonEmpty(_ values: [OCDSValue]) -> OCDSValue? { values.isEmpty ? nil : .array(values) }
}
