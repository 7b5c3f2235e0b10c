import Foundation
import PlanEngine
import PlanLocalization
import PlanModel
import PlanReports

/// `textDocument/hover`: what a front-matter key means, who a person is, what a stage is, what an
/// industry's or segment's plan says, and an opportunity row's weighted amount — in the
/// workspace's language, like the diagnostics (values, ids and names as written).
extension LanguageServer {
    func hover(_ params: JSON) -> JSON {
        guard let (document, parsed) = openPlan(params), let position = Position(params["position"]),
              let (line, column, text) = document.location(of: position, encoding: encoding) else { return .null }
        let plan = parsed.plan
        let config = self.config
        var markdown: String?
        if let entry = plan.frontMatter.first(where: { $0.keyLocation.line == line }) {
            if column < entry.keyLocation.column + entry.key.count, let field = config.schema.fields.first(where: { $0.key == entry.key }) {
                markdown = "**\(field.key)** — " + Localizer.translate(field.summary, to: language)
            } else if column < entry.keyLocation.column + entry.key.count, let type = config.fields[entry.key] {
                markdown = customFieldDocumentation(entry.key, type)["value"]?.string
            } else if let word = Self.word(in: text, at: column) {
                markdown = describeValue(word, field: entry.key)
            }
        } else if let word = Self.word(in: text, at: column) {
            if word.hasPrefix("@") {
                markdown = describePerson(String(word.dropFirst()))
            } else if word.hasPrefix("#") {
                let id = String(word.dropFirst())
                markdown = plan.opportunities.first { $0.id?.value == id }.map { describe($0, config: config) }
            } else if let opportunity = plan.opportunities.first(where: { $0.location.line == line }) {
                markdown = config.opportunityStage(word).map { describeOpportunityStage($0) } ?? describe(opportunity, config: config)
            } else if config.people[word] != nil {
                markdown = describePerson(word)
            }
        }
        guard let markdown else { return .null }
        return ["contents": ["kind": "markdown", "value": .string(markdown)]]
    }

    /// The word at a 1-based code-point column: up to spaces, `|` and `,` either side, without
    /// YAML list brackets.
    static func word(in line: Substring, at column: Int) -> String? {
        let scalars = Array(line.unicodeScalars)
        let index = column - 1
        let stops: Set<Unicode.Scalar> = [" ", "\t", "|", ",", "[", "]", "\"", "'"]
        guard scalars.indices.contains(index), !stops.contains(scalars[index]) else { return nil }
        var start = index, end = index
        while start > 0, !stops.contains(scalars[start - 1]) { start -= 1 }
        while end + 1 < scalars.count, !stops.contains(scalars[end + 1]) { end += 1 }
        var word = String(String.UnicodeScalarView(scalars[start...end]))
        if word.hasSuffix(":") { word.removeLast() }
        return word.isEmpty ? nil : word
    }

    private func describeValue(_ word: String, field: String) -> String? {
        let config = self.config
        switch config.schema.fields.first(where: { $0.key == field })?.type {
        case .lifecycleStage?:
            guard let index = config.lifecycleIndex(word) else { return nil }
            let label = LifecycleLabel.text(config.lifecycle[index].label, in: language)
            return say("lifecycle stage **\(label)** (`\(word)`, \(index + 1) of \(config.lifecycle.count))",
                       "生命周期阶段 **\(label)**（`\(word)`，第 \(index + 1) 个，共 \(config.lifecycle.count) 个）")
        case .person?, .personList?:
            return describePerson(word)
        case .identifier?, .identifierList?:
            let kind: PlanKind? = field == "industry" ? .industry : field == "segments" ? .segment : nil
            guard let kind, let group = workspaceOnDisk()?.plan(kind, id: word) else { return nil }
            let name = group.header.name?.value ?? word
            var text = say("\(kind.rawValue) plan **\(name)** (`\(group.path)`)",
                           "\(kind == .industry ? "行业" : "细分市场")计划 **\(name)**（`\(group.path)`）")
            if let targets = group.header.targets {
                if let revenue = targets.revenue.flatMap({ config.convert($0.value) }) {
                    text += say("\n\nrevenue target \(Format.amount(revenue)) \(config.currency)",
                                "\n\n收入目标 \(Format.amount(revenue)) \(config.currency)")
                }
                if let accounts = targets.accounts?.value { text += say("\n\ntarget accounts: \(accounts)", "\n\n目标客户数：\(accounts)") }
            }
            return text
        default:
            return nil
        }
    }

    private func describePerson(_ id: String) -> String? {
        guard let name = config.people[id] else { return nil }
        let plans = workspaceOnDisk()?.plans ?? []
        let manages = plans.filter { $0.header.manager?.value == id || $0.header.owner?.value == id }.count
        let teams = plans.filter { $0.header.team.contains { $0.value == id } }.count
        return say("**\(name)** (`\(id)`, acctplan.yml)\n\nowns \(manages) plan\(manages == 1 ? "" : "s"), on the team of \(teams)",
                   "**\(name)**（`\(id)`，acctplan.yml）\n\n负责 \(manages) 个计划，在 \(teams) 个计划的团队中")
    }

    private func describeOpportunityStage(_ stage: OpportunityStage) -> String {
        say("opportunity stage `\(stage.id)`: default probability \(stage.probability.plainString)%" + (stage.closed ? ", closed" : ""),
            "商机阶段 `\(stage.id)`：默认概率 \(stage.probability.plainString)%" + (stage.closed ? "，已关闭" : ""))
    }

    private func describe(_ opportunity: Opportunity, config: WorkspaceConfig) -> String {
        let name = opportunity.id?.value ?? "?"
        guard let amount = opportunity.convertedAmount(config) else {
            return say("**\(name)**: amount not in \(config.currency)", "**\(name)**：没有以 \(config.currency) 计的金额")
        }
        if opportunity.isClosed(config) {
            return say("**\(name)**: \(Format.amount(amount)) \(config.currency), closed", "**\(name)**：\(Format.amount(amount)) \(config.currency)，已关闭")
        }
        let probability = opportunity.effectiveProbability(config).map { "\($0.plainString)%" } ?? "?"
        let weighted = opportunity.weightedAmount(config).map(Format.amount) ?? "?"
        let defaulted = opportunity.probability == nil
        return say("**\(name)**: \(Format.amount(amount)) × \(probability)\(defaulted ? " (stage default)" : "") = \(weighted) \(config.currency) weighted",
                   "**\(name)**：\(Format.amount(amount)) × \(probability)\(defaulted ? "（阶段默认值）" : "") = 加权金额 \(weighted) \(config.currency)")
    }
}
