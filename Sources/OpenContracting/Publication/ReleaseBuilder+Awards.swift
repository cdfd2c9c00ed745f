import Procurement

extension ReleaseBuilder {
    func award(_ award: Award) -> OCDSValue {
        .object([
            ("id", .string(award.id.rawValue)),
            ("description", award.rejectionReason.map { .string("Rejected by the approver: \($0)") }),
            ("status", .string(Self.awardStatus(award.status))),
            ("date", .date(award.proposedAt)),
            ("value", .money(award.value)),
            ("suppliers", [reference(award.supplierID)]),
            ("relatedBid", .string(Self.bidDetailID(award.bidID, lot: award.lotID))),
            ("relatedLots", [.string(award.lotID.rawValue)]),
        ])
    }

    func contract(_ contract: Contract) -> OCDSValue {
        .object([
            ("id", .string(contract.id.rawValue)),
            ("awardID", .string(contract.awardID.rawValue)),
            ("status", "active"),
            ("value", .money(contract.value)),
            ("dateSigned", .date(contract.signedAt)),
        ])
    }

    /// The award status codelist (closed): approved awards are active during the standstill too; refused ones cancelled.
    static func awardStatus(_ status: Award.Status) -> String {
        switch status {
        case .pending: "pending"
        case .standstill, .active, .contracted: "active"
        case .rejected: "cancelled"
        }
    }
}
