import Foundation

/// Registration of a party. Public: the register of buyers and suppliers is open.
public enum OrganizationEvent: Hashable, Sendable {
    case registered(Registered)

    public struct Registered: Hashable, Sendable, Codable {
        public let organization: Organization
        public let at: Date
    }
}

extension OrganizationEvent: DomainEvent {
    public var type: String { "organization.registered" }

    public static func decode(type: String, payload: Data) throws -> OrganizationEvent {
        guard type == "organization.registered" else { throw EventCoding.unknownType(type) }
        return .registered(try EventCoding.decoder.decode(Registered.self, from: payload))
    }

    public func encodePayload() throws -> Data {
        switch self {
        case .registered(let event): try EventCoding.encoder.encode(event)
        }
    }
}

extension Organization {
    /// Administrators register organisations. Identifiers must fit the country: EDRPOU for Ukrainian entities.
    public static func decideRegistration(_ organization: Organization, exists: Bool, actor: Actor, now: Date) throws -> [OrganizationEvent] {
        if actor != .system { try actor.require(.administrator, to: "registering an organisation") }
        guard !exists else { throw DomainError.conflict(code: "organization-exists", reason: "organisation \(organization.id) already exists") }
        guard organization.id.rawValue.wholeMatch(of: /[a-z0-9][a-z0-9-]{1,63}/) != nil else {
            throw DomainError.invalidField(
                field: "id",
                code: "invalid-id",
                reason: "an organisation id is 2 to 64 lowercase letters, digits and hyphens"
            )
        }
        try TenderEvent.Notice.text(organization.name, field: "name", range: 2...300)
        guard organization.country.wholeMatch(of: /[A-Z]{3}/) != nil else {
            throw DomainError.invalidField(field: "country", code: "invalid-country", reason: "country is an ISO 3166-1 alpha-3 code such as UKR")
        }
        if organization.country == "UKR", organization.edrpou == nil {
            throw DomainError.invalidField(
                field: "edrpou",
                code: "edrpou-required",
                reason: "Ukrainian organisations are identified by their EDRPOU code"
            )
        }
        if organization.country != "UKR", organization.edrpou != nil {
            throw DomainError.invalidField(field: "edrpou", code: "edrpou-not-applicable", reason: "EDRPOU applies to Ukrainian organisations only")
        }
        if let ncage = organization.ncage, !ncage.isValid(forCountry: organization.country) {
            throw DomainError.invalidField(
                field: "ncage",
                code: "invalid-ncage",
                reason:
                    "\(ncage) does not match the NCAGE pattern of \(organization.country): \(NCAGE.patterns(forCountry: organization.country).joined(separator: ", "))"
            )
        }
        return [.registered(.init(organization: organization, at: now))]
    }
}
