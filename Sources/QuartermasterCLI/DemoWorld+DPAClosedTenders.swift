import Foundation
import Procurement

extension DemoWorld {
    /// The Defence Procurement Agency buys lethal goods: drones, ammunition, radios, electronic warfare, vehicles.
    /// These procedures are over or nearly so: complete, awarded, unsuccessful, cancelled.
    static func dpaClosedTenders(_ script: inout Script) throws {
        // Complete: two lots, a clarification, a replaced bid, three bidders.
        try script.tender(
            "tender-01",
            by: .dpa,
            TenderEvent.Notice(
                title: "FPV strike drones for assault brigades",
                description: """
                    Complete FPV strike drones with ground control sets, in two lots. Delivery in three monthly batches to DPA logistics \
                    hubs; acceptance by the MoD quality-assurance representative on sample flight tests of 1 % of each batch.
                    """,
                method: .open,
                lots: [
                    try lot(
                        "lot-1",
                        "7-inch FPV strike drones, analogue video",
                        "180000000.00",
                        .UAH,
                        try item(
                            "01-1",
                            "FPV strike drone, 7-inch frame, 5.8 GHz analogue video, 1.5 kg payload, range 10 km",
                            cpv: "35613000-4",
                            12_000,
                            .piece
                        )
                    ),
                    try lot(
                        "lot-2",
                        "10-inch FPV drones with thermal camera",
                        "120000000.00",
                        .UAH,
                        try item(
                            "01-2",
                            "FPV drone, 10-inch frame, 640×512 thermal camera, digital video link, 3 kg payload",
                            cpv: "35613000-4",
                            3_000,
                            .piece
                        )
                    ),
                ]
            )
        ) { t in
            try t.create(on: -89)
            try t.publish(on: -88.5, deadline: -76)
            let question = try t.ask("Lot 2: is a fibre-optic control link acceptable instead of a radio video link?", by: .vezhaAero, on: -86)
            try t.answer(
                question,
                "Yes, if the fibre-optic link reaches at least 10 km and the drone meets the same payload and thermal-camera requirements.",
                on: -85
            )
            try t.bid("a", by: .skyforge, on: -84, .lot("lot-1", "171600000.00"), .lot("lot-2", "118000000.00"))
            try t.bid("b", by: .vezhaAero, on: -82, .lot("lot-1", "166800000.00"))
            try t.bid("c", by: .balticSentinel, on: -80, .lot("lot-2", "114600000.00"))
            try t.replace("a", on: -78, .lot("lot-1", "171600000.00"), .lot("lot-2", "109800000.00"))
            try t.deadlinePasses()
            try t.openBids()
            try t.qualify("a")
            try t.qualify("b")
            try t.qualify("c", bySecondEvaluator: true)
            let first = try t.proposeAward(lot: "lot-1", on: -74)
            let second = try t.proposeAward(lot: "lot-2")
            try t.approve(first, on: -73)
            try t.approve(second)
            try t.standstillPasses()
            try t.sign(first, on: -67)
            try t.sign(second)
        }

        // Complete: restricted, classified, best value; one candidate refused, a clarification after invitation.
        try script.tender(
            "tender-04",
            by: .dpa,
            TenderEvent.Notice(
                title: "Encrypted VHF/UHF tactical radios, NATO-interoperable",
                description: """
                    Handheld and manpack radios for brigade and battalion nets, with the national encryption module and key-management \
                    tools. Candidates must hold a facility clearance of at least RESTRICTED and show deliveries to a NATO or partner army.
                    """,
                method: .restricted,
                classification: .restricted,
                criteria: bestValue(
                    price: 60,
                    ("interoperability", "Interoperability with NATO waveforms and allied C2 systems", 20),
                    ("security", "Certified national encryption module and key management", 10),
                    ("support", "In-country maintenance and spares within 72 hours", 10)
                ),
                lots: [
                    try lot(
                        "lot-1",
                        "Handheld and manpack radios with accessories",
                        "9600000.00",
                        .EUR,
                        try item(
                            "04-1",
                            "Handheld VHF/UHF tactical radio, 5 W, with battery, charger and antenna kit",
                            cpv: "32344280-2",
                            nsn: "5820-12-372-4519",
                            1_200,
                            .set
                        ),
                        try item(
                            "04-2",
                            "Manpack VHF/UHF tactical radio, 20 W, with vehicle adapter",
                            cpv: "32344280-2",
                            nsn: "5820-12-372-4520",
                            300,
                            .set
                        )
                    )
                ]
            )
        ) { t in
            try t.create(on: -89)
            try t.publish(on: -88.8, deadline: -78)
            try t.apply(.kyivRadio, on: -87)
            try t.apply(.rheinfeld, on: -86)
            try t.apply(.keystone, on: -85)
            try t.apply(.vezhaAero, on: -84)
            try t.deadlinePasses()
            try t.qualifyCandidate(.kyivRadio, on: -77)
            try t.qualifyCandidate(.rheinfeld)
            try t.qualifyCandidate(.keystone)
            try t.rejectCandidate(.vezhaAero, .qualificationCriteria)
            try t.invite(on: -76.5, deadline: -64)
            let question = try t.ask(
                "Must the manpack radio support SATURN frequency hopping, or is a national ECCM mode enough?",
                by: .keystone,
                on: -72
            )
            try t.answer(
                question,
                "SATURN support is required for the manpack radio only; the handheld radio may offer a national ECCM mode.",
                on: -71
            )
            try t.bid("a", by: .kyivRadio, on: -70, .price("8350000.00"))
            try t.bid("b", by: .rheinfeld, on: -68, .price("9240000.00"))
            try t.bid("c", by: .keystone, on: -66, .price("8900000.00"))
            try t.deadlinePasses()
            try t.openBids()
            try t.qualify("a", scores: ["interoperability": 70, "security": 95, "support": 90])
            try t.qualify("b", scores: ["interoperability": 95, "security": 80, "support": 75], bySecondEvaluator: true)
            try t.qualify("c", scores: ["interoperability": 90, "security": 70, "support": 60])
            let award = try t.proposeAward(on: -62)
            try t.approve(award, on: -61)
            try t.standstillPasses()
            try t.sign(award, on: -55)
        }

        // Complete: negotiated without publication on grounds of urgency, confidential, two lots.
        try script.tender(
            "tender-05",
            by: .dpa,
            TenderEvent.Notice(
                title: "155 mm artillery ammunition: projectiles and modular charges",
                description: "155 mm ammunition for self-propelled and towed howitzers, compliant with the NATO Joint Ballistics MoU.",
                method: .negotiated,
                negotiationGround: .urgency,
                rationale: """
                    Extreme urgency brought about by events the Agency could not foresee (Directive 2009/81/EC art. 28(1)(c)): consumption \
                    exceeded the quarterly plan by 40 % and the periods of a restricted procedure cannot be met. Only producers with \
                    NATO-standard production lines and export licences already granted are invited.
                    """,
                classification: .confidential,
                lots: [
                    try lot(
                        "lot-1",
                        "155 mm HE projectiles",
                        "21600000.00",
                        .EUR,
                        try item(
                            "05-1",
                            "155 mm HE projectile with fuze well plug, JBMoU-compliant",
                            cpv: "35331000-3",
                            nsn: "1320-16-441-2087",
                            6_000,
                            .piece
                        )
                    ),
                    try lot(
                        "lot-2",
                        "Modular propelling charges",
                        "5400000.00",
                        .EUR,
                        try item("05-2", "Modular propelling charge increment, 155 mm", cpv: "35331000-3", nsn: "1320-43-118-5530", 18_000, .piece)
                    ),
                ],
                invitedSupplierIDs: [Person.moravia.organizationID, Person.wisla.organizationID]
            )
        ) { t in
            try t.create(on: -62)
            try t.publish(on: -61.8, deadline: -58)
            try t.bid("a", by: .moravia, on: -61, .lot("lot-1", "20880000.00"), .lot("lot-2", "5310000.00"))
            try t.bid("b", by: .wisla, on: -60, .lot("lot-2", "5040000.00"))
            try t.deadlinePasses()
            try t.openBids()
            try t.qualify("a")
            try t.qualify("b")
            let first = try t.proposeAward(lot: "lot-1", on: -57)
            let second = try t.proposeAward(lot: "lot-2")
            try t.approve(first, on: -56.5)
            try t.approve(second)
            try t.standstillPasses()
            try t.sign(first)
            try t.sign(second)
        }

        // Complete: best value services, contract signed below the awarded value.
        try script.tender(
            "tender-35",
            by: .dpa,
            TenderEvent.Notice(
                title: "Training of UAV operators and instructors",
                description: "Six-week courses for UAV operators and instructors, including live-flight hours on a range in Ukraine or an EU state.",
                method: .open,
                criteria: bestValue(
                    price: 50,
                    ("curriculum", "Curriculum quality and NATO-standard instructor certification", 30),
                    ("capacity", "Course capacity and earliest start date", 20)
                ),
                lots: [
                    try lot(
                        "lot-1",
                        "Operator and instructor courses",
                        "2400000.00",
                        .USD,
                        try item(
                            "35-1",
                            "Six-week UAV operator course for 40 trainees, including live-flight hours",
                            cpv: "80531200-7",
                            12,
                            .serviceUnit
                        )
                    )
                ]
            )
        ) { t in
            try t.create(on: -68)
            try t.publish(on: -67.5, deadline: -58)
            try t.bid("a", by: .keystone, on: -64, .price("2250000.00"))
            try t.bid("b", by: .balticSentinel, on: -62, .price("1980000.00"))
            try t.bid("c", by: .skyforge, on: -60, .price("1740000.00"))
            try t.deadlinePasses()
            try t.openBids()
            try t.qualify("a", scores: ["curriculum": 95, "capacity": 80])
            try t.qualify("b", scores: ["curriculum": 85, "capacity": 90])
            try t.qualify("c", scores: ["curriculum": 60, "capacity": 85], bySecondEvaluator: true)
            let award = try t.proposeAward(on: -56)
            try t.approve(award, on: -55)
            try t.standstillPasses()
            try t.sign(award, value: "1950000.00", on: -49)
        }

        // Awarded: life-cycle cost picks the dearest vehicle with the cheapest ten-year support; no contract yet.
        try script.tender(
            "tender-08",
            by: .dpa,
            TenderEvent.Notice(
                title: "Light protected 4×4 vehicles with 10-year support",
                description: "Bidders declare the ownership cost over ten years (maintenance, spares, training) beside the price.",
                method: .open,
                criteria: .lifeCycleCost(years: 10),
                lots: [
                    try lot(
                        "lot-1",
                        "Protected 4×4 vehicles, STANAG 4569 level 1",
                        "15000000.00",
                        .EUR,
                        try item(
                            "08-1",
                            "Light protected 4×4 vehicle, STANAG 4569 level 1 ballistic and mine protection, 4 seats, 1.5 t payload",
                            cpv: "35412400-9",
                            nsn: "2320-12-391-7741",
                            60,
                            .piece
                        )
                    )
                ]
            )
        ) { t in
            try t.create(on: -45)
            try t.publish(on: -44.5, deadline: -33)
            try t.bid("a", by: .rheinfeld, on: -40, .price("14200000.00", ownership: "6100000.00"))
            try t.bid("b", by: .valmont, on: -38, .price("13100000.00", ownership: "8400000.00"))
            try t.bid("c", by: .keystone, on: -36, .price("12800000.00", ownership: "9900000.00"))
            try t.deadlinePasses()
            try t.openBids()
            try t.qualify("a")
            try t.qualify("b")
            try t.qualify("c")
            let award = try t.proposeAward(on: -31)
            try t.approve(award, on: -11)
            try t.standstillPasses()
        }

        // Awarded: one bid excluded for tax arrears.
        try script.tender(
            "tender-37",
            by: .dpa,
            TenderEvent.Notice(
                title: "Multispectral camouflage nets",
                description: "Camouflage nets reducing visual, thermal and radar signatures of artillery positions and vehicles.",
                method: .open,
                lots: [
                    try lot(
                        "lot-1",
                        "Multispectral camouflage net systems",
                        "42000000.00",
                        .UAH,
                        try item(
                            "37-1",
                            "Multispectral camouflage net, 6×9 m, visual, IR and radar signature reduction, woodland pattern",
                            cpv: "39522200-9",
                            nsn: "1080-01-547-2815",
                            3_000,
                            .piece
                        )
                    )
                ]
            )
        ) { t in
            try t.create(on: -36)
            try t.publish(on: -35.5, deadline: -26)
            try t.bid("a", by: .carpathianTextile, on: -32, .price("38700000.00"))
            try t.bid("b", by: .albion, on: -30, .price("40100000.00"))
            try t.bid("c", by: .granitTrade, on: -28, .price("36900000.00"))
            try t.deadlinePasses()
            try t.openBids()
            try t.qualify("a")
            try t.qualify("b")
            try t.disqualify(
                "c",
                .exclusionGround,
                "The State Tax Service certificate shows tax arrears above the statutory threshold on the bid deadline."
            )
            let award = try t.proposeAward(on: -24)
            try t.approve(award, on: -9)
            try t.standstillPasses()
        }

        // Unsuccessful: restricted, nobody applied.
        try script.tender(
            "tender-29",
            by: .dpa,
            TenderEvent.Notice(
                title: "Anti-tank guided missile crew training simulators",
                description: "Indoor simulators with instructor stations for ATGM crews, installed at two training centres.",
                method: .restricted,
                lots: [
                    try lot(
                        "lot-1",
                        "ATGM crew training simulators",
                        "2800000.00",
                        .EUR,
                        try item("29-1", "Indoor ATGM crew training simulator with instructor station", cpv: "35740000-3", 12, .set)
                    )
                ]
            )
        ) { t in
            try t.create(on: -47)
            try t.publish(on: -46.5, deadline: -35)
            try t.deadlinePasses()
        }

        // Unsuccessful: both bids disqualified (sanctions, specification), the lot declared unsuccessful.
        try script.tender(
            "tender-30",
            by: .dpa,
            TenderEvent.Notice(
                title: "Handheld mine detectors for engineer units",
                description: "Dual-sensor mine detectors for humanitarian and combat demining by engineer battalions.",
                method: .open,
                lots: [
                    try lot(
                        "lot-1",
                        "Dual-sensor handheld mine detectors",
                        "38000000.00",
                        .UAH,
                        try item(
                            "30-1",
                            "Dual-sensor handheld mine detector (metal detector and ground-penetrating radar)",
                            cpv: "31642200-0",
                            nsn: "6665-01-530-5224",
                            250,
                            .piece
                        )
                    )
                ]
            )
        ) { t in
            try t.create(on: -38)
            try t.publish(on: -37.5, deadline: -28)
            try t.bid("a", by: .granitTrade, on: -33, .price("29500000.00"))
            try t.bid("b", by: .albion, on: -31, .price("36400000.00"))
            try t.deadlinePasses()
            try t.openBids()
            try t.disqualify("a", .sanctions, "The bidder's ultimate beneficial owner is subject to NSDC sanctions imposed by a presidential decree.")
            try t.disqualify(
                "b",
                .nonCompliantSpecification,
                "The offered detector is metal-only; the notice requires a dual sensor with ground-penetrating radar."
            )
            try t.declareUnsuccessful(
                "Both bids were rejected (sanctions; single-sensor detector). The need will be tendered again after a new market analysis.",
                on: -25
            )
        }

        // Cancelled in evaluation after the State Audit Service found a brand-specific specification.
        try script.tender(
            "tender-32",
            by: .dpa,
            TenderEvent.Notice(
                title: "Rugged tablets for artillery fire-control software",
                description: "Rugged tablets running the national artillery fire-control application.",
                method: .open,
                lots: [
                    try lot(
                        "lot-1",
                        "Rugged tablets, MIL-STD-810H",
                        "24000000.00",
                        .UAH,
                        try item("32-1", "Rugged 10-inch tablet, MIL-STD-810H, IP67, sunlight-readable display", cpv: "30213200-7", 600, .piece)
                    )
                ]
            )
        ) { t in
            try t.create(on: -28)
            try t.publish(on: -27.5, deadline: -18)
            try t.bid("a", by: .kyivRadio, on: -24, .price("22800000.00"))
            try t.bid("b", by: .granitTrade, on: -20, .price("21900000.00"))
            try t.deadlinePasses()
            try t.openBids()
            try t.qualify("a")
            try t.cancel(
                .procurementViolation,
                """
                State Audit Service monitoring found that the technical specification named one manufacturer's model without \
                "or equivalent", restricting competition. The procedure will be announced again with a neutral specification.
                """,
                on: -10
            )
        }

        // Cancelled before opening: the need was covered by donated mortars.
        try script.tender(
            "tender-33",
            by: .dpa,
            TenderEvent.Notice(
                title: "120 mm mortars with sights",
                description: "Towed 120 mm mortars with baseplates, bipods and optical sights.",
                method: .negotiated,
                negotiationGround: .urgency,
                rationale: """
                    Urgent replacement of mortars lost in combat in the east; the producer is the only one able to deliver within \
                    30 days (Directive 2009/81/EC art. 28(1)(c)).
                    """,
                lots: [
                    try lot(
                        "lot-1",
                        "120 mm towed mortars",
                        "4200000.00",
                        .EUR,
                        try item(
                            "33-1",
                            "120 mm mortar with baseplate, bipod and optical sight",
                            cpv: "35322400-1",
                            nsn: "1015-16-233-9071",
                            24,
                            .piece,
                            to: "Artillery ammunition depot, Donetsk oblast"
                        )
                    )
                ],
                invitedSupplierIDs: [Person.moravia.organizationID]
            )
        ) { t in
            try t.create(on: -26)
            try t.publish(on: -25.8, deadline: -22)
            try t.bid("a", by: .moravia, on: -24, .price("4080000.00"))
            try t.deadlinePasses()
            try t.cancel(
                .noLongerNeeded,
                "The need is covered by 24 mortars donated through the NATO Comprehensive Assistance Package; buying more would duplicate stock.",
                on: -21
            )
        }
    }
}
