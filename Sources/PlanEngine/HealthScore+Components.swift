import Foundation
import PlanModel

/// Measures each component of ``HealthScore`` on one plan: a fraction as numerator / denominator
/// (so that the points are one exact division), the reckoning in words, and the evidence lines.
struct ScoreReader {
    typealias Measure = (numerator: Decimal, denominator: Decimal, reckoning: String, evidence: [HealthScore.Evidence])

    let plan: Plan
    let config: WorkspaceConfig
    let asOf: CalendarDate
    /// False when only the points are wanted (the `health-mismatch` rule): evidence texts are not built.
    var withEvidence = true

    func measure(_ component: HealthScoreProfile.Component) -> Measure {
        switch component {
        case .coverage: return coverage()
        case .relationship: return relationship()
        case .freshness: return freshness()
        case .actions: return actions()
        case .pipeline: return pipeline()
        }
    }

    /// Evidence is recorded only when it is wanted: formatting amounts for 10,000 plans is most of
    /// the score's cost, and the rollup and lint's `health-mismatch` need the points alone (without
    /// it, no list is even allocated).
    private func evidence(_ line: Int, _ message: @autoclosure () -> String, quoting quoted: @autoclosure () -> String)
        -> HealthScore.Evidence
    {
        HealthScore.Evidence(path: plan.path, line: line, message: message(), quoted: quoted())
    }

    private func note(_ found: inout [HealthScore.Evidence], _ line: Int, _ message: @autoclosure () -> String,
                      quoting quoted: @autoclosure () -> String) {
        if withEvidence { found.append(evidence(line, message(), quoting: quoted())) }
    }

    /// One line of evidence, or none when evidence is not wanted.
    private func list(_ line: Int, _ message: @autoclosure () -> String, quoting quoted: @autoclosure () -> String)
        -> [HealthScore.Evidence]
    {
        withEvidence ? [evidence(line, message(), quoting: quoted())] : []
    }

    private func noteMissing(_ found: inout [HealthScore.Evidence], in section: SectionKind?, _ message: @autoclosure () -> String) {
        if withEvidence { found.append(missing(in: section, message())) }
    }

    private func missingList(in section: SectionKind?, _ message: @autoclosure () -> String) -> [HealthScore.Evidence] {
        withEvidence ? [missing(in: section, message())] : []
    }

    /// The reckoning in words, only when evidence is wanted (its amounts and fractions are
    /// formatted, and one is a Decimal division: a fifth of the cost of scoring without them).
    private func words(_ text: @autoclosure () -> String) -> String { withEvidence ? text() : "" }

    /// Where to point when something is missing: the section's heading, else the front matter's `---`.
    private func missing(in section: SectionKind?, _ message: @autoclosure () -> String) -> HealthScore.Evidence {
        if let section, let heading = plan.sections.first(where: { $0.kind == section }) {
            return evidence(heading.location.line, message(), quoting: heading.heading)
        }
        return evidence(1, message(), quoting: "---")
    }

    private func stakeholderLine(_ stakeholder: Stakeholder) -> (line: Int, name: String) {
        let name = stakeholder.name?.value ?? ""
        return (stakeholder.name?.location.line ?? stakeholder.location.line, name)
    }

