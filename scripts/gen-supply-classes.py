#!/usr/bin/env python3
"""Generate Sources/Procurement/Codes/SupplyClassification+Table.swift.

Input: CSIS ``Lookup-Tables/ProductOrServiceCodes.csv`` (https://github.com/CSISdefense/Lookup-Tables, Creative
Commons, "please cite us"), or any CSV with the columns ``ProductOrServiceCode`` and ``ProductOrServiceCodeText``.

Kept: the 4-digit numeric (product) codes, which are the US Federal Supply Classification (FSC ~ NATO NSC) classes.
Dropped: service and R&D codes (they start with a letter), group-level rows (2 digits), catch-all rows whose class
part is "00", and rows without a description.

Supply-group names come from DLA's FSG table (ZSMT_FSG.txt, a US Government work) and are embedded below; only groups
that have at least one class are emitted (the historical FSGs 21 and 33 have none).

Usage: python3 scripts/gen-supply-classes.py ProductOrServiceCodes.csv > Sources/Procurement/Codes/SupplyClassification+Table.swift
"""

import csv
import re
import sys

GROUPS = {
    "10": "Weapons",
    "11": "Nuclear Ordnance",
    "12": "Fire Control Equipment",
    "13": "Ammunition and Explosives",
    "14": "Guided Missiles",
    "15": "Aerospace Craft and Structural Components",
    "16": "Aerospace Craft Components and Accessories",
    "17": "Aerospace Craft Launching, Landing, Ground Handling, and Servicing Equipment",
    "18": "Space Vehicles",
    "19": "Ships, Small Craft, Pontoons, and Floating Docks",
    "20": "Ship and Marine Equipment",
    "22": "Railway Equipment",
    "23": "Ground Effect Vehicles, Motor Vehicles, Trailers, and Cycles",
    "24": "Tractors",
    "25": "Vehicular Equipment Components",
    "26": "Tires and Tubes",
    "28": "Engines, Turbines, and Components",
    "29": "Engine Accessories",
    "30": "Mechanical Power Transmission Equipment",
    "31": "Bearings",
    "32": "Woodworking Machinery and Equipment",
    "34": "Metalworking Machinery",
    "35": "Service and Trade Equipment",
    "36": "Special Industry Machinery",
    "37": "Agricultural Machinery and Equipment",
    "38": "Construction, Mining, Excavating, and Highway Maintenance Equipment",
    "39": "Materials Handling Equipment",
    "40": "Rope, Cable, Chain, and Fittings",
    "41": "Refrigeration, Air Conditioning, and Air Circulating Equipment",
    "42": "Firefighting, Rescue, and Safety Equipment; and Environmental Protection Equipment and Materials",
    "43": "Pumps and Compressors",
    "44": "Furnace, Steam Plant, and Drying Equipment; and Nuclear Reactors",
    "45": "Plumbing, Heating, and Waste Disposal Equipment",
    "46": "Water Purification and Sewage Treatment Equipment",
    "47": "Pipe, Tubing, Hose, and Fittings",
    "48": "Valves",
    "49": "Maintenance and Repair Shop Equipment",
    "51": "Hand Tools",
    "52": "Measuring Tools",
    "53": "Hardware and Abrasives",
    "54": "Prefabricated Structures and Scaffolding",
    "55": "Lumber, Millwork, Plywood, and Veneer",
    "56": "Construction and Building Materials",
    "58": "Communication, Detection, and Coherent Radiation Equipment",
    "59": "Electrical and Electronic Equipment Components",
    "60": "Fiber Optics Materials, Components, Assemblies, and Accessories",
    "61": "Electric Wire, and Power and Distribution Equipment",
    "62": "Lighting Fixtures and Lamps",
    "63": "Alarm, Signal and Security Detection Systems",
    "65": "Medical, Dental, and Veterinary Equipment and Supplies",
    "66": "Instruments and Laboratory Equipment",
    "67": "Photographic Equipment",
    "68": "Chemicals and Chemical Products",
    "69": "Training Aids and Devices",
    "70": "Information Technology Equipment (Including Firmware), Software, Supplies and Support Equipment",
    "71": "Furniture",
    "72": "Household and Commercial Furnishings and Appliances",
    "73": "Food Preparation and Serving Equipment",
    "74": "Office Machines, Text Processing Systems and Visible Record Equipment",
    "75": "Office Supplies and Devices",
    "76": "Books, Maps, and Other Publications",
    "77": "Musical Instruments, Phonographs, and Home-Type Radios",
    "78": "Recreational and Athletic Equipment",
    "79": "Cleaning Equipment and Supplies",
    "80": "Brushes, Paints, Sealers, and Adhesives",
    "81": "Containers, Packaging, and Packing Supplies",
    "83": "Textiles, Leather, Furs, Apparel and Shoe Findings, Tents and Flags",
    "84": "Clothing, Individual Equipment, Insignia, and Jewelry",
    "85": "Toiletries",
    "87": "Agricultural Supplies",
    "88": "Live Animals",
    "89": "Subsistence",
    "91": "Fuels, Lubricants, Oils, Waxes, and Electricity",
    "93": "Nonmetallic Fabricated Materials",
    "94": "Nonmetallic Crude Materials",
    "95": "Metal Bars, Sheets, and Shapes",
    "96": "Ores, Minerals, and Their Primary Products",
    "99": "Miscellaneous",
}


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    classes = {}
    with open(sys.argv[1], newline="", encoding="utf-8-sig") as handle:
        for row in csv.DictReader(handle):
            code = (row.get("ProductOrServiceCode") or "").strip()
            name = " ".join((row.get("ProductOrServiceCodeText") or "").split())
            if not re.fullmatch(r"\d{4}", code) or code.endswith("00"):
                continue
            if not name or name.upper() in ("NULL", "NO DESCRIPTION"):
                continue
            classes[code] = name
    unknown = sorted({code[:2] for code in classes} - GROUPS.keys())
    if unknown:
        sys.exit(f"classes in groups without a name: {unknown}")
    groups = {group: name for group, name in GROUPS.items() if any(code.startswith(group) for code in classes)}
    for text in list(classes.values()) + list(groups.values()):
        if "\t" in text or "\n" in text or '"""#' in text:
            sys.exit(f"unexpected character in {text!r}")

    out = sys.stdout
    out.write("// Generated by scripts/gen-supply-classes.py - do not edit by hand.\n")
    out.write("// Classes: CSIS Lookup-Tables ProductOrServiceCodes.csv (Creative Commons, cite CSIS); groups: DLA FSG table.\n")
    out.write("// See SUPPLY-CLASSES-LICENSE.md.\n\n")
    out.write("extension SupplyClassification {\n")
    out.write(f"    /// {len(groups)} supply groups, `code<TAB>name` per line.\n")
    out.write('    static let groupsTable = #"""\n')
    for group in sorted(groups):
        out.write(f"        {group}\t{groups[group]}\n")
    out.write('        """#\n\n')
    out.write(f"    /// {len(classes)} supply classes, `code<TAB>name` per line.\n")
    out.write('    static let classesTable = #"""\n')
    for code in sorted(classes):
        out.write(f"        {code}\t{classes[code]}\n")
    out.write('        """#\n')
    out.write("}\n")


if __name__ == "__main__":
    main()
