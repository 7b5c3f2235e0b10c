import PlanModel

extension ConfigReader {
    /// `offerings:`: a list of `{id, name}` (or of bare ids, named by themselves). A bad entry is
    /// a finding at its position and is left out; the rest of the catalogue is kept.
    mutating func readOfferings(_ entry: FrontMatterEntry) {
        guard case .list(let items) = entry.value else {
            if entry.value != .null {
                report(entry.valueLocation, "offerings must be a list of {id, name}",
                       hint: "e.g. offerings: [{id: erp, name: ERP suite}, {id: hr, name: HR cloud}]")
            }
            return
        }
        var seen: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            let location = index < entry.itemLocations.count ? entry.itemLocations[index] : entry.valueLocation
            var id: String?
            var name: String?
            switch item {
            case .mapping(let fields):
                id = fields.first { $0.key == "id" }?.value.scalarText
                // An empty or blank name would be an empty column title: the id names it instead.
                name = fields.first { $0.key == "name" }?.value.scalarText.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
                for field in fields where field.key != "id" && field.key != "name" {
                    report(field.keyLocation, "offering key '\(field.key)' is not known",
                           hint: "an offering has an id and a name")
                }
            default:
                id = item.scalarText
            }
            guard let id, ValueSyntax.isValidID(id) else {
                report(location, id.map { "'\($0)' is not a valid offering id" } ?? "offering needs an `id`",
                       hint: "offering ids use lowercase letters, digits and '-', e.g. {id: erp, name: ERP suite}")
                continue
            }
            if let first = seen[id] {
                report(location, "offering '\(id)' is listed twice (first on line \(first))",
                       hint: "each offering needs its own id")
                continue
            }
            seen[id] = location.line
            config.offerings.append(Offering(id: id, name: name ?? id, location: location))
        }
    }
}