    /// (has a decision-maker + has a sponsor + min(stakeholders, 5) / 5) / 3.
    func coverage() -> Measure {
        var found: [HealthScore.Evidence] = []
        var hasRole: [StakeholderRole: Bool] = [:]
        for stakeholder in plan.stakeholders {
            let (line, name) = stakeholderLine(stakeholder)
            let role = stakeholder.role?.value
            if let role { hasRole[role] = true }
            note(&found, line, "\(name): \(role?.rawValue ?? "no role")", quoting: name)
        }
        let counted = min(plan.stakeholders.count, 5)
        // Whole numbers: Int arithmetic, one Decimal at the end (and written as Decimal writes them).
        let decisionMaker = hasRole[.decisionMaker] == true ? 1 : 0
        let sponsor = hasRole[.sponsor] == true ? 1 : 0
        if decisionMaker == 0 { noteMissing(&found, in: .stakeholders, "no stakeholder is a decision-maker") }
        if sponsor == 0 { noteMissing(&found, in: .stakeholders, "no stakeholder is a sponsor") }
        if plan.stakeholders.isEmpty { noteMissing(&found, in: .stakeholders, "no stakeholders named") }
        // (d + s + n/5) / 3 = (5d + 5s + n) / 15
        let numerator = Decimal(5 * decisionMaker + 5 * sponsor + counted)
        let reckoning = words("(decision-maker \(decisionMaker) + sponsor \(sponsor) + \(counted)/5 stakeholders) / 3")
        return (numerator, 15, reckoning, found)
    }

    /// The mean over stakeholders of strong 1, medium 0.5, weak / none / empty 0.
    func relationship() -> Measure {
        guard !plan.stakeholders.isEmpty else {
            return (0, 1, "no stakeholders", missingList(in: .stakeholders, "no stakeholders named"))
        }
        var halves = 0
        var found: [HealthScore.Evidence] = []
        for stakeholder in plan.stakeholders {
            let (line, name) = stakeholderLine(stakeholder)
            let relationship = stakeholder.relationship?.value
            let value: String
            switch relationship {
            case .strong: halves += 2; value = "1"
            case .medium: halves += 1; value = "0.5"
            default: value = "0"
            }
            note(&found, line, "\(name): \(relationship?.rawValue ?? "no relationship") (\(value))", quoting: name)
        }
        let count = plan.stakeholders.count
        // `halves / 2` as Decimal writes it (2.5, 2, 0), without its long division.
        let strong = halves % 2 == 0 ? "\(halves / 2)" : "\(halves / 2).5"
        return (Decimal(halves), Decimal(2 * count), words("\(strong) of \(count) stakeholders"), found)
    }

    /// 1 when reviewed within `review_interval_days` of the as-of day, 0.5 within twice that, else 0.
    func freshness() -> Measure {
        guard let reviewed = plan.header.reviewed else {
            return (0, 1, "no reviewed date", list(1, "no reviewed date", quoting: "---"))
        }
        let interval = config.reviewIntervalDays
        let age = reviewed.value.days(until: asOf)
        let halves = age <= interval ? 2 : age <= 2 * interval ? 1 : 0
        let verdict = words(halves == 2 ? "within \(interval) days" : halves == 1 ? "within \(2 * interval) days" : "over \(2 * interval) days ago")
        return (Decimal(halves), 2, verdict, list(reviewed.location.line, "reviewed \(reviewed.value), \(age) \(age == 1 ? "day" : "days") before \(asOf): \(verdict)",
                                                  quoting: "reviewed"))
    }

