import Foundation
import PlanEngine
import PlanModel
import PlanReports
import Testing

/// The HTML report: every page, escaping of every piece of plan text, and the numbers of the
/// rollup on the pages. Workspaces are built in code (model values) as in RollupReporterTests.
struct HTMLReportTests {
    typealias Fixture = RollupReporterTests
    static let hostile = "<script>alert(1)</script>\"onmouseover=alert(2) x='y' & z"
    static let escaped = "&lt;script&gt;alert(1)&lt;/script&gt;&quot;onmouseover=alert(2) x=&#39;y&#39; &amp; z"

    @Test func escapeReplacesTheFiveCharacters() {
        #expect(HTML.escape("a & b < c > d \" e ' f") == "a &amp; b &lt; c &gt; d &quot; e &#39; f")
        #expect(HTML.escape("浙江烟草 – plain") == "浙江烟草 – plain")
        #expect(HTML.escape(Self.hostile) == Self.escaped)
        #expect(HTML.escape("&amp;") == "&amp;amp;", "escaping is not idempotent, and must be done once")
        #expect(HTML.escape("浙江 <烟草> & 'é'") == "浙江 &lt;烟草&gt; &amp; &#39;é&#39;")
    }

    /// `escape` works on bytes; character by character is the definition it must keep, on text
    /// that mixes the five with Chinese, accents, emoji and combining marks.
    @Test func escapeByBytesEqualsEscapeByCharacters() {
        func reference(_ text: String) -> String {
            var result = ""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "&": result += "&amp;"
                case "<": result += "&lt;"
                case ">": result += "&gt;"
                case "\"": result += "&quot;"
                case "'": result += "&#39;"
                default: result.unicodeScalars.append(scalar)
                }
            }
            return result
        }
        let pieces = ["&", "<", ">", "\"", "'", "a", " ", "浙江", "é", "e\u{301}", "👩‍💼", "–", "\u{0}", "&amp;"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(HTML.escape(text) == reference(text), "\(text.debugDescription)")
            #expect(HTML.escape(text).utf8.elementsEqual(reference(text).utf8))
        }
    }

    @Test func fileNamesAreIDsOrHashes() {
        #expect(HTML.fileName(for: "shanghai-tobacco") == "shanghai-tobacco")
        for id in ["../../etc/passwd", "Foo Bar", "a/b", ".hidden", "", String(repeating: "x", count: 65), "浙江"] {
            let name = HTML.fileName(for: id)
            #expect(name.hasPrefix("_") && name.count == 17, "\(id) → \(name)")
            #expect(name.dropFirst().allSatisfy { $0.isHexDigit }, "\(id) → \(name)")
        }
        #expect(HTML.fileName(for: "Foo Bar") != HTML.fileName(for: "Foo bar"))
        #expect(HTMLReport.accountPath("a-1") == "accounts/a-1.html")
        #expect(HTMLReport.groupPath(.segment, "high-end") == "segments/high-end.html")
    }

    /// An industry and two accounts whose every piece of text is hostile, one with a lint error.
    static func hostileReport() -> (HTMLReport, [String: String]) {
        var tobacco = Fixture.industry("tobacco", name: hostile, revenue: Money(1_000_000))
        tobacco.header.owner = Fixture.at(hostile)
        var evil = Fixture.account("evil", industry: "tobacco", stage: "departmental", reviewed: "2020-01-01", target: Money(500_000),
                                   opportunities: [Fixture.opportunity("opp-x", "negotiate", Money(1000))],
                                   actions: [Fixture.action(hostile, done: false, due: "2026-01-01")])
        evil.header.name = Fixture.at(hostile)
        evil.title = hostile
        evil.header.abu = Fixture.at(hostile)
        evil.header.segments = [Fixture.at(hostile)]
        evil.opportunities[0].name = Fixture.at(hostile)
        var person = Stakeholder(location: Fixture.here)
        person.name = Fixture.at(hostile)
        person.title = Fixture.at(hostile)
        evil.stakeholders = [person]
        var product = InstalledProduct(location: Fixture.here)
        product.product = Fixture.at(hostile)
        evil.installedBase = [product]
        var moment = Moment(location: Fixture.here, text: hostile)
        moment.person = Fixture.at(hostile)
        evil.moments = [moment]
        evil.sections = [PlanSection(heading: hostile, kind: nil, location: Fixture.here, endLine: 2)]
        evil.frontMatter = [FrontMatterEntry(key: "note", value: .scalar(hostile, quoted: true), keyLocation: Fixture.here,
                                             valueLocation: Fixture.here, itemLocations: [])]
        let good = Fixture.account("good", industry: "tobacco", stage: "integration", health: .green)
        let workspace = Fixture.workspace([tobacco, evil, good])
        let rollup = Rollup.compute(workspace, asOf: Fixture.asOf)
        let diagnostic = Diagnostic(path: "accounts/evil.md", line: 3, column: 7, severity: .error, rule: "invalid-value",
                                    message: "bad value '\(hostile)'")
        let report = HTMLReport(workspace: workspace, rollup: rollup, history: nil, historyNote: "No <history> here.",
                                diagnostics: [diagnostic], sourceLabel: hostile)
        var pages: [String: String] = [:]
        for page in report.pages() { pages[page.path] = page.render() }
        return (report, pages)
    }

    @Test func everyPieceOfPlanTextIsEscapedOnEveryPage() throws {
        let (_, pages) = Self.hostileReport()
        #expect(Set(pages.keys) == ["style.css", "index.html", "follow-ups.html", "definitions.html", "industries/tobacco.html",
                                    "segments/\(HTML.fileName(for: Self.hostile)).html", "accounts/evil.html", "accounts/good.html"])
        for (path, text) in pages {
            #expect(!text.contains("<script"), "\(path) contains a raw <script")
            #expect(!text.contains("\"onmouseover"), "\(path) contains a raw \"onmouseover")
            #expect(!text.contains("x='y'"), "\(path) contains a raw single-quoted attribute")
            #expect(!text.contains("<history>"), "\(path) contains the raw history note")
        }
        let account = try #require(pages["accounts/evil.html"])
        // Name, title, ABU, opportunity, stakeholder, product, action, moment, section, custom field, lint message.
        #expect(account.components(separatedBy: Self.escaped).count - 1 >= 11, "\(account)")
        #expect(account.contains("<title>\(Self.escaped) – account plan</title>"))
        #expect(pages["index.html"]?.contains(Self.escaped) == true)
        #expect(pages["follow-ups.html"]?.contains(Self.escaped) == true)
    }

    @Test func dashboardShowsTheRollupsNumbers() throws {
        let (report, pages) = Self.hostileReport()
        let index = try #require(pages["index.html"])
        let total = report.rollup.total
        #expect(total.accounts == 2)
        #expect(index.contains("2 accounts in 1 industry and 1 segment, as of 2026-11-29."))
        // One open negotiate opportunity of 1,000 at 75 %: open 1,000, weighted 750.
        #expect(index.contains("<div class=\"value\"><span class=\"unit\">CNY</span> 1,000</div><div class=\"detail\">weighted CNY 750</div>"),
                "\(index)")
        // Stage distribution of the total: one departmental, one integration (equal halves of 300).
        #expect(index.contains("<rect class=\"stage-0\" x=\"0\" y=\"0\" width=\"150\""))
        #expect(index.contains("<rect class=\"stage-2\" x=\"150\" y=\"0\" width=\"150\""))
        // Revenue: target 1,000,000, planned 500,000 → gap 500,000 (shown as short).
        #expect(index.contains("<dt>Revenue target</dt><dd>CNY 1,000,000</dd><dt>Planned by accounts</dt><dd>CNY 500,000</dd>"
            + "<dt>Gap</dt><dd><span class=\"down\">short by CNY 500,000</span></dd>"))
        // Stale (reviewed 2020-01-01) and overdue (due 2026-01-01) are listed and linked.
        #expect(index.contains("<h2>Stale plans (1)</h2>") && index.contains("<h2>Overdue actions (1)</h2>"))
        #expect(index.contains("href=\"accounts/evil.html\""))
        #expect(index.contains("acctplan lint: 1 error in 1 file, 0 warnings."))
        #expect(index.contains("No &lt;history&gt; here."), "the history note replaces the chart")
        #expect(!index.contains("trend-chart"))
        #expect(index.contains("<link rel=\"stylesheet\" href=\"style.css\">"))
    }

    @Test func groupAndAccountPagesLinkEachOther() throws {
        let (_, pages) = Self.hostileReport()
        let industry = try #require(pages["industries/tobacco.html"])
        #expect(industry.contains("href=\"../accounts/evil.html\"") && industry.contains("href=\"../accounts/good.html\""))
        #expect(industry.contains("<h2>Accounts (2)</h2>"))
        #expect(industry.contains("<link rel=\"stylesheet\" href=\"../style.css\">"))
        let account = try #require(pages["accounts/evil.html"])
        #expect(account.contains("href=\"../industries/tobacco.html\""))
        #expect(account.contains("href=\"../segments/\(HTML.fileName(for: Self.hostile)).html\""))
        // The opportunity: 1,000 at the negotiate default of 75 % → weighted 750.
        #expect(account.contains("<td class=\"num\">75% <span class=\"muted\">(stage)</span></td><td class=\"num\">750</td>"),
                "\(account)")
        #expect(account.contains("<span class=\"badge bad\">overdue</span>"))
        #expect(account.contains("<code>3:7</code> error: bad value"))
        #expect(account.contains("stale: 2524 days ago"))
    }

    @Test func trendFromHistoryEndsWithTheReportedCounts() throws {
        let workspace = Fixture.workspace([Fixture.account("a", industry: "tobacco", stage: "integration")])
        let rollup = Rollup.compute(workspace, asOf: Fixture.asOf)
        let history = RollupReporter.History(sinceRevision: "abcdef1234", sinceDate: CalendarDate(parsing: "2026-06-30"),
                                             transitions: [.init(account: "a", from: "departmental", to: "integration")],
                                             trend: [.init(date: CalendarDate(parsing: "2026-06-30")!, revision: "abcdef1234",
                                                           stageCounts: [("departmental", 1), ("industry-solution", 0), ("integration", 0)]),
                                                     .init(date: CalendarDate(parsing: "2026-09-30")!, revision: "abcdef1234",
                                                           stageCounts: [("departmental", 1), ("industry-solution", 0), ("integration", 0)])])
        let page = HTMLReport(workspace: workspace, rollup: rollup, history: history).pages().first { $0.path == "index.html" }
        let index = try #require(page).render()
        #expect(index.contains("class=\"chart trend-chart\""))
        #expect(index.contains("<title>2026-11-29 (as reported): Departmental applications 0, Industry-solution deepening 0, "
            + "Application integration 1</title>"))
        #expect(index.contains("<title>2026-09-30 (abcdef1): Departmental applications 1"))
        #expect(index.contains("<h2>Lifecycle moves since 2026-06-30 (1)</h2>"))
        #expect(index.contains("Moves since 2026-06-30"))
    }
}
