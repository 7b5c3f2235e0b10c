import Foundation
import PlanEngine
import PlanLocalization
import PlanModel

/// The static HTML dashboard of `acctplan report`: `index.html` (totals, a card per industry and
/// segment, the stage trend, pipeline by close quarter, stale plans and overdue actions), a page
/// per industry and segment, a whitespace page per industry and segment, a page per account, a
/// page per saved view, `follow-ups.html` and `style.css`. Pure: the
/// numbers come from `Rollup` (and its history), each page is a function of this value, and
/// every piece of plan text is escaped. No script, no external resource: it works offline.
public struct HTMLReport: Sendable {
    /// One output file: its path relative to the report folder and how to render it.
    public struct Page: Sendable {
        public var path: String
        public var render: @Sendable () -> String
        /// A fingerprint of everything the page is made from, for pages that are costly to
        /// render and change seldom (the account pages): when it equals the one recorded for the
        /// page the earlier report wrote, and that file is untouched, the page is not made again.
        /// nil: always rendered. Asked again after the page is rendered: nil then (the page
        /// turned out not to be what the key says) means it is not recorded.
        public var key: (@Sendable () -> String?)?

        public init(path: String, key: (@Sendable () -> String?)? = nil, render: @escaping @Sendable () -> String) {
            self.path = path
            self.key = key
            self.render = render
        }
    }

    public let workspace: Workspace
    public let rollup: Rollup
    public let history: RollupReporter.History?
    /// Why there is no trend chart (no repository, no period end yet), shown in its place.
    public let historyNote: String?
    /// Lint's diagnostics of the same workspace.
    public let diagnostics: [Diagnostic]
    /// Where the plans were read from, for the page header: "working tree", "commit 1a2b3c4".
    public let sourceLabel: String
    /// A plan's free-prose sections as safe HTML (rendered by the caller, which has the plan's
    /// text and the Markdown renderer); asked when the account's page is rendered.
    public let proseSections: @Sendable (Plan) -> [ProseSection]
    /// The saved views of `acctplan.yml` and their answers, a page each.
    public let views: [ViewResult]
    /// The language of the page's labels, headings and legends (docs/language.md); set by the
    /// caller after `init`. Values (names, ids, amounts, dates) are as written.
    public var language: UILanguage = .en
    /// The digest of acctplan.yml as read (``Workspace/configDigest``), for the account pages'
    /// keys with each plan's ``Plan/sourceDigest``; without both a page has no key and is always
    /// rendered.
    public var configDigest: String?
    /// Which build of acctplan writes the pages (its version, and the executable's size and time
    /// stamp): every build's pages are its own, since the version alone stays the same between
    /// builds that render differently.
    public var builder = ToolInfo.version
    /// Whether a plan's page, once rendered, turned out to mix two versions of its file (saved
    /// between the parse and the reading of its prose): such a page gets no key.
    public var isMixed: @Sendable (Plan) -> Bool = { _ in false }

    /// A free-prose section: its heading (plain text) and its body, already safe HTML.
    public struct ProseSection: Sendable {
        public var heading: String
        public var html: String

        public init(heading: String, html: String) {
            self.heading = heading
            self.html = html
        }
    }

    /// The accounts the rollup counts, sorted by id.
    let accounts: [Plan]
    /// Account id → its index in `accounts`.
    let accountIndex: [String: Int]
    let stageLabels: [String: String]
    let stalePlans: [Rollup.StalePlan]
    let overdueActions: [Rollup.OverdueAction]
    let closeQuarters: [Rollup.QuarterPipeline]
    let diagnosticsByPath: [String: [Diagnostic]]
    /// "industry/tobacco" → the rollup group.
    let groupsByKey: [Rollup.GroupKey: Rollup.Group]
    /// "industry/tobacco" → its plan.
    let groupPlans: [Rollup.GroupKey: Plan]
    /// Every account × every offering, for the whitespace pages.
    let whitespace: Whitespace

