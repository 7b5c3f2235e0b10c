import Foundation
import PlanEngine
import PlanModel
import PlanReports
import Testing

/// What the newcomer trial found hard to read on the dashboard: the page language, free-prose
/// sections, wrapping dates and moves, the gap's sign, and a footer that pointed outside.
struct HTMLReportReadingTests {
    typealias Fixture = RollupReporterTests

    static func pages(_ plans: [Plan], prose: @escaping @Sendable (Plan) -> [HTMLReport.ProseSection] = { _ in [] },
                      history: RollupReporter.History? = nil) -> [String: String] {
        let workspace = Fixture.workspace(plans)
        var rollup = Rollup.compute(workspace, asOf: Fixture.asOf)
        if history != nil { RollupHistory.applyMoves(to: &rollup, then: workspace, now: workspace) }
        let report = HTMLReport(workspace: workspace, rollup: rollup, history: history, proseSections: prose)
        return Dictionary(uniqueKeysWithValues: report.pages().map { ($0.path, $0.render()) })
    }

    @Test func aPlanWrittenInChineseHasAChinesePageAndChineseNamesAreMarked() throws {
        var chinese = Fixture.account("zhejiang", industry: "tobacco", stage: "integration")
        chinese.header.name = Fixture.at("浙江中烟")
        chinese.sections = [PlanSection(heading: "干系人", kind: .stakeholders, location: Fixture.here, endLine: 3)]
        let english = Fixture.account("acme", industry: "tobacco", stage: "departmental")
        let pages = Self.pages([Fixture.industry("tobacco", name: "Tobacco"), chinese, english])
        #expect(try #require(pages["accounts/zhejiang.html"]).contains("<html lang=\"zh-CN\">"))
        #expect(try #require(pages["accounts/acme.html"]).contains("<html lang=\"en\">"))
        let index = try #require(pages["index.html"])
        #expect(index.contains("<html lang=\"en\">"))
        let industry = try #require(pages["industries/tobacco.html"])
        #expect(industry.contains("<html lang=\"en\">"))
        #expect(industry.contains("lang=\"zh-CN\">浙江中烟</a>"), "the Chinese name in an English page is marked: \(industry)")
    }

    @Test func freeProseSectionsAreShownWithTheirText() throws {
        var plan = Fixture.account("acme", industry: "tobacco", stage: "departmental")
        plan.sections = [PlanSection(heading: "Risks <b>", kind: nil, location: Fixture.here, endLine: 5)]
        let pages = Self.pages([plan], prose: { plan in
            plan.sections.map { HTMLReport.ProseSection(heading: $0.heading, html: "<p>Budget <strong>freeze</strong>.</p>") }
        })
        let page = try #require(pages["accounts/acme.html"])
        #expect(page.contains("<section class=\"prose\"><h2>Risks &lt;b&gt;</h2><p>Budget <strong>freeze</strong>.</p></section>"))
        #expect(!page.contains("Other sections of the plan"))
    }

    @Test func datesAndMovesDoNotWrapAndTheGapSaysWhatItsSignMeans() throws {
        let short = Fixture.account("acme", industry: "tobacco", stage: "departmental", reviewed: "2026-11-12", target: Money(500_000))
        let tobacco = Fixture.industry("tobacco", name: "Tobacco", revenue: Money(2_000_000))
        let history = RollupReporter.History(sinceRevision: "c0ffee", sinceDate: nil, transitions: [], trend: nil)
        let pages = Self.pages([tobacco, short], history: history)
        let account = try #require(pages["accounts/acme.html"])
        #expect(account.contains("<time class=\"date\" datetime=\"2026-11-12\">2026-11-12</time>"))
        let index = try #require(pages["index.html"])
        #expect(index.contains("<dt>Gap</dt><dd><span class=\"down\">short by CNY 1,500,000</span></dd>"), "\(index)")
        #expect(!index.contains("CNY -1,500,000"))
        #expect(index.contains("<span class=\"nowrap\">+0 new</span> <span class=\"nowrap\">−0 removed</span>"))
        let style = try #require(pages["style.css"])
        #expect(style.contains(".date { font-variant-numeric: tabular-nums; font-weight: 600; white-space: nowrap; }"))

        let ahead = Fixture.industry("tobacco", name: "Tobacco", revenue: Money(100_000))
        let aheadIndex = try #require(Self.pages([ahead, short])["index.html"])
        #expect(aheadIndex.contains("ahead by CNY 400,000"), "\(aheadIndex)")
    }

    @Test func theFooterLinksADefinitionsPageInsideTheReport() throws {
        let pages = Self.pages([Fixture.account("acme", industry: "tobacco", stage: "departmental")])
        let definitions = try #require(pages["definitions.html"])
        #expect(definitions.contains("<h1>How every number is defined</h1>") && definitions.contains("Weighted pipeline"))
        #expect(try #require(pages["index.html"]).contains("<a href=\"definitions.html\">How every number is defined</a>"))
        #expect(try #require(pages["accounts/acme.html"]).contains("<a href=\"../definitions.html\">How every number is defined</a>"))
        for (path, text) in pages where path.hasSuffix(".html") { #expect(!text.contains("docs/rollups.md</footer>"), "\(path)") }
    }
}