    /// 1 with open actions none overdue; 1/3 when the most overdue is 1–7 days late; else 0.
    func actions() -> Measure {
        let open = plan.actions.filter { !$0.done }
        guard !open.isEmpty else {
            return (0, 1, "no open action", missingList(in: .actions, "no open action"))
        }
        func actionEvidence(_ action: PlanAction, _ message: @autoclosure () -> String) -> [HealthScore.Evidence] {
            list(action.location.line, message() + ": " + action.text, quoting: action.due.map { $0.value.description } ?? action.text)
        }
        let overdue = open.compactMap { action in action.due.map { (action, $0.value.days(until: asOf)) } }.filter { $0.1 > 0 }
        guard let worst = overdue.max(by: { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0.location > $1.0.location) }) else {
            let next = open.min { ($0.due?.value.dayNumber ?? .max, $0.location.line) < ($1.due?.value.dayNumber ?? .max, $1.location.line) }
            let found = next.map { actionEvidence($0, "next open action" + ($0.due.map { " due \($0.value)" } ?? "")) } ?? []
            return (1, 1, words("\(open.count) open, none overdue"), found)
        }
        // "1 day late", not "1 days" (a newcomer trial).
        if worst.1 == 1 {
            let found = actionEvidence(worst.0, "due \(worst.0.due?.value.description ?? ""), 1 day late")
            return (1, 3, words("the most overdue action is 1 day late (1–7)"), found)
        }
        let found = actionEvidence(worst.0, "due \(worst.0.due?.value.description ?? ""), \(worst.1) days late")
        if worst.1 <= 7 { return (1, 3, words("the most overdue action is \(worst.1) days late (1–7)"), found) }
        return (0, 1, words("the most overdue action is \(worst.1) days late (over 7)"), found)
    }

    /// min(1, (won closing this fiscal year + weighted open pipeline) / revenue_target).
    func pipeline() -> Measure {
        var found: [HealthScore.Evidence] = []
        let year = fiscalYear(containing: asOf)
        var wonSum = DecimalSum()
        // Open amounts × probability, divided by 100 once (Decimal division is slow; the sum is exact either way).
        var weightedSum = DecimalSum()
        let currency = config.currency
        for opportunity in plan.opportunities {
            guard let id = opportunity.id?.value, let stage = opportunity.stage?.value else { continue }
            let line = opportunity.id?.location.line ?? opportunity.location.line
            guard let amount = opportunity.convertedAmount(config) else {
                note(&found, line, "\(id): amount not counted (no amount or no fx rate)", quoting: id)
                continue
            }
            if opportunity.isWon(config) {
                guard let close = opportunity.close?.value, close >= year.start, close <= year.end else { continue }
                wonSum.add(amount)
                note(&found, line, "\(id): \(stage) \(currency) \(Format.amount(amount)), closed \(close) in this fiscal year", quoting: id)
            } else if !opportunity.isClosed(config), let probability = opportunity.effectiveProbability(config) {
                weightedSum.add(amount, times: probability)
                note(&found, line, "\(id): \(stage) \(currency) \(Format.amount(amount)) × \(probability.plainString)% = "
                                      + Format.amount((amount * probability).dividedByHundred), quoting: id)
            }
        }
        let (won, weightedTimes100) = (wonSum.value, weightedSum.value)
        let counted = weightedTimes100 == 0 ? won : won + weightedTimes100.dividedByHundred
        guard let target = plan.header.revenueTarget else {
            note(&found, 1, "no revenue_target (in \(currency))", quoting: "---")
            return (0, 1, "no revenue target", found)
        }
        // A target that is written says what it is: 0, or in a currency without a rate ("no
        // revenue_target" for `revenue_target: 0` read as a line acctplan had missed).
        guard let converted = config.convert(target.value) else {
            note(&found, target.location.line, "revenue_target \(target.value.currency ?? currency): no fx rate to \(currency) in acctplan.yml",
                 quoting: "revenue_target")
            return (0, 1, "no revenue target", found)
        }
        guard converted > 0 else {
            note(&found, target.location.line, "revenue_target is 0: no target to cover", quoting: "revenue_target")
            return (0, 1, "the revenue target is 0", found)
        }
        note(&found, target.location.line, "revenue_target \(currency) \(Format.amount(converted))", quoting: "revenue_target")
        let reckoning = words("min(1, \(currency) \(Format.amount(counted)) / \(Format.amount(converted)))")
        return counted >= converted ? (1, 1, reckoning, found) : (counted, converted, reckoning, found)
    }

    /// The fiscal year (first and last day) that `date` falls in, from `fiscal_year_start`.
    func fiscalYear(containing date: CalendarDate) -> (start: CalendarDate, end: CalendarDate) {
        let start = config.fiscalYearStart
        func first(_ year: Int) -> CalendarDate {
            CalendarDate(year: year, month: start.month, day: start.day)
                ?? CalendarDate(year: year, month: start.month, day: 28) ?? date
        }
        let thisYear = first(date.year)
        let yearStart = date < thisYear ? first(date.year - 1) : thisYear
        return (yearStart, first(yearStart.year + 1).adding(days: -1))
    }
}
