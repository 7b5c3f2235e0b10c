import PlanModel

/// `health_score:` (docs/score.md):
///
/// ```yaml
/// health_score:
///   weights: {coverage: 30, relationship: 15, freshness: 20, actions: 15, pipeline: 20}
///   bands: {green: 70, amber: 40}
/// ```
///
/// A component left out of `weights:` keeps its default weight; the weights must add up to 100.
/// Whatever is invalid is a `config` finding and the whole profile keeps its defaults, so a
/// score is never computed with half a profile.
extension ConfigReader {
    static let scoreComponents = HealthScoreProfile.Component.allCases.map(\.rawValue)

    mutating func readHealthScore(_ entry: FrontMatterEntry) {
        guard case .mapping(let settings) = entry.value else {
            if entry.value != .null {
                report(entry.valueLocation, "health_score must be a mapping with weights: and bands:",
                       hint: "e.g. health_score: {weights: {coverage: 30, pipeline: 20}, bands: {green: 70, amber: 40}}")
            }
            return
        }
        var profile = HealthScoreProfile()
        var valid = true
        for setting in settings {
            switch setting.key {
            case "weights": valid = readWeights(setting, into: &profile) && valid
            case "bands": valid = readBands(setting, into: &profile) && valid
            default:
                let suggestion = ValueSyntax.closest(to: setting.key, in: ["weights", "bands"])
                report(setting.keyLocation, "unknown health_score setting '\(setting.key)'" + ValueSyntax.didYouMean(suggestion),
                       hint: "health_score has weights: and bands:")
                valid = false
            }
        }
        if valid { config.healthScore = profile }
    }

    private mutating func readWeights(_ entry: FrontMatterEntry, into profile: inout HealthScoreProfile) -> Bool {
        guard case .mapping(let weights) = entry.value else {
            report(entry.valueLocation, "health_score.weights must map components to points",
                   hint: "components are: " + Self.scoreComponents.joined(separator: ", "))
            return false
        }
        var valid = true
        for weight in weights {
            guard let component = HealthScoreProfile.Component(rawValue: weight.key) else {
                let suggestion = ValueSyntax.closest(to: weight.key, in: Self.scoreComponents)
                report(weight.keyLocation, "unknown score component '\(weight.key)' in health_score.weights" + ValueSyntax.didYouMean(suggestion),
                       hint: "components are: " + Self.scoreComponents.joined(separator: ", "))
                valid = false
                continue
            }
            guard let points = weight.value.scalarText.flatMap({ Int($0) }), (0...100).contains(points) else {
                report(weight.valueLocation, "the health_score weight of \(weight.key) must be a whole number from 0 to 100")
                valid = false
                continue
            }
            profile.weights[component] = points
        }
        let total = HealthScoreProfile.Component.allCases.reduce(0) { $0 + profile.weight($1) }
        if valid && total != 100 {
            let listed = HealthScoreProfile.Component.allCases.map { "\($0.rawValue) \(profile.weight($0))" }
            report(entry.valueLocation, "the health_score weights add up to \(total), not 100",
                   hint: "weights are points out of 100 (a component not listed keeps its default): "
                       + listed.joined(separator: " + ") + " = \(total)")
            valid = false
        }
        return valid
    }

    private mutating func readBands(_ entry: FrontMatterEntry, into profile: inout HealthScoreProfile) -> Bool {
        guard case .mapping(let bands) = entry.value else {
            report(entry.valueLocation, "health_score.bands must be {green: 70, amber: 40}")
            return false
        }
        var valid = true
        for band in bands {
            guard band.key == "green" || band.key == "amber" else {
                report(band.keyLocation, "unknown band '\(band.key)' in health_score.bands", hint: "bands are green and amber (below amber is red)")
                valid = false
                continue
            }
            guard let threshold = band.value.scalarText.flatMap({ Int($0) }), (0...100).contains(threshold) else {
                report(band.valueLocation, "the health_score \(band.key) threshold must be a whole number from 0 to 100")
                valid = false
                continue
            }
            if band.key == "green" { profile.green = threshold } else { profile.amber = threshold }
        }
        if valid && profile.amber > profile.green {
            report(entry.valueLocation, "the health_score amber threshold (\(profile.amber)) is above the green one (\(profile.green))",
                   hint: "a score at or above green is green, at or above amber is amber, below is red")
            valid = false
        }
        return valid
    }
}
