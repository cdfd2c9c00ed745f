import Foundation
import Procurement

extension DemoWorld {
    /// Military units buy for themselves under their own budget envelopes.
    static func unitTenders(_ script: inout Script) throws {
        // Complete: life-cycle cost over five years (fuel consumption and servicing).
        try script.tender(
            "tender-06",
            by: .unitA1234,
            TenderEvent.Notice(
                title: "Diesel generators for field command posts",
                description: "Bidders declare the five-year ownership cost: fuel at the stated consumption, servicing and spares.",
                method: .open,
                criteria: .lifeCycleCost(years: 5),
                lots: [
                    try lot(
                        "lot-1",
                        "Diesel generator sets 10–30 kVA",
                        "14400000.00",
                        .UAH,
                        try item(
                            "06-1",
                            "Diesel generator set 30 kVA, trailer-mounted, low-noise enclosure",
                            cpv: "31122000-7",
                            nsn: "6115-12-396-5548",
                            24,
                            .piece
                        ),
                        try item("06-2", "Diesel generator set 10 kVA, portable", cpv: "31122000-7", 60, .piece)
                    )
                ]
            )
        ) { t in
            try t.create(on: -70)
            try t.publish(on: -69.5, deadline: -61)
            try t.bid("a", by: .vinnytsiaMotors, on: -66, .price("12900000.00", ownership: "4300000.00"))
            try t.bid("b", by: .albion, on: -64, .price("11800000.00", ownership: "6100000.00"))
            try t.deadlinePasses()
            try t.openBids()
            try t.qualify("a")
            try t.qualify("b")
            let award = try t.proposeAward(on: -59)
            try t.approve(award, on: -58.5)
            try t.standstillPasses()
            try t.sign(award)
        }

        // Tendering: closing in five days.
        try script.tender(
            "tender-21",
            by: .unitA1234,
            TenderEvent.Notice(
                title: "Truck tyres for the brigade's logistics vehicles",
                description: "All-terrain tyres with inner tubes for 6×6 trucks.",
                method: .open,
                lots: [
                    try lot(
                        "lot-1",
                        "Heavy-duty truck tyres 425/85 R21",
                        "8400000.00",
                        .UAH,
                        try item(
                            "21-1",
                            "All-terrain truck tyre 425/85 R21 with inner tube",
                            cpv: "34352100-0",
                            nsn: "2610-01-431-8760",
                            400,
                            .piece,
                            to: "Logistics point of military unit A1234, Zaporizhzhia oblast"
                        )
                    )
                ]
            )
        ) { t in
            try t.create(on: -4)
            try t.publish(on: -3.8, deadline: 5)
            try t.bid("a", by: .vinnytsiaMotors, on: -2, .price("7960000.00"))
        }

        // Draft.
        try script.tender(
            "tender-27",
            by: .unitA1234,
            TenderEvent.Notice(
                title: "Overhaul of the brigade's wheeled trucks",
                description: "Engine and transmission overhaul of 6×6 trucks, including parts and a test run.",
                method: .open,
                lots: [
                    try lot(
                        "lot-1",
                        "Engine and transmission overhaul of 6×6 trucks",
                        "6000000.00",
                        .UAH,
                        try item("27-1", "Engine overhaul of a 6×6 truck, including parts and a test run", cpv: "50630000-0", 30, .job)
                    )
                ]
            )
        ) { t in
            try t.create(on: -1)
        }
    }
}