    public init(workspace: Workspace, rollup: Rollup, history: RollupReporter.History? = nil, historyNote: String? = nil,
                diagnostics: [Diagnostic] = [], sourceLabel: String = "working tree",
                proseSections: @escaping @Sendable (Plan) -> [ProseSection] = { _ in [] }, views: [ViewResult] = []) {
        self.proseSections = proseSections
        self.views = views
        self.workspace = workspace
        self.rollup = rollup
        self.history = history
        self.historyNote = historyNote
        self.diagnostics = diagnostics
        self.sourceLabel = sourceLabel
        let counted = Rollup.countedAccounts(workspace)
        accounts = counted.sorted { $0.id < $1.id }
        accountIndex = Dictionary(accounts.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        stageLabels = Dictionary(workspace.config.lifecycle.map { ($0.id, $0.label) }, uniquingKeysWith: { first, _ in first })
        stalePlans = Rollup.stalePlans(counted, asOf: rollup.asOf, config: workspace.config)
        overdueActions = Rollup.overdueActions(counted, asOf: rollup.asOf)
        closeQuarters = Rollup.pipelineByCloseQuarter(counted, config: workspace.config)
        diagnosticsByPath = Dictionary(grouping: diagnostics, by: \.path)
        groupsByKey = Dictionary(rollup.groups.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        var plans: [Rollup.GroupKey: Plan] = [:]
        for plan in workspace.plans where plan.isReadable && (plan.kind == .industry || plan.kind == .segment) {
            let key = Rollup.GroupKey(plan.kind == .industry ? .industry : .segment, plan.id)
            if plans[key] == nil { plans[key] = plan }
        }
        groupPlans = plans
        whitespace = Whitespace.compute(workspace)
        // Both are the counted accounts sorted by id: the whitespace pages use `accountIndex` for the map's rows.
        assert(whitespace.accounts.map(\.id) == accounts.map(\.id))
    }

    /// Every file of the report: the stylesheet, the dashboard, the follow-up lists, one page per
    /// group and one per account. Render them in any order, on any thread.
    public func pages() -> [Page] {
        // Every page's closure holds the report through one shared reference and the page's own
        // index or group: a copy of this struct (and of a plan) in each of 10,000 closures cost
        // ~12 MB at the report's peak.
        let shared = Shared(self)
        var pages: [Page] = [
            Page(path: "style.css") { HTMLStyle.stylesheet },
            Page(path: "index.html") { shared.report.dashboardPage() },
            Page(path: "follow-ups.html") { shared.report.followUpsPage() },
            Page(path: "definitions.html") { shared.report.definitionsPage() },
        ]
        for group in rollup.groups where group.dimension == .industry || group.dimension == .segment {
            pages.append(Page(path: Self.groupPath(group.dimension, group.id)) { shared.report.groupPage(group) })
        }
        for group in whitespaceGroups {
            pages.append(Page(path: Self.whitespacePath(group.dimension, group.id)) { shared.report.whitespacePage(group) })
        }
        for index in accounts.indices {
            pages.append(Page(path: Self.accountPath(accounts[index].id), key: { shared.accountPageKey(index) }) {
                shared.report.accountPage(shared.report.accounts[index])
            })
        }
        for view in views {
            pages.append(Page(path: Self.viewPath(view.name)) { shared.report.viewPage(view) })
        }
        return pages
    }

    /// The report behind one reference, for the pages' closures.
    private final class Shared: Sendable {
        let report: HTMLReport
        /// What every account page is made from besides its own plan (``accountPageInputs``).
        let common: ContentDigest
        init(_ report: HTMLReport) {
            self.report = report
            common = report.accountPageInputs()
        }

        /// The account page's key: the common inputs, the plan's bytes and its lint findings.
        func accountPageKey(_ index: Int) -> String? {
            let plan = report.accounts[index]
            guard report.configDigest != nil, let bytes = plan.sourceDigest, !report.isMixed(plan) else { return nil }
            var digest = common
            digest.add(plan.path)
            digest.add(bytes)
            for diagnostic in report.diagnosticsByPath[plan.path] ?? [] {
                digest.add("\(diagnostic.line):\(diagnostic.column) \(diagnostic.severity) \(diagnostic.rule.description) \(diagnostic.message)")
            }
            return digest.hex
        }
    }

    /// Bumped whenever an account page comes to depend on something ``accountPageInputs`` and
    /// ``Shared/accountPageKey(_:)`` do not add (so that pages kept from an earlier report are
    /// made again).
    static let accountPageInputsVersion = 1

    /// Everything an account page is made from besides its plan's own file and lint findings:
    /// the build of acctplan (`builder`), the page's language, the as-of date, the source's label, the currency,
    /// acctplan.yml (people, stages, exchange rates, the score's profile, the schema) and the
    /// names of the groups it links to. An account page reads nothing of another plan but these.
    func accountPageInputs() -> ContentDigest {
        var digest = ContentDigest()
        digest.add(Self.accountPageInputsVersion)
        digest.add(builder)
        digest.add(language.rawValue)
        digest.add(rollup.asOf.description)
        digest.add(sourceLabel)
        digest.add(rollup.currency)
        digest.add(configDigest ?? "")
        for group in rollup.groups.sorted(by: { ($0.dimension.rawValue, $0.id) < ($1.dimension.rawValue, $1.id) }) {
            digest.add("\(group.dimension.rawValue)/\(group.id)=\(group.name ?? "")")
        }
        return digest
    }

    // MARK: Paths

    /// `industries/ID.html` or `segments/ID.html` (ids without id syntax get a hashed name).
    public static func groupPath(_ dimension: Rollup.Dimension, _ id: String) -> String {
        "\(dimension == .industry ? "industries" : "segments")/\(HTML.fileName(for: id)).html"
    }

    /// `accounts/ID.html`.
    public static func accountPath(_ id: String) -> String { "accounts/\(HTML.fileName(for: id)).html" }

    // MARK: Pieces every page uses

    /// A whole page. `depth` is 0 for pages at the top of the report, 1 for pages in a folder.
    /// `lang` is the language of most of the page's text: the UI is English; an account page
    /// whose plan is written in Chinese is `zh-CN` (see ``language(of:)``).
    func document(title: String, depth: Int, crumbs: [String] = [], lang: String = "en", body: String) -> String {
        let up = String(repeating: "../", count: depth)
        let lang = language == .zhCN ? "zh-CN" : lang
        var header = "<header class=\"top\"><a class=\"brand\" href=\"\(up)index.html\">\(t("Key-account dashboard", "大客户仪表板"))</a>"
        if !crumbs.isEmpty { header += "<span class=\"crumbs\">› " + crumbs.joined(separator: " › ") + "</span>" }
        header += "<span class=\"source\">" + t("as of \(rollup.asOf) · \(HTML.escape(sourceLabel)) · amounts in ",
                                                "截至 \(rollup.asOf) · \(HTML.escape(shownSource)) · 金额单位：")
            + "\(HTML.escape(rollup.currency))</span></header>"
        return """
            <!DOCTYPE html>
            <html lang="\(lang)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="light dark">
            <meta name="generator" content="acctplan \(HTML.escape(ToolInfo.version))">
            <title>\(HTML.escape(title))</title>
            <link rel="icon" href="data:,">
            <link rel="stylesheet" href="\(up)style.css">
            </head>
            <body>
            \(header)
            <main>
            \(body)
            </main>
            <footer>\(footer(up))</footer>
            </body>
            </html>

            """
    }

    /// An amount in the workspace currency, "CNY 1,250,000.5" ("—" for none).
    func money(_ value: Decimal?) -> String {
        guard let value else { return "—" }
        return HTML.escape(rollup.currency) + " " + Format.amount(value)
    }

    /// `zh-CN` when the plan is written in Chinese (its section headings or its title are), else `en`.
    func language(of plan: Plan) -> String {
        let texts = plan.sections.map(\.heading) + [plan.title ?? ""]
        return texts.contains(where: HTML.isChinese) ? "zh-CN" : "en"
    }

    /// A date that never breaks across lines (`2026-11-` / `12`).
    func date(_ value: CalendarDate) -> String { "<time class=\"date\" datetime=\"\(value)\">\(value)</time>" }

    /// A person's name from `people:` with the id as a tooltip, or the id.
    func person(_ id: String) -> String {
        guard let name = workspace.config.people[id] else { return HTML.escape(id) }
        return "<span title=\"\(HTML.escape(id))\">\(HTML.escape(name))</span>"
    }

    /// The label of a lifecycle stage (its id when it is not configured).
    func stageName(_ id: String) -> String {
        LifecycleLabel.text(stageLabels[id] ?? id, in: language)
    }

    /// `english` or `chinese`, in the page's language: both are written side by side where the
    /// page says them, so neither can be missing.
    /// The page's language's text; the other is not built (pages interpolate both).
    func t(_ english: @autoclosure () -> String, _ chinese: @autoclosure () -> String) -> String {
        language == .en ? english() : chinese()
    }

    /// ``sourceLabel`` in Chinese ("working tree" → 工作区, "git index" → git 暂存区, "commit 1a2b3c4
    /// (v1)" → 提交 1a2b3c4（v1）); for the Chinese pages only.
    var shownSource: String {
        if sourceLabel == "working tree" { return "工作区" }
        if sourceLabel == "git index" { return "git 暂存区" }
        guard sourceLabel.hasPrefix("commit ") else { return sourceLabel }
        let rest = sourceLabel.dropFirst("commit ".count)
        guard let open = rest.firstIndex(of: " "), rest[open...].hasPrefix(" ("), rest.hasSuffix(")") else { return "提交 " + rest }
        return "提交 " + rest[..<open] + "（" + rest[rest.index(open, offsetBy: 2)..<rest.index(before: rest.endIndex)] + "）"
    }

    private func footer(_ up: String) -> String {
        t("Generated by acctplan \(HTML.escape(ToolInfo.version)) from the plans of the \(HTML.escape(sourceLabel)), "
            + "judged as of \(rollup.asOf). <a href=\"\(up)definitions.html\">How every number is defined</a>.",
          "由 acctplan \(HTML.escape(ToolInfo.version)) 根据\(HTML.escape(shownSource))中的计划生成，"
            + "评估日期 \(rollup.asOf)。<a href=\"\(up)definitions.html\">各项数字的定义</a>。")
    }

    /// A stage with its colour swatch.
    func stageBadge(_ id: String?) -> String {
        guard let id else { return "—" }
        guard let index = workspace.config.lifecycleIndex(id) else {
            return HTML.escape(id) + " <span class=\"badge bad\">unknown stage</span>"
        }
        return "<span class=\"swatch \(SVGChart.stageClass(index))\"></span>\(HTML.escape(stageName(id)))"
    }

    /// The legend of the stage colours, with counts when given.
    func stageLegend(_ counts: [(stage: String, count: Int)]? = nil) -> String {
        let entries = counts ?? rollup.stages.map { ($0, -1) }
        return "<ul class=\"legend\">" + entries.enumerated().map { index, entry in
            let count = entry.count >= 0 ? " <strong>\(entry.count)</strong>" : ""
            return "<li><span class=\"swatch \(SVGChart.stageClass(index))\"></span>\(HTML.escape(stageName(entry.stage)))\(count)</li>"
        }.joined() + "</ul>"
    }

    /// A link to a group page from a page at `depth`, named by the group's name (or id).
    func groupLink(_ dimension: Rollup.Dimension, _ id: String, depth: Int) -> String {
        let name = groupsByKey[Rollup.GroupKey(dimension, id)]?.name ?? id
        return HTML.link(name, to: String(repeating: "../", count: depth) + Self.groupPath(dimension, id))
    }

    /// A link to an account page from a page at `depth`, named by the account's name (or id).
    func accountLink(_ id: String, depth: Int) -> String {
        let name = accountName(id)
        guard rollup.figures[id] != nil else { return HTML.escape(name) }
        return HTML.link(name, to: String(repeating: "../", count: depth) + Self.accountPath(id))
    }

    func accountName(_ id: String) -> String {
        guard let index = accountIndex[id] else { return id }
        return accounts[index].header.name?.value ?? id
    }
}
