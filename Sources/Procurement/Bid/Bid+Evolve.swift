extension Bid {
    public static func evolve(_ state: Bid?, _ event: BidEvent) -> Bid? {
        switch event {
        case .submitted(let e):
            return Bid(
                id: e.bidID,
                tenderID: e.tenderID,
                supplierID: e.supplierID,
                lots: e.lots,
                status: .submitted,
                confirmedNoticeVersion: e.noticeVersion,
                submittedAt: e.at,
                updatedAt: e.at
            )
        case .replaced(let e):
            guard var bid = state else { return nil }
            bid.lots = e.lots
            bid.confirmedNoticeVersion = e.noticeVersion
            bid.updatedAt = e.at
            return bid
        case .withdrawn(let e):
            guard var bid = state else { return nil }
            bid.status = .withdrawn
            bid.updatedAt = e.at
            return bid
        case .confirmed(let e):
            guard var bid = state else { return nil }
            bid.confirmedNoticeVersion = e.noticeVersion
            bid.updatedAt = e.at
            return bid
        }
    }
}
