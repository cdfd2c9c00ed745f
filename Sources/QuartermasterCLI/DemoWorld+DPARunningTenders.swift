import Foundation
import Procurement

extension DemoWorld {
    /// The Defence Procurement Agency's procedures still running: from draft to standstill.
    static func dpaRunningTenders(_ script: inout Script) throws {
        // Standstill: a non-compliant bid disqualified; the approval was three days ago.
        try script.tender(
            "tender-09",
            by: .dpa,
            TenderEvent.Notice(
                title: "Night-vision monoculars, Gen 3 white phosphor",
                description: "Helmet-mounted night-vision monoculars for reconnaissance and assault units.",
                method: .open,
                lots: [
                    try lot(
                        "lot-1",
                        "Night-vision monoculars with helmet mounts",
                        "6300000.00",
                        .USD,
                        try item(
                            "09-1",
                            "Night-vision monocular, Gen 3 white-phosphor tube, FOM ≥ 1800, with helmet mount and IR illuminator",
                            cpv: "38632000-4",
                            nsn: "5855-01-534-0765",
                            1_800,
                            .piece
                        )
                    )
                ]
            )
        ) { t in
            try t.create(on: -25)
            try t.publish(on: -24.5, deadline: -15)
            let question = try t.ask("Is a figure of merit of 1600 acceptable for an auto-gated tube?", by: .valmont, on: -22)
            try t.answer(question, "No. A figure of merit of at least 1800 is a minimum requirement, auto-gated or not.", on: -21)
            try t.bid("a", by: .keystone, on: -20, .price("5490000.00"))
            try t.bid("b", by: .valmont, on: -19, .price("5760000.00"))
            try t.bid("c", by: .balticSentinel, on: -18, .price("4950000.00"))
            try t.deadlinePasses()
            try t.openBids()
            try t.qualify("a")
            try t.qualify("b", bySecondEvaluator: true)
            try t.disqualify(
                "c",
                .nonCompliantSpecification,
                "The data sheet declares a Gen 2+ tube with a figure of merit of 1400; the notice requires Gen 3 with at least 1800."
            )
            let award = try t.proposeAward(on: -5)
            try t.approve(award, on: -3)
        }

        // Standstill: restricted, confidential, two lots won by different bidders; approved 36 hours ago.
        try script.tender(
            "tender-11",
            by: .dpa,
            TenderEvent.Notice(
                title: "Counter-UAS electronic warfare systems",
                description: "Vehicle-mounted jammers and portable detectors protecting brigade positions against FPV and reconnaissance drones.",
                method: .restricted,
                classification: .confidential,
                criteria: bestValue(
                    price: 50,
                    ("effectiveness", "Jamming effectiveness in field trials against reference drones", 30),
                    ("integration", "Integration with the brigade air-picture network", 20)
                ),
                lots: [
                    try lot(
                        "lot-1",
                        "Vehicle-mounted counter-UAS jammers",
                        "7800000.00",
                        .EUR,
                        try item(
                            "11-1",
                            "Vehicle-mounted wideband jammer, 400 MHz–6 GHz, 12 channels, 1 km protected radius",
                            cpv: "35730000-0",
                            nsn: "5865-12-655-0931",
                            40,
                            .set
                        )
                    ),
                    try lot(
                        "lot-2",
                        "Portable drone detectors",
                        "2400000.00",
                        .EUR,
                        try item("11-2", "Man-portable RF drone detector with direction finding, 300 MHz–6 GHz", cpv: "35730000-0", 400, .piece)
                    ),
                ]
            )
        ) { t in
            try t.create(on: -42)
            try t.publish(on: -41.5, deadline: -30)
            try t.apply(.skyforge, on: -39)
            try t.apply(.rheinfeld, on: -38)
            try t.apply(.keystone, on: -37)
            try t.apply(.valmont, on: -36)
            try t.deadlinePasses()
            try t.qualifyCandidate(.skyforge, on: -29)
            try t.qualifyCandidate(.rheinfeld)
            try t.qualifyCandidate(.valmont)
            try t.rejectCandidate(.keystone, .securityClearance)
            try t.invite(on: -28.5, deadline: -16)
            try t.bid("a", by: .skyforge, on: -22, .lot("lot-1", "7350000.00"), .lot("lot-2", "2050000.00"))
            try t.bid("b", by: .rheinfeld, on: -20, .lot("lot-1", "7600000.00"))
            try t.bid("c", by: .valmont, on: -18, .lot("lot-1", "7700000.00"), .lot("lot-2", "1980000.00"))
            try t.deadlinePasses()
            try t.openBids()
            try t.qualify("a", scores: ["effectiveness": 90, "integration": 85])
            try t.qualify("b", scores: ["effectiveness": 80, "integration": 90], bySecondEvaluator: true)
            try t.qualify("c", scores: ["effectiveness": 85, "integration": 95])
            let first = try t.proposeAward(lot: "lot-1", on: -4)
            let second = try t.proposeAward(lot: "lot-2")
            try t.approve(first, on: -1.5)
            try t.approve(second)
        }

        // Evaluation: four bids opened, one disqualified, two still to decide.
        try script.tender(
            "tender-12",
            by: .dpa,
            TenderEvent.Notice(
                title: "Reconnaissance UAV systems (VTOL fixed-wing)",
                description: "Complete systems of two air vehicles, EO/IR payloads and a ground control station, with operator training.",
                method: .open,
                criteria: bestValue(
                    price: 55,
                    ("endurance", "Endurance and range measured in acceptance trials", 25),
                    ("ew-resilience", "Resilience to GNSS and datalink jamming", 20)
                ),
                lots: [
                    try lot(
                        "lot-1",
                        "VTOL fixed-wing reconnaissance UAV systems",
                        "8400000.00",
                        .EUR,
                        try item(
                            "12-1",
                            "Reconnaissance UAV system: 2 VTOL fixed-wing air vehicles, EO/IR gimbal, ground control station, 3 h endurance",
                            cpv: "35613000-4",
                            12,
                            .set
                        )
                    )
                ]
            )
        ) { t in
            try t.create(on: -20)
            try t.publish(on: -19.5, deadline: -6)
            try t.bid("a", by: .skyforge, on: -15, .price("7200000.00"))
            try t.bid("b", by: .vezhaAero, on: -12, .price("6900000.00"))
            try t.bid("c", by: .balticSentinel, on: -10, .price("7950000.00"))
            try t.bid("d", by: .valmont, on: -8, .price("8100000.00"))
            try t.deadlinePasses()
            try t.openBids()
            try t.qualify("a", scores: ["endurance": 85, "ew-resilience": 90], on: -5)
            try t.disqualify(
                "b",
                .missingDocuments,
                "The bid lacks the test report on GNSS-denied navigation required by section 4.2; it was not provided within the 24-hour clarification window."
            )
        }

        // Evaluation: negotiated with the original manufacturer for technical reasons.
        try script.tender(
            "tender-14",
            by: .dpa,
            TenderEvent.Notice(
                title: "OEM spare parts for wheeled armoured vehicles",
                description: "Drive-train and suspension parts for the fleet of wheeled armoured vehicles delivered in 2023.",
                method: .negotiated,
                negotiationGround: .technical,
                rationale: """
                    The parts are proprietary to the original manufacturer, which holds the design authority and the sole distribution \
                    rights; no other source is qualified (Directive 2009/81/EC art. 28(1)(e)).
                    """,
                lots: [
                    try lot(
                        "lot-1",
                        "Drive-train and suspension spare parts",
                        "3200000.00",
                        .EUR,
                        try item("14-1", "Transfer case assembly", cpv: "35421000-1", nsn: "2520-12-190-4471", 40, .piece),
                        try item("14-2", "Independent suspension strut", cpv: "35421000-1", nsn: "2530-12-207-3318", 120, .piece)
                    )
                ],
                invitedSupplierIDs: [Person.rheinfeld.organizationID]
            )
        ) { t in
            try t.create(on: -9)
            try t.publish(on: -8.8, deadline: -4)
            try t.bid("a", by: .rheinfeld, on: -6, .price("3050000.00"))
            try t.deadlinePasses()
            try t.openBids()
        }

        // Awaiting opening: the deadline passed two days ago; three sealed bids.
        try script.tender(
            "tender-15",
            by: .dpa,
            TenderEvent.Notice(
                title: "Small-arms ammunition 5.45×39 mm and 7.62×39 mm",
                description: "Ball ammunition for assault rifles and machine guns of the territorial defence forces.",
                method: .open,
                lots: [
                    try lot(
                        "lot-1",
                        "Rifle cartridges",
                        "560000000.00",
                        .UAH,
                        try item("15-1", "Cartridge 5.45×39 mm, ball, steel core", cpv: "35331000-3", 20_000_000, .piece),
                        try item("15-2", "Cartridge 7.62×39 mm, ball, steel core", cpv: "35331000-3", 10_000_000, .piece)
                    )
                ]
            )
        ) { t in
            try t.create(on: -16)
            try t.publish(on: -15.5, deadline: -2)
            try t.bid("a", by: .wisla, on: -10, .price("541000000.00"))
            try t.bid("b", by: .moravia, on: -8, .price("548500000.00"))
            try t.bid("c", by: .granitTrade, on: -4, .price("512000000.00"))
            try t.deadlinePasses()
        }

        // Tendering: a clarification turned into an amendment; one bidder has re-confirmed, one has not yet.
        try script.tender(
            "tender-17",
            by: .dpa,
            TenderEvent.Notice(
                title: "Interceptor drones against Shahed-type loitering munitions",
                description: "Fast interceptor drones with ground control stations able to take target cues from air-defence radars.",
                method: .open,
                lots: [
                    try lot(
                        "lot-1",
                        "Interceptor drones with ground stations",
                        "96000000.00",
                        .UAH,
                        try item(
                            "17-1",
                            "Interceptor drone, top speed ≥ 250 km/h, thermal camera, proximity-fuzed warhead mount",
                            cpv: "35613000-4",
                            1_500,
                            .piece
                        ),
                        try item("17-2", "Ground control station with radar cueing interface", cpv: "35613000-4", 60, .set)
                    )
                ]
            )
        ) { t in
            try t.create(on: -6)
            try t.publish(on: -5.5, deadline: 12)
            let question = try t.ask("Does the 250 km/h requirement apply to level flight or to a dive?", by: .vezhaAero, on: -5)
            try t.answer(question, "To level flight, measured over 1 km at 500 m altitude. The notice will be amended to say so.", on: -4.5)
            try t.bid("a", by: .skyforge, on: -4, .price("88200000.00"))
            try t.bid("b", by: .vezhaAero, on: -3.5, .price("91500000.00"))
            try t.amend(on: -3, deadline: 14) { notice in
                notice.lots[0].items[0].description =
                    "Interceptor drone, top speed ≥ 250 km/h in level flight (1 km at 500 m altitude), thermal camera, proximity-fuzed warhead mount"
            }
            try t.confirm("a", on: -2)
            try t.bid("c", by: .balticSentinel, on: -1, .price("93000000.00"))
        }

        // Tendering: negotiated with the two licensed barrel makers, confidential, closing in three days.
        try script.tender(
            "tender-19",
            by: .dpa,
            TenderEvent.Notice(
                title: "Replacement barrels for 155 mm self-propelled howitzers",
                description: "L52 barrels with muzzle brakes and breech rings for howitzers at the end of their barrel life.",
                method: .negotiated,
                negotiationGround: .exclusive,
                rationale: """
                    The barrels are qualified only against the gun designer's ballistic data, licensed to two producers; no other source \
                    can deliver a qualified barrel (Directive 2009/81/EC art. 28(1)(e), exclusive rights).
                    """,
                classification: .confidential,
                lots: [
                    try lot(
                        "lot-1",
                        "155 mm L52 barrels with breech rings",
                        "18400000.00",
                        .EUR,
                        try item(
                            "19-1",
                            "155 mm L52 gun barrel assembly with muzzle brake and breech ring",
                            cpv: "35340000-9",
                            nsn: "1025-12-402-7730",
                            16,
                            .piece
                        )
                    )
                ],
                invitedSupplierIDs: [Person.rheinfeld.organizationID, Person.valmont.organizationID]
            )
        ) { t in
            try t.create(on: -2)
            try t.publish(on: -1.9, deadline: 3)
            try t.bid("a", by: .rheinfeld, on: -1, .price("17600000.00"))
        }

        // Tendering: restricted, invited after qualification; one candidate refused.
        try script.tender(
            "tender-20",
            by: .dpa,
            TenderEvent.Notice(
                title: "Satellite communication terminals for brigade command posts",
                description: "Transportable terminals with three years of airtime, for command posts out of reach of terrestrial networks.",
                method: .restricted,
                criteria: bestValue(
                    price: 60,
                    ("resilience", "Resilience to jamming and geolocation", 25),
                    ("service", "Airtime service level and in-country support", 15)
                ),
                lots: [
                    try lot(
                        "lot-1",
                        "Transportable satcom terminals with 36 months of airtime",
                        "5600000.00",
                        .EUR,
                        try item("20-1", "Transportable Ku/Ka-band satellite terminal with encryption-ready router", cpv: "32531000-4", 140, .set)
                    )
                ]
            )
        ) { t in
            try t.create(on: -31)
            try t.publish(on: -30.5, deadline: -20)
            try t.apply(.keystone, on: -29)
            try t.apply(.kyivRadio, on: -27)
            try t.apply(.albion, on: -25)
            try t.apply(.balticSentinel, on: -23)
            try t.deadlinePasses()
            try t.qualifyCandidate(.keystone, on: -19)
            try t.qualifyCandidate(.kyivRadio)
            try t.qualifyCandidate(.balticSentinel)
            try t.rejectCandidate(.albion, .qualificationCriteria)
            try t.invite(on: -18.5, deadline: 6)
            let question = try t.ask(
                "Is a terminal without Ka-band acceptable if it offers Ku-band with a second provider?",
                by: .balticSentinel,
                on: -15
            )
            try t.answer(question, "No. Both bands are required so that the terminal can switch operator under jamming.", on: -14)
            try t.bid("a", by: .keystone, on: -10, .price("5120000.00"))
            try t.bid("b", by: .kyivRadio, on: -5, .price("4980000.00"))
        }

        // Candidate selection: restricted, confidential; two producers have applied.
        try script.tender(
            "tender-22",
            by: .dpa,
            TenderEvent.Notice(
                title: "120 mm mortar bombs, high-explosive",
                description: "Complete rounds with point-detonating fuzes and propelling charges, for 120 mm mortars of NATO and Soviet design.",
                method: .restricted,
                classification: .confidential,
                lots: [
                    try lot(
                        "lot-1",
                        "120 mm HE mortar bombs",
                        "12000000.00",
                        .EUR,
                        try item(
                            "22-1",
                            "120 mm HE mortar bomb, complete round with point-detonating fuze and propelling charges",
                            cpv: "35331000-3",
                            nsn: "1315-16-512-8842",
                            20_000,
                            .piece
                        )
                    )
                ]
            )
        ) { t in
            try t.create(on: -7)
            try t.publish(on: -6.8, deadline: 5)
            try t.apply(.moravia, on: -5)
            try t.apply(.wisla, on: -3)
        }

        // Candidate qualification: the candidate period ended three days ago; one of three candidates decided.
        try script.tender(
            "tender-24",
            by: .dpa,
            TenderEvent.Notice(
                title: "Counter-battery radars",
                description: "Mobile radars locating mortar, artillery and rocket fire, with integration into the artillery fire-control network.",
                method: .restricted,
                criteria: bestValue(
                    price: 50,
                    ("detection", "Detection range and location accuracy for 120 mm and 155 mm projectiles", 35),
                    ("mobility", "Time into and out of action", 15)
                ),
                lots: [
                    try lot(
                        "lot-1",
                        "Mobile counter-battery radar systems",
                        "36000000.00",
                        .EUR,
                        try item(
                            "24-1",
                            "Mobile counter-battery radar, 360° coverage, detection of mortar, artillery and rocket fire to 40 km, on a 6×6 truck",
                            cpv: "35722000-1",
                            nsn: "5840-12-611-2298",
                            6,
                            .set
                        )
                    )
                ]
            )
        ) { t in
            try t.create(on: -15)
            try t.publish(on: -14.5, deadline: -3)
            try t.apply(.rheinfeld, on: -12)
            try t.apply(.valmont, on: -10)
            try t.apply(.keystone, on: -8)
            try t.deadlinePasses()
            try t.qualifyCandidate(.rheinfeld, on: -1)
        }

        // Draft: revised once, not yet published; only the DPA sees it.
        try script.tender(
            "tender-26",
            by: .dpa,
            TenderEvent.Notice(
                title: "Unmanned ground vehicles for casualty evacuation and resupply",
                description: "Tracked UGVs with remote control stations, to move wounded soldiers and supplies under drone threat.",
                method: .open,
                criteria: bestValue(
                    price: 60,
                    ("payload", "Payload and terrain mobility", 25),
                    ("control", "Control range and resilience to jamming", 15)
                ),
                lots: [
                    try lot(
                        "lot-1",
                        "Tracked UGVs with remote control stations",
                        "45000000.00",
                        .UAH,
                        try item(
                            "26-1",
                            "Tracked unmanned ground vehicle, payload ≥ 300 kg, range ≥ 15 km, with stretcher kit",
                            cpv: "35400000-8",
                            60,
                            .piece
                        )
                    )
                ]
            )
        ) { t in
            try t.create(on: -2)
            try t.reviseDraft(on: -1) { notice in
                notice.lots[0].items[0].quantity = 80
                notice.lots[0].value = try Money(parsing: "60000000.00", .UAH)
            }
        }
    }
}
