import Foundation
import Procurement

extension DemoWorld {
    /// The State Logistics Operator buys non-lethal goods: food, fuel, clothing, protection, medical and field equipment.
    static func dotTenders(_ script: inout Script) throws {
        // Complete: an amendment forced re-confirmation; one bidder never confirmed and dropped out at the deadline.
        try script.tender(
            "tender-02",
            by: .dot,
            TenderEvent.Notice(
                title: "Individual 24-hour field rations, three menus",
                description: "Ready-to-eat 24-hour ration packs with flameless heaters, delivered to DOT regional logistics centres.",
                method: .open,
                lots: [
                    try lot(
                        "lot-1",
                        "24-hour individual ration packs",
                        "96000000.00",
                        .UAH,
                        try item(
                            "02-1",
                            "Individual 24-hour ration pack, ≥ 3,600 kcal, three menus, flameless heater, shelf life 24 months",
                            cpv: "15897100-3",
                            200_000,
                            .piece,
                            to: "DOT regional logistics centre, Dnipropetrovsk oblast"
                        )
                    )
                ]
            )
        ) { t in
            try t.create(on: -88)
            try t.publish(on: -87.5, deadline: -78)
            try t.bid("a", by: .dniproProvisions, on: -85, .price("89000000.00"))
            try t.bid("b", by: .albion, on: -84.5, .price("93400000.00"))
            try t.amend(on: -83, deadline: -76) { notice in
                notice.lots[0].items[0].description =
                    "Individual 24-hour ration pack, ≥ 3,600 kcal, three menus incl. a halal and a vegetarian menu (≥ 10 % of packs), flameless heater, at least 24 months of shelf life left on delivery"
            }
            try t.confirm("a", on: -82)
            try t.bid("c", by: .granitTrade, on: -80, .price("58000000.00"))
            try t.deadlinePasses()
            try t.openBids()
            try t.qualify("a")
            try t.disqualify(
                "c",
                .abnormallyLowPrice,
                "UAH 290 per ration is 38 % below the market price of its declared components; the bidder did not justify it within the 3 working days given."
            )
            let award = try t.proposeAward(on: -74)
            try t.approve(award, on: -73)
            try t.standstillPasses()
            try t.sign(award, on: -67)
        }

        // Complete: fuel by region, one bid withdrawn before the deadline.
        try script.tender(
            "tender-03",
            by: .dot,
            TenderEvent.Notice(
                title: "Diesel fuel EN 590 for the Defence Forces, two regions",
                description: "Winter-grade diesel fuel delivered by tanker truck to field fuel depots; quality checked by the MoD fuel laboratory.",
                method: .open,
                lots: [
                    try lot(
                        "lot-1",
                        "Diesel fuel, eastern region",
                        "312000000.00",
                        .UAH,
                        try item(
                            "03-1",
                            "Diesel fuel EN 590, class 2 (winter), delivered by tanker truck",
                            cpv: "09134220-5",
                            nsn: "9140-12-370-8221",
                            5_000,
                            .tonne,
                            to: "Field fuel depot, Kharkiv oblast"
                        )
                    ),
                    try lot(
                        "lot-2",
                        "Diesel fuel, southern region",
                        "250000000.00",
                        .UAH,
                        try item(
                            "03-2",
                            "Diesel fuel EN 590, class 2 (winter), delivered by tanker truck",
                            cpv: "09134220-5",
                            nsn: "9140-12-370-8221",
                            4_000,
                            .tonne,
                            to: "Field fuel depot, Mykolaiv oblast"
                        )
                    ),
                ]
            )
        ) { t in
            try t.create(on: -86)
            try t.publish(on: -85.8, deadline: -77)
            try t.bid("a", by: .poltavaFuel, on: -83, .lot("lot-1", "305000000.00"), .lot("lot-2", "246000000.00"))
            try t.bid("b", by: .odesaPetroleum, on: -82, .lot("lot-2", "243800000.00"))
            try t.bid("c", by: .granitTrade, on: -81, .lot("lot-1", "309500000.00"))
            try t.withdraw("c", on: -79)
            try t.deadlinePasses()
            try t.openBids()
            try t.qualify("a")
            try t.qualify("b", bySecondEvaluator: true)
            let first = try t.proposeAward(lot: "lot-1", on: -75)
            let second = try t.proposeAward(lot: "lot-2")
            try t.approve(first, on: -74)
            try t.approve(second)
            try t.standstillPasses()
            try t.sign(first, on: -68)
            try t.sign(second)
        }

        // Complete: negotiated for urgency after shelling cut the water supply.
        try script.tender(
            "tender-34",
            by: .dot,
            TenderEvent.Notice(
                title: "Bottled drinking water for units in the Kharkiv direction",
                description: "Daily deliveries of bottled drinking water for 30 days.",
                method: .negotiated,
                negotiationGround: .urgency,
                rationale: """
                    Shelling destroyed the municipal water supply in the units' deployment area; daily deliveries must start within three \
                    days, which no procedure with publication allows (Directive 2009/81/EC art. 28(1)(c)).
                    """,
                lots: [
                    try lot(
                        "lot-1",
                        "Bottled drinking water, 5 l",
                        "7200000.00",
                        .UAH,
                        try item(
                            "34-1",
                            "Still drinking water in 5 l PET bottles",
                            cpv: "41110000-3",
                            400_000,
                            .bottle,
                            to: "Field depot, Kharkiv oblast"
                        )
                    )
                ],
                invitedSupplierIDs: [Person.dniproProvisions.organizationID, Person.granitTrade.organizationID]
            )
        ) { t in
            try t.create(on: -41)
            try t.publish(on: -40.9, deadline: -38)
            try t.bid("a", by: .dniproProvisions, on: -40, .price("6840000.00"))
            try t.bid("b", by: .granitTrade, on: -39.5, .price("6600000.00"))
            try t.deadlinePasses()
            try t.openBids()
            try t.qualify("a")
            try t.disqualify(
                "b",
                .qualificationCriteria,
                "The bidder has no own or leased warehouse and vehicles in the region, required for daily delivery (section 3.1)."
            )
            let award = try t.proposeAward(on: -37.5)
            try t.approve(award, on: -37)
            try t.standstillPasses()
            try t.sign(award)
        }

        // Awarded: the approver rejected the first award; the evaluator re-examined and the runner-up won.
        try script.tender(
            "tender-07",
            by: .dot,
            TenderEvent.Notice(
                title: "Winter combat uniforms (layered system)",
                description: "Insulated, windproof and water-repellent winter suits in the MM-14 pattern, sizes per the attached size roll.",
                method: .open,
                criteria: bestValue(price: 70, ("thermal", "Thermal resistance measured to ISO 11092", 20), ("delivery", "Delivery schedule", 10)),
                lots: [
                    try lot(
                        "lot-1",
                        "Winter combat suits",
                        "126000000.00",
                        .UAH,
                        try item(
                            "07-1",
                            "Winter combat suit: insulated jacket and trousers, windproof, water-repellent, MM-14 pattern",
                            cpv: "35812200-1",
                            42_000,
                            .set
                        )
                    )
                ]
            )
        ) { t in
            try t.create(on: -30)
            try t.publish(on: -29.5, deadline: -20)
            try t.bid("a", by: .carpathianTextile, on: -26, .price("118000000.00"))
            try t.bid("b", by: .albion, on: -24, .price("123500000.00"))
            try t.bid("c", by: .granitTrade, on: -22, .price("104000000.00"))
            try t.deadlinePasses()
            try t.openBids()
            try t.qualify("a", scores: ["thermal": 85, "delivery": 90])
            try t.qualify("b", scores: ["thermal": 90, "delivery": 70], bySecondEvaluator: true)
            try t.qualify("c", scores: ["thermal": 80, "delivery": 80])
            let rejected = try t.proposeAward(on: -18)
            try t.reject(
                rejected,
                "The ISO 11092 report in the winning bid comes from a laboratory without ISO/IEC 17025 accreditation; re-examine the bid before any award.",
                on: -17
            )
            try t.disqualify(
                "c",
                .missingDocuments,
                "No accredited thermal-resistance test report was provided within the 2 working days granted after re-examination.",
                on: -16.5
            )
            let award = try t.proposeAward(on: -16)
            try t.approve(award, on: -15)
            try t.standstillPasses()
        }

        // Standstill: approved two days ago; the answer to a clarification decided a disqualification.
        try script.tender(
            "tender-10",
            by: .dot,
            TenderEvent.Notice(
                title: "Individual first-aid kits (IFAK)",
                description: "First-aid kits to the TCCC standard for every soldier, in a MOLLE pouch.",
                method: .open,
                lots: [
                    try lot(
                        "lot-1",
                        "IFAK with tourniquet and haemostatic dressing",
                        "61500000.00",
                        .UAH,
                        try item(
                            "10-1",
                            "Individual first-aid kit: CoTCCC-recommended tourniquet, haemostatic gauze, pressure bandage, chest seal, airway, pouch",
                            cpv: "33141620-2",
                            nsn: "6545-01-530-0929",
                            30_000,
                            .kit,
                            to: "DOT medical logistics hub, Kyiv oblast"
                        )
                    )
                ]
            )
        ) { t in
            try t.create(on: -22)
            try t.publish(on: -21.5, deadline: -12)
            let question = try t.ask(
                "May we offer a tourniquet that is not on the CoTCCC list but passed the same test protocol?",
                by: .lvivMedtech,
                on: -19
            )
            try t.answer(question, "No. Only CoTCCC-recommended tourniquets are accepted.", on: -18)
            try t.bid("a", by: .lvivMedtech, on: -17, .price("56700000.00"))
            try t.bid("b", by: .albion, on: -15, .price("58200000.00"))
            try t.bid("c", by: .granitTrade, on: -14, .price("49000000.00"))
            try t.deadlinePasses()
            try t.openBids()
            try t.qualify("a")
            try t.qualify("b", bySecondEvaluator: true)
            try t.disqualify(
                "c",
                .nonCompliantSpecification,
                "The offered tourniquet is not CoTCCC-recommended, as the answer to question q-10-1 requires."
            )
            let award = try t.proposeAward(on: -3)
            try t.approve(award, on: -2)
        }

        // Evaluation: both lots proposed yesterday and the day before, waiting for the approver.
        try script.tender(
            "tender-13",
            by: .dot,
            TenderEvent.Notice(
                title: "Winter tents and sleeping bags",
                description: "Insulated tents with stoves and cold-weather sleeping bags for units in field positions.",
                method: .open,
                lots: [
                    try lot(
                        "lot-1",
                        "Insulated 10-person tents with stoves",
                        "54000000.00",
                        .UAH,
                        try item(
                            "13-1",
                            "Insulated frame tent for 10 persons, with stove jack and wood stove",
                            cpv: "39522530-1",
                            nsn: "8340-01-548-0317",
                            1_200,
                            .piece
                        )
                    ),
                    try lot(
                        "lot-2",
                        "Sleeping bags, −20 °C",
                        "36000000.00",
                        .UAH,
                        try item("13-2", "Sleeping bag, comfort −10 °C, extreme −20 °C, with compression sack", cpv: "39522540-4", 24_000, .piece)
                    ),
                ]
            )
        ) { t in
            try t.create(on: -24)
            try t.publish(on: -23.5, deadline: -10)
            try t.bid("a", by: .albion, on: -20, .lot("lot-1", "51600000.00"), .lot("lot-2", "34800000.00"))
            try t.bid("b", by: .carpathianTextile, on: -18, .lot("lot-2", "33100000.00"))
            try t.bid("c", by: .kharkivArmour, on: -16, .lot("lot-1", "52900000.00"))
            try t.deadlinePasses()
            try t.openBids()
            try t.qualify("a", on: -8)
            try t.qualify("b")
            try t.qualify("c", bySecondEvaluator: true)
            _ = try t.proposeAward(lot: "lot-1", on: -2)
            _ = try t.proposeAward(lot: "lot-2", on: -1)
        }

        // Awaiting opening: the deadline passed yesterday.
        try script.tender(
            "tender-16",
            by: .dot,
            TenderEvent.Notice(
                title: "Insulated winter boots",
                description: "Membrane winter boots, sizes 38–48 per the attached size roll.",
                method: .open,
                lots: [
                    try lot(
                        "lot-1",
                        "Insulated winter boots",
                        "72000000.00",
                        .UAH,
                        try item(
                            "16-1",
                            "Insulated winter combat boot, waterproof membrane, rubber lug sole, rated to −25 °C",
                            cpv: "18815000-5",
                            40_000,
                            .pair
                        )
                    )
                ]
            )
        ) { t in
            try t.create(on: -13)
            try t.publish(on: -12.5, deadline: -1)
            try t.bid("a", by: .carpathianTextile, on: -9, .price("68400000.00"))
            try t.bid("b", by: .kharkivArmour, on: -6, .price("70000000.00"))
            try t.deadlinePasses()
        }

        // Tendering: best value, two lots, closing in nine days.
        try script.tender(
            "tender-18",
            by: .dot,
            TenderEvent.Notice(
                title: "Body armour and ballistic helmets",
                description:
                    "Plate carriers with level IV plates and high-cut ballistic helmets; samples are tested at an accredited ballistic laboratory.",
                method: .open,
                criteria: bestValue(
                    price: 60,
                    ("protection", "Ballistic test results (DSTU 8782, NIJ 0101.06 level IV plates)", 30),
                    ("weight", "Weight of the protective system", 10)
                ),
                lots: [
                    try lot(
                        "lot-1",
                        "Plate carriers with level IV plates",
                        "210000000.00",
                        .UAH,
                        try item(
                            "18-1",
                            "Plate carrier with two NIJ level IV plates and soft armour inserts",
                            cpv: "35815100-1",
                            nsn: "8470-01-520-7373",
                            15_000,
                            .set
                        )
                    ),
                    try lot(
                        "lot-2",
                        "Ballistic helmets",
                        "66000000.00",
                        .UAH,
                        try item(
                            "18-2",
                            "Ballistic helmet, high cut, NIJ IIIA, with rails and night-vision shroud",
                            cpv: "35813000-6",
                            nsn: "8470-01-618-4417",
                            12_000,
                            .piece
                        )
                    ),
                ]
            )
        ) { t in
            try t.create(on: -8)
            try t.publish(on: -7.5, deadline: 9)
            let question = try t.ask(
                "Lot 1: may we offer polyethylene plates instead of ceramic ones if they meet level IV?",
                by: .carpathianTextile,
                on: -6
            )
            try t.answer(
                question,
                "Yes, if the plates pass the level IV test with the reference projectile; the material is not prescribed.",
                on: -5.5
            )
            try t.bid("a", by: .kharkivArmour, on: -5, .lot("lot-1", "198000000.00"), .lot("lot-2", "61800000.00"))
            try t.bid("b", by: .carpathianTextile, on: -3, .lot("lot-1", "203500000.00"))
        }

        // Tendering: just published; an unanswered question, no bids yet.
        try script.tender(
            "tender-36",
            by: .dot,
            TenderEvent.Notice(
                title: "Lithium-ion battery packs for drones and radios",
                description: "Battery packs for FPV drones and handheld radios, with a storage life of at least 12 months.",
                method: .open,
                lots: [
                    try lot(
                        "lot-1",
                        "Battery packs",
                        "48000000.00",
                        .UAH,
                        try item("36-1", "Lithium-ion battery pack 6S, 10,000 mAh, for FPV drones", cpv: "31434000-7", 20_000, .piece),
                        try item(
                            "36-2",
                            "Rechargeable battery for handheld tactical radio",
                            cpv: "31434000-7",
                            nsn: "6140-12-458-3306",
                            6_000,
                            .piece
                        )
                    )
                ]
            )
        ) { t in
            try t.create(on: -3)
            try t.publish(on: -2.8, deadline: 18)
            try t.ask("Which radio models must the radio battery fit? Please list them in the notice.", by: .kyivRadio, on: -1)
        }

        // Candidate selection: restricted, life-cycle cost; a clarification and one candidate so far.
        try script.tender(
            "tender-23",
            by: .dot,
            TenderEvent.Notice(
                title: "6×6 fuel-tanker trucks with 8-year support",
                description: "Off-road fuel tankers for forward refuelling; candidates must run a service network in Ukraine.",
                method: .restricted,
                criteria: .lifeCycleCost(years: 8),
                lots: [
                    try lot(
                        "lot-1",
                        "6×6 fuel-tanker trucks, 10,000 l",
                        "9600000.00",
                        .EUR,
                        try item(
                            "23-1",
                            "6×6 off-road fuel-tanker truck, 10,000 l, with dispensing pump and filtration",
                            cpv: "34133110-2",
                            nsn: "2320-12-415-0082",
                            40,
                            .piece
                        )
                    )
                ]
            )
        ) { t in
            try t.create(on: -3)
            try t.publish(on: -2.5, deadline: 8)
            let question = try t.ask("Does the service network requirement accept a partner workshop instead of our own?", by: .albion, on: -2)
            try t.answer(question, "Yes, with a signed service agreement covering at least three oblasts.", on: -1.5)
            try t.apply(.vinnytsiaMotors, on: -1)
        }

        // Candidate qualification: the candidate period ended 36 hours ago; nobody decided yet.
        try script.tender(
            "tender-25",
            by: .dot,
            TenderEvent.Notice(
                title: "Mobile water purification stations",
                description: "Trailer-mounted reverse-osmosis stations producing potable water to STANAG 2136 from surface water.",
                method: .restricted,
                criteria: .lifeCycleCost(years: 8),
                lots: [
                    try lot(
                        "lot-1",
                        "Trailer-mounted water purification stations, 5 m³/h",
                        "4800000.00",
                        .EUR,
                        try item("25-1", "Mobile reverse-osmosis water purification station, 5 m³/h, on a trailer", cpv: "42912300-5", 24, .piece)
                    )
                ]
            )
        ) { t in
            try t.create(on: -13)
            try t.publish(on: -12.5, deadline: -1.5)
            try t.apply(.albion, on: -10)
            try t.apply(.rheinfeld, on: -9)
            try t.apply(.balticSentinel, on: -7)
            try t.deadlinePasses()
        }

        // Unsuccessful: nobody bid.
        try script.tender(
            "tender-28",
            by: .dot,
            TenderEvent.Notice(
                title: "Personal dosimeters for CBRN units",
                description: "Electronic personal dosimeters with audible and vibrating alarms.",
                method: .open,
                lots: [
                    try lot(
                        "lot-1",
                        "Personal electronic dosimeters",
                        "3600000.00",
                        .UAH,
                        try item(
                            "28-1",
                            "Personal electronic gamma dosimeter with alarm, 0.1 µSv to 10 Sv",
                            cpv: "38527200-7",
                            nsn: "6665-12-387-4410",
                            1_500,
                            .piece
                        )
                    )
                ]
            )
        ) { t in
            try t.create(on: -35)
            try t.publish(on: -34.5, deadline: -26)
            try t.deadlinePasses()
        }

        // Cancelled while tendering: the funds were re-prioritised.
        try script.tender(
            "tender-31",
            by: .dot,
            TenderEvent.Notice(
                title: "Wood-burning stoves for field shelters",
                description: "Portable stoves with chimney kits for dugouts and tents.",
                method: .open,
                lots: [
                    try lot(
                        "lot-1",
                        "Field stoves with chimney kits",
                        "9800000.00",
                        .UAH,
                        try item("31-1", "Portable wood-burning stove with chimney kit for dugouts and tents", cpv: "37414600-9", 7_000, .piece)
                    )
                ]
            )
        ) { t in
            try t.create(on: -20)
            try t.publish(on: -19.5, deadline: -9)
            try t.bid("a", by: .albion, on: -15, .price("9100000.00"))
            try t.cancel(
                .fundingUnavailable,
                "The budget allocation was re-prioritised to fuel by a Ministry of Defence order; the need will be announced again when funded.",
                on: -12
            )
        }

        // Cancelled while tendering: the warehouse the racking was for was destroyed.
        try script.tender(
            "tender-38",
            by: .dot,
            TenderEvent.Notice(
                title: "Pallets for the Kyiv regional logistics centre",
                description: "EUR pallets for the new storage hall of the regional logistics centre.",
                method: .open,
                lots: [
                    try lot(
                        "lot-1",
                        "Wooden EUR pallets",
                        "11500000.00",
                        .UAH,
                        try item("38-1", "Wooden pallet, 1200×800 mm (EUR), heat-treated", cpv: "44143000-4", 30_000, .piece)
                    )
                ]
            )
        ) { t in
            try t.create(on: -15)
            try t.publish(on: -14.5, deadline: -5)
            try t.bid("a", by: .albion, on: -12, .price("10900000.00"))
            try t.cancel(
                .forceMajeure,
                "The storage hall the pallets were for was destroyed by a missile strike; the need will be planned again for the relocated centre.",
                on: -9
            )
        }
    }
}
