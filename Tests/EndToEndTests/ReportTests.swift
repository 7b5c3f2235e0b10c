import Foundation
import Testing

/// `acctplan report`: the real binary on the template workspace with a dated history
/// (`RollupRepo`), on hostile plans, and on output folders it must refuse.
struct ReportEndToEndTests {
    /// Every file of a report folder, relative path → text.
    static func files(_ folder: URL) -> [String: String] {
        var result: [String: String] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return result }
        while let relative = enumerator.nextObject() as? String {
            let url = folder.appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            result[relative] = (try? String(contentsOf: url, encoding: .utf8)) ?? "<unreadable>"
        }
        return result
    }

    static let templatePages = ["accounts/harbour-city-land.html", "accounts/new-co.html", "accounts/northwest-wind.html",
                                "accounts/shanghai-tobacco.html", "accounts/sunrise-properties.html",
                                "accounts/zhejiang-tobacco.html", "definitions.html", "follow-ups.html", "index.html", "industries/energy.html",
                                "industries/real-estate.html", "industries/tobacco.html", "segments/installed-base-high-end.html",
                                "segments/new-logo-growth.html", "style.css", "views/closing-this-quarter.html",
                                "views/overdue-by-owner.html", "whitespace/industry-energy.html",
                                "whitespace/industry-real-estate.html", "whitespace/industry-tobacco.html",
                                "whitespace/segment-installed-base-high-end.html", "whitespace/segment-new-logo-growth.html"]

    /// The trend point of `date` as the chart's tooltip says it: "1/2/3" for dep/ind/int.
    static func trendPoint(_ index: String, _ date: String) -> String? {
        guard let start = index.range(of: "<title>\(date) (") else { return nil }
        let title = index[start.upperBound...].prefix { $0 != "<" }
        let counts = ["Departmental applications", "Industry-solution deepening", "Application integration"].map { label in
            title.range(of: "\(label) ").map { String(title[$0.upperBound...].prefix { $0.isNumber }) } ?? "?"
        }
        return counts.joined(separator: "/")
    }

    /// The report reads plans without the front matter's standard entries (the header holds
    /// them); an account's custom fields are still on its page, once each.
    @Test func customFieldsAreOnTheAccountPage() throws {
        let text = RollupRepo.newCo.replacingOccurrences(of: "stage: departmental\n", with: "stage: departmental\ncrm_id: SF-0042\n")
        #expect(text != RollupRepo.newCo)
        let page = try #require(try Self.reportWithNewCo(text)["accounts/new-co.html"])
        #expect(page.contains("<span class=\"key\">crm_id</span><span>SF-0042</span>"), "\(page)")
        #expect(page.components(separatedBy: "<span class=\"key\">crm_id</span>").count == 2)
        #expect(!page.contains("<span class=\"key\">stage</span>"), "standard keys are shown under their labels only")
    }

    /// The pages load nothing from the network: an image in a plan's prose from elsewhere is a
    /// link, not an `<img>` a browser fetches (a newcomer trial's local server saw the request);
    /// a relative image and an inline `data:` one stay images.
    @Test func aRemoteImageInProseIsALinkNeverFetched() throws {
        let text = RollupRepo.newCo + "\n## Notes\n\n![logo](http://127.0.0.1:8765/pixel.png) ![](//cdn.example/x.png) "
            + "![chart](https://x.example/a.png \"t\") ![local](images/a.png) [![in link](http://a.example/10.png)](http://b.example/)\n"
        let report = try Self.reportWithNewCo(text)
        let page = try #require(report["accounts/new-co.html"])
        #expect(page.contains("<a href=\"http://127.0.0.1:8765/pixel.png\">logo</a>"), "\(page)")
        #expect(page.contains("<a href=\"//cdn.example/x.png\">//cdn.example/x.png</a>"))
        #expect(page.contains("<a href=\"https://x.example/a.png\">chart</a>"))
        #expect(page.contains("<img src=\"images/a.png\" alt=\"local\" />"))
        // Inside a link, the image's text alone: a link in a link would nest.
        #expect(page.contains("<a href=\"http://b.example/\">in link</a>"), "\(page)")
        for page in report.values {
            #expect(page.range(of: "<img src=\"(https?:)?//", options: .regularExpression) == nil)
        }
    }

    /// The report's files of the template repository with `accounts/new-co.md` written as `text`.
    static func reportWithNewCo(_ text: String) throws -> [String: String] {
        let repo = try RollupRepo()
        defer { repo.remove() }
        try GitFixture.write(text, to: "accounts/new-co.md", in: repo.ws)
        let output = repo.sandbox.temp.path("report")
        let result = try repo.acctplan(["report", "--output", output.path, "--as-of", Fixture.asOf])
        #expect(result.status == 0, "\(result)")
        return files(output)
    }

    @Test func templateWithHistoryAndSince() throws {
        let repo = try RollupRepo()
        defer { repo.remove() }
        let output = repo.sandbox.temp.path("report")
        let result = try repo.acctplan(["report", "--output", output.path, "--since", "2026-06-30", "--as-of", Fixture.asOf])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.isEmpty, "\(result)")
        #expect(result.stdout.contains("for 6 accounts; open "), "\(result)")
        let files = Self.files(output)
        #expect(files.keys.sorted() == [".acctplan-report", ".acctplan-report-keys"] + Self.templatePages, "\(files.keys.sorted())")
        let index = try #require(files["index.html"])
        // Quarter ends from --since to the as-of date, each from the last commit on or before it
        // (c2 for June 30th: c3 is a July 1st commit in its own zone), then the reported counts.
        #expect(Self.trendPoint(index, "2026-06-30") == "1/2/3", "\(index)")
        #expect(Self.trendPoint(index, "2026-09-30") == "2/0/4")
        #expect(Self.trendPoint(index, "2026-11-29") == "2/0/4")
        #expect(Self.trendPoint(index, "2026-03-31") == nil, "the trend starts at --since")
        // Moves since c2: Huaxia removed, Northwest and Sunrise up to integration, New Co new.
        #expect(index.contains("<h2>Lifecycle moves since 2026-06-30 (4)</h2>"))
        #expect(index.contains("<span class=\"up\">↑2</span> <span class=\"down\">↓0</span></div><div class=\"detail\">1 new · 1 removed"))
        #expect(index.contains("href=\"accounts/new-co.html\""))
        #expect(index.contains("working tree"))
        // Every account page is linked from its industry's page.
        let tobacco = try #require(files["industries/tobacco.html"])
        for id in ["shanghai-tobacco", "zhejiang-tobacco", "new-co"] { #expect(tobacco.contains("href=\"../accounts/\(id).html\"")) }
        let shanghai = try #require(files["accounts/shanghai-tobacco.html"])
        #expect(shanghai.contains("Shanghai Tobacco Group") && shanghai.contains("href=\"../industries/tobacco.html\""))
        // Weighted amount of opp-consolidation: CNY 2.4M at 80 % = 1,920,000.
        #expect(shanghai.contains("<td class=\"num\">1,920,000</td>"))
        // The Chinese plan renders as written.
        #expect(files["accounts/zhejiang-tobacco.html"]?.contains("浙江烟草工业集团") == true)
        #expect(files["accounts/zhejiang-tobacco.html"]?.contains("<html lang=\"zh-CN\">") == true, "written in Chinese")
        #expect(shanghai.contains("<html lang=\"en\">"))
        #expect(shanghai.contains("<section class=\"prose\"><h2>Post-go-live service</h2><p>A named service team"), "\(shanghai)")
        // A whitespace page per industry and segment, linked from the index and the group's page:
        // Shanghai Tobacco runs Group Consolidation (epm, implementing) and Zhejiang Tobacco lost its
        // logistics deal; HR cloud is whitespace at both (docs/whitespace.md works the template out).
        #expect(index.contains("<h2>Whitespace</h2>") && index.contains("href=\"whitespace/industry-tobacco.html\""))
        #expect(tobacco.contains("href=\"../whitespace/industry-tobacco.html\""))
        let whitespace = try #require(files["whitespace/industry-tobacco.html"])
        #expect(whitespace.contains("<h1>Whitespace map: Tobacco</h1>"))
        #expect(whitespace.contains("<th title=\"epm\">Performance management</th>"))
        #expect(whitespace.contains("<td class=\"ws ws-installed\" title=\"accounts/east/shanghai-tobacco.md:46 Group Consolidation "
            + "(implementing)\naccounts/east/shanghai-tobacco.md:53 opp-consolidation (negotiate)\">installed</td>"), "\(whitespace)")
        #expect(whitespace.contains("<td class=\"ws ws-lost\" title=\"accounts/east/zhejiang-tobacco.md:"))
        // Zhejiang Tobacco's row: finance, supply-chain installed; logistics lost; hr whitespace; industry installed; epm
        // pipeline; data and tax whitespace.
        let zhejiang = try #require(whitespace.components(separatedBy: "<tr>").first { $0.contains("浙江烟草工业集团") })
        let states = zhejiang.components(separatedBy: "class=\"ws ws-").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(states == ["installed", "installed", "lost", "none", "installed", "pipeline", "none", "none"], "\(zhejiang)")
        #expect(try repo.sandbox.status(repo.ws).isEmpty, "the report leaves the workspace untouched")
    }

    @Test func wholeHistoryAndRevisions() throws {
        let repo = try RollupRepo()
        defer { repo.remove() }
        let output = repo.sandbox.temp.path("report")
        let result = try repo.acctplan(["report", "-o", output.path, "--as-of", Fixture.asOf])
        #expect(result.status == 0, "\(result)")
        var index = try #require(Self.files(output)["index.html"])
        // Without --since the trend starts at the first commit (2026-01-15).
        #expect(Self.trendPoint(index, "2026-03-31") == "1/3/2", "\(index)")
        #expect(Self.trendPoint(index, "2026-06-30") == "1/2/3")
        #expect(!index.contains("Lifecycle moves"))

        // --rev HEAD~1 (c3): Huaxia Power is still there; the same folder is overwritten and the
        // page of an account that is gone is deleted on the next run. A page of the user's own
        // among the report's is left alone (it was deleted, a newcomer trial found).
        try Data("<p>mine</p>".utf8).write(to: output.appendingPathComponent("accounts/my-notes.html"))
        let previous = try repo.acctplan(["report", "-o", output.path, "--rev", "HEAD~1", "--as-of", Fixture.asOf])
        #expect(previous.status == 0, "\(previous)")
        var files = Self.files(output)
        index = try #require(files["index.html"])
        #expect(index.contains("commit \(try #require(repo.commits["c3"]).prefix(7)) (HEAD~1)"))
        #expect(index.contains("7 accounts in 3 industries"))
        #expect(files["accounts/huaxia-power.html"] != nil)
        #expect(files["accounts/my-notes.html"] == "<p>mine</p>", "the user's page is kept")
        let again = try repo.acctplan(["report", "-o", output.path, "--as-of", Fixture.asOf])
        #expect(again.status == 0, "\(again)")
        files = Self.files(output)
        #expect(files["accounts/huaxia-power.html"] == nil, "pages of an earlier report that were not written again are deleted")
        #expect(files.keys.sorted() == ([".acctplan-report", ".acctplan-report-keys", "accounts/my-notes.html"] + Self.templatePages).sorted())

        // A folder from before the marker listed its pages: a page is the report's when it says
        // acctplan wrote it.
        try Data("This folder holds a report written by `acctplan report`.\n".utf8)
            .write(to: output.appendingPathComponent(".acctplan-report"))
        let generated = try #require(files["accounts/shanghai-tobacco.html"])
        try Data(generated.utf8).write(to: output.appendingPathComponent("accounts/removed-account.html"))
        let upgraded = try repo.acctplan(["report", "-o", output.path, "--as-of", Fixture.asOf])
        #expect(upgraded.status == 0, "\(upgraded)")
        files = Self.files(output)
        #expect(files["accounts/removed-account.html"] == nil && files["accounts/my-notes.html"] == "<p>mine</p>")
        #expect(files[".acctplan-report"]?.contains("\npages:\naccounts/") == true)

        let unknown = try repo.acctplan(["report", "-o", output.path, "--rev", "no-such-branch"])
        #expect(unknown.status == 2 && unknown.stderr.contains("unknown revision 'no-such-branch'"), "\(unknown)")
    }

    @Test func refusesAFolderThatIsNoReport() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let ws = try Fixture.workspace(["accounts/acme.md": Fixture.account()], in: temp, under: "ws")
        try temp.write(["keep/notes.txt": "mine"])
        let refused = try CLI.output(["report", "--output", "../keep"], in: ws)
        #expect(refused.status == 2, "\(refused)")
        #expect(refused.stderr.contains("'../keep' is not empty and holds no acctplan report (no .acctplan-report file)"), "\(refused)")
        #expect(refused.stderr.contains("give a new or empty folder"), "a hint: \(refused)")
        #expect(temp.allFiles().filter { $0.hasPrefix("keep") } == ["keep", "keep/notes.txt"], "nothing was written")

        let file = try CLI.output(["report", "--output", "acctplan.yml"], in: ws)
        #expect(file.status == 2 && file.stderr.contains("is a file, not a folder"), "\(file)")

        // An empty folder is fine; without git there is no trend, and the page says why.
        try FileManager.default.createDirectory(at: temp.path("empty"), withIntermediateDirectories: true)
        let written = try CLI.output(["report", "--output", "../empty", "--as-of", Fixture.asOf], in: ws)
        #expect(written.status == 0, "\(written)")
        let index = try #require(Self.files(temp.path("empty"))["index.html"])
        #expect(index.contains("not in a git repository, so there is no history"))
        let since = try CLI.output(["report", "--output", "../empty", "--since", "2026-01-01"], in: ws)
        #expect(since.status == 2 && since.stderr.contains("not in a git repository"), "\(since)")
    }

    @Test func hostilePlanTextIsEscapedAndBrokenPlansStillRender() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let hostile = "<script>alert(1)</script>\"onmouseover=alert(2)"
        let evil = """
            ---
            name: "\(hostile.replacingOccurrences(of: "\"", with: "\\\""))"
            industry: tobacco
            segments: ["<img src=x onerror=alert(3)>"]
            stage: departmental
            manager: li-you
            reviewed: 2020-01-01
            abu: "'><svg onload=alert(4)>"
            ---
            # \(hostile)

            ## Opportunities

            | ID | Name | Stage | Amount | Close |
            | --- | --- | --- | --- | --- |
            | opp-x | \(hostile) | qualify | 100 | 2020-01-01 |

            ## Actions

            - [ ] 2020-01-01 @li-you \(hostile)

            ## Moments of truth

            - 2020-01-01 \(hostile)

            ## \(hostile)

            ## Risks

            Budget **freeze** until March.
            <script>alert(5)</script>
            [a link](javascript:alert(6)) and <img src=x onerror=alert(7)>

            """
        let ws = try Fixture.workspace(["accounts/evil.md": evil, "accounts/broken.md": "no front matter\n",
                                        "accounts/bad-stage.md": Fixture.misspeltStage], in: temp, under: "ws")
        let result = try CLI.output(["report", "--output", "../out", "--as-of", Fixture.asOf], in: ws)
        #expect(result.status == 0, "lint errors do not stop the report: \(result)")
        let files = Self.files(temp.path("out"))
        #expect(files["accounts/evil.html"] != nil && files["accounts/bad-stage.html"] != nil)
        for (path, text) in files {
            for raw in ["<script", "\"onmouseover", "<img", "<svg onload", "'><", "javascript:"] {
                #expect(!text.contains(raw), "\(path) contains the raw \(raw)")
            }
        }
        let page = try #require(files["accounts/evil.html"])
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;onmouseover=alert(2)"))
        // A free-prose section is shown, rendered as GitHub renders it, with raw HTML left out.
        #expect(page.contains("<section class=\"prose\"><h2>Risks</h2><p>Budget <strong>freeze</strong> until March."), "\(page)")
        let index = try #require(files["index.html"])
        #expect(index.contains("1 plan file could not be read at all"), "\(index)")
        #expect(index.contains("<code>accounts/broken.md</code>"))
        #expect(files["accounts/bad-stage.html"]?.contains("unknown lifecycle stage") == true)
    }

    /// A shallow clone (CI's default checkout) lacks the history: the report is still written,
    /// with a note instead of the trend and a hint on how to fetch the history.
    @Test func shallowCloneWritesTheReportWithoutTrend() throws {
        let repo = try RollupRepo()
        defer { repo.remove() }
        let clone = repo.sandbox.temp.path("clone")
        try repo.sandbox.gitOK(["clone", "-q", "--depth", "1", "file://" + repo.ws.path, clone.path], in: repo.sandbox.temp.url)
        let output = repo.sandbox.temp.path("report")
        let result = try repo.sandbox.acctplan(["report", "-o", output.path, "--as-of", Fixture.asOf], in: clone)
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains("warning: no stage trend") && result.stderr.contains("fetch-depth: 0"), "\(result)")
        let index = try #require(Self.files(output)["index.html"])
        #expect(index.contains("No stage trend: acctplan cannot read the history of this shallow clone"))
        #expect(!index.contains("trend-chart"))
        let since = try repo.sandbox.acctplan(["report", "-o", output.path, "--since", "2026-06-30"], in: clone)
        #expect(since.status == 2 && since.stderr.contains("git fetch --unshallow"), "\(since)")
        // Every other command that reads history says so too (they printed libgit2's "object
        // not found", or "'HEAD~1' is neither a revision nor a path": a newcomer trial).
        for arguments in [["log"], ["score", "--since", "2026-06-30", "--as-of", Fixture.asOf], ["score", "--since", "2026-06-30", "--trend", "monthly", "--as-of", Fixture.asOf]] {
            let read = try repo.sandbox.acctplan(arguments, in: clone)
            #expect(read.status == 2 && read.stderr.contains("cannot read the history of this shallow clone")
                        && read.stderr.contains("git fetch --unshallow"), "\(arguments): \(read)")
        }
        let older = try repo.sandbox.acctplan(["diff", "HEAD~1"], in: clone)
        #expect(older.status == 2 && older.stderr.contains("this is a shallow clone") && older.stderr.contains("git fetch --unshallow"),
                "\(older)")
    }
}
