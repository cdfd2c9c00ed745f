import Foundation
import OpenContracting
import Testing

@testable import Procurement

/// The mapping of one tender's events to releases, on a stream written by hand.
@Suite struct ReleaseBuilderTests {
    static let start = Date(timeIntervalSince1970: 1_790_000_000)
    static let buyer = Organization(
        id: OrganizationID("dpa"),
        name: "Defence Procurement Agency",
        kind: .procurementAgency,
        country: "UKR",
        edrpou: try! EDRPOU("44711014"),
        ncage: try! NCAGE("S1AB2", country: "UKR")
    )
    static let profile = PublisherProfile(ocidPrefix: "ocds-qmtest", publisherName: "Test", baseURI: "https://example.org")

    static func notice(_ amount: String, method: ProcedureMethod = .restricted) throws -> TenderEvent.Notice {
        let item = Item(
            id: ItemID("item-1"),
            description: "Tactical VHF radio",
            cpv: try CPVCode("35811300-5"),
            nsn: try NSN("5820-12-345-6789"),
            quantity: 100,
            unit: .piece,
            deliveryLocation: "Depot 7"
        )
        return TenderEvent.Notice(
            title: "Radios",
            description: "VHF radios",
            method: method,
            lots: [Lot(id: LotID("lot-1"), title: "Radios", value: try Money(parsing: amount, .UAH), items: [item])]
        )
    }

    static func stream() throws -> [TenderStreamEvent] {
        let rules = try RuleBook.standard.rules(for: .restricted, on: start)
        let created = TenderEvent.Created(tenderID: TenderID("t-1"), buyerID: buyer.id, notice: try notice("999999999999.99"), at: start)
        let published = TenderEvent.Published(
            notice: try notice("999999999999.99"),
            rules: rules,
            status: .candidateSelection,
            candidatePeriodEnd: start + 20 * 86_400,
            enquiryPeriodEnd: nil,
            tenderPeriodEnd: nil,
            at: start + 3_600
        )
        let amended = TenderEvent.Amended(
            notice: try notice("123456789012.35"),
            noticeVersion: 2,
            candidatePeriodEnd: start + 20 * 86_400,
            enquiryPeriodEnd: nil,
            tenderPeriodEnd: nil,
            at: start + 7_200
        )
        let cancelled = TenderEvent.Cancelled(reason: .fundingUnavailable, rationale: "Donor funding was withdrawn", at: start + 10_800)
        let events: [TenderEvent] = [.created(created), .published(published), .amended(amended), .cancelled(cancelled)]
        return events.enumerated().map { TenderStreamEvent(event: $1, releaseID: String(10 + $0)) }
    }

    @Test func eachPublicEventIsAReleaseOfTheWholeProcess() throws {
        let releases = ReleaseBuilder(profile: Self.profile, organizations: [Self.buyer.id: Self.buyer]).releases(of: try Self.stream())
        #expect(releases.map { $0["tag"] } == [["tender"], ["tenderAmendment"], ["tenderCancellation"]], "the draft is not published")
        #expect(releases.map { $0["id"] } == ["11", "12", "13"])
        #expect(releases[0]["ocid"] == "ocds-qmtest-t-1")
        #expect(releases[0]["date"] == .string(Timestamp.format(Self.start + 3_600)))

        let tender = try #require(releases[1]["tender"])
        #expect(tender["procurementMethod"] == "selective")
        #expect(tender["value"]?["amount"]?.numberValue?.text == "123456789012.35", "decimal money, digit for digit")
        #expect(releases[0]["tender"]?["value"]?["amount"]?.numberValue?.text == "999999999999.99")
        #expect(
            tender["items"]?[0]?["classification"] == ["scheme": "CPV", "id": "35811300-5", "description": .string(try CPVCode("35811300-5").title)]
        )
        #expect(tender["items"]?[0]?["additionalClassifications"]?[0]?["scheme"] == "NSN")
        #expect(tender["items"]?[0]?["relatedLot"] == "lot-1")
        #expect(tender["mainProcurementCategory"] == "goods")
        #expect(tender["amendments"]?[0]?["amendsReleaseID"] == "11")
        #expect(releases[2]["tender"]?["status"] == "cancelled")
        #expect(releases[2]["tender"]?["amendments"]?[1]?["rationale"] == "Donor funding was withdrawn")

        let party = try #require(releases[0]["parties"]?[0])
        #expect(party["identifier"] == ["scheme": "UA-EDR", "id": "44711014", "legalName": "Defence Procurement Agency"])
        #expect(party["additionalIdentifiers"] == [["scheme": "NCAGE", "id": "S1AB2"]])
        #expect(party["roles"] == ["buyer", "procuringEntity"])

        // Withheld for the public: no milestone, a declaration instead, dated once the procedure has ended.
        #expect(!releases.map { $0.jsonString() }.joined().contains("Depot 7"))
        #expect(releases[0]["withheldInformation"]?[0]?["availabilityDate"] == nil)
        let declared = try #require(releases[2]["withheldInformation"]?[0])
        #expect(declared["availabilityDate"] == .string(Timestamp.format(Self.start + 10_800 + Disclosure.deliveryLocationEmbargo)))
        #expect(declared["rationaleClassifications"]?[0]?["id"] == "def-sec")
    }

    @Test func theBuyersViewHoldsTheWithheldValue() throws {
        let viewer = Viewer(organizationID: Self.buyer.id, roles: [.buyerOfficer], clearance: .secret)
        let releases = ReleaseBuilder(profile: Self.profile, organizations: [:], viewer: viewer).releases(of: try Self.stream())
        #expect(releases.count == 3)
        #expect(releases[0]["tender"]?["milestones"]?[0]?["description"] == "Depot 7")
        #expect(releases[0]["parties"]?[0]?["name"] == "dpa", "an unknown organisation is named by its id")
    }
}
