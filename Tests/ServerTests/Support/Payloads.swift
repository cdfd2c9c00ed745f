import Foundation

/// Request bodies used across the HTTP tests.
enum Payload {
    static func notice(
        title: String = "Field radios for brigades",
        method: String = "open",
        classification: String = "unclassified",
        deliveryLocation: String? = nil
    ) -> String {
        let location = deliveryLocation.map { #", "deliveryLocation": "\#($0)""# } ?? ""
        return """
            {"title": "\(title)", "description": "VHF radios with encryption", "method": "\(method)", "classification": "\(classification)",
             "criteria": {"type": "lowest-price"},
             "lots": [{"title": "Radios", "value": {"amount": "1000000.00", "currency": "UAH"},
                       "items": [{"description": "Tactical VHF radio", "cpv": "35811300-5", "nsn": "5820-12-345-6789", "quantity": 100, "unit": "H87"\(location)}]}]}
            """
    }

    static func bid(_ amount: String, lot: String = "lot-1") -> String {
        #"{"lots": [{"lotID": "\#(lot)", "price": {"amount": "\#(amount)", "currency": "UAH"}}]}"#
    }

    static func publish(days: Double) -> String { #"{"tenderPeriodEnd": "\#(TestApp.timestamp(days: days))"}"# }
}
