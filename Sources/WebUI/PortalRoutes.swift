import Foundation
import Hummingbird
import Procurement
import Storage

/// The public portal: search, the language switch and the static assets.
extension WebUI {
    func home(_ request: Request) async throws -> Response {
        try await guarded(request) { visitor in
            let t = pages.catalog(visitor.language)
            let format = LocaleFormat(language: visitor.language)
            let query = request.uri.queryParameters
            func value(_ name: String) -> String { query[Substring(name)].map { String($0).trimmingCharacters(in: .whitespaces) } ?? "" }
            var filter = TenderFilter(limit: 200)
            filter.status = TenderStatus(rawValue: value("status"))
            filter.buyerID = value("buyer").isEmpty ? nil : OrganizationID(value("buyer"))
            filter.code = value("code").isEmpty ? nil : value("code")
            filter.text = value("q").isEmpty ? nil : value("q")
            let minimum = Decimal(string: value("min"), locale: Locale(identifier: "en_US_POSIX"))
            let maximum = Decimal(string: value("max"), locale: Locale(identifier: "en_US_POSIX"))
            let organizations = try await ledger.organizations()
            let names = Dictionary(organizations.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
            let tenders = try await ledger.tenders(filter, viewer: visitor.viewer).filter { tender in
                let total = tender.lots.reduce(Decimal(0)) { $0 + $1.value.amount }
                return (minimum.map { total >= $0 } ?? true) && (maximum.map { total <= $0 } ?? true)
            }
            let rows = tenders.prefix(100).map { tender -> [String: Any] in
                [
                    "id": tender.id.rawValue,
                    "title": tender.title,
                    "buyer": names[tender.buyerID] ?? tender.buyerID.rawValue,
                    "status": t.label("status", tender.status.rawValue),
                    "status_code": tender.status.rawValue,
                    "method": t.label("method", tender.method.rawValue),
                    "value": Self.totals(tender.lots.map(\.value), format: format),
                    "deadline": tender.tenderPeriodEnd.map(format.dateTime) ?? "",
                    "codes": Array(Set(tender.lots.flatMap(\.items).map(\.cpv.value))).sorted().joined(separator: ", "),
                ]
            }
            let buyers = organizations.filter(\.kind.canBuy).map {
                ["id": $0.id.rawValue, "name": $0.name, "selected": $0.id.rawValue == value("buyer")]
            }
            let statuses = TenderStatus.allCases.map {
                ["code": $0.rawValue, "name": t.label("status", $0.rawValue), "selected": $0.rawValue == value("status")]
            }
            var data: [String: Any] = [
                "tenders": rows, "count": format.number(tenders.count), "buyers": buyers, "statuses": statuses,
                "q": value("q"), "code": value("code"), "min": value("min"), "max": value("max"),
            ]
            if let done = query["done"] { data["notice"] = t.label("done", String(done)) }
            return page("home", title: t["home_title"], data: data, visitor: visitor, request: request)
        }
    }

    /// Sums per currency: a tender's lots may be priced in different currencies.
    static func totals(_ values: [Money], format: LocaleFormat) -> String {
        var sums: [Currency: Decimal] = [:]
        for value in values { sums[value.currency, default: 0] += value.amount }
        return sums.sorted { $0.key.rawValue < $1.key.rawValue }.compactMap { try? Money($0.value, $0.key) }.map(format.money).joined(
            separator: " + "
        )
    }

    func chooseLanguage(_ request: Request, _ parameters: Parameters) async throws -> Response {
        let language = Language(rawValue: try parameters.require("code")) ?? .uk
        let next = Self.safeNext(request.uri.queryParameters["next"].map(String.init) ?? "/")
        return redirect(next, cookies: [cookie(Visitor.languageCookie, language.rawValue, maxAge: 365 * 86_400)])
    }

    func asset(_ request: Request, _ parameters: Parameters) async throws -> Response {
        let name = try parameters.require("file")
        let types = ["css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8", "svg": "image/svg+xml"]
        guard name.wholeMatch(of: /[a-z-]+\.(css|js|svg)/) != nil, let type = types[String(name.split(separator: ".").last!)],
            let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Assets")
        else { throw HTTPError(.notFound) }
        return Response(
            status: .ok,
            headers: [.contentType: type, .cacheControl: "public, max-age=300"],
            body: .init(byteBuffer: ByteBuffer(bytes: try Data(contentsOf: url)))
        )
    }
}
