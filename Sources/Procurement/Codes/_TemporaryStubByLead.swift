// TEMPORARY stub added by the lead engineer so the rest of the package compiles while the real tables are
// being generated. Helper: DELETE THIS FILE when you add the real `table`, `classesTable` and `groupsTable`.
extension CPVCode { static let table = "35811300-5\tIndividual support equipment\n35300000-7\tWeapons, ammunition and associated parts\n" }
extension SupplyClassification {
    static let classesTable = "5820\tRadio and television communication equipment, except airborne\n"
    static let groupsTable = "58\tCommunication, detection, and coherent radiation equipment\n"
}
