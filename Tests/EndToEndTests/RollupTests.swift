import Foundation
import Testing

/// A workspace made by `acctplan init` (the bundled template) and a history committed by git at
/// fixed dates in the +08:00 zone, moving accounts along the lifecycle:
///
/// | account (template)  | c0 init 01-15 | c1 03-10 | c2 05-20 | c3 07-01 07:30 | c4 08-05 |
/// | ---                 | ---  | ---  | ---  | ---  | ---  |
/// | harbour-city-land   | dep  | dep  | int  | int  | int  |
/// | huaxia-power        | int  | int  | int  | int  | –    |
/// | northwest-wind      | dep  | ind  | ind  | ind  | int  |
/// | shanghai-tobacco    | int  | int  | int  | int  | int  |
/// | sunrise-properties  | ind  | ind  | ind  | int  | int  |
/// | zhejiang-tobacco    | ind  | ind  | dep  | dep  | dep  |
/// | new-co (added)      | –    | –    | –    | dep  | dep  |
/// | counts dep/ind/int  | 2/2/2 | 1/3/2 | 1/2/3 | 2/1/4 | 2/0/4 |
///
/// c3 is committed at 2026-07-01T07:30:00+08:00, which is 2026-06-30T23:30:00Z: by the spec's
/// "committer date in the commit's own time zone" it belongs to July 1st, not June 30th.
struct RollupRepo {
    let sandbox: GitSandbox
    let ws: URL
    /// Commit label → full id.
    var commits: [String: String] = [:]

    static let dates = [
        "c0": "2026-01-15T10:00:00+08:00",
        "c1": "2026-03-10T10:00:00+08:00",
        "c2": "2026-05-20T10:00:00+08:00",
        "c3": "2026-07-01T07:30:00+08:00",
        "c4": "2026-08-05T10:00:00+08:00",
    ]

    static let paths = [
        "harbour-city-land": "accounts/harbour-city-land.md",
        "huaxia-power": "accounts/huaxia-power.md",
        "northwest-wind": "accounts/northwest-wind.md",
        "shanghai-tobacco": "accounts/east/shanghai-tobacco.md",
        "sunrise-properties": "accounts/east/sunrise-properties.md",
        "zhejiang-tobacco": "accounts/east/zhejiang-tobacco.md",
    ]

    static let newCo = """
        ---
        name: New Co
        industry: tobacco
        segments: [new-logo-growth]
        stage: departmental
        manager: li-you
        reviewed: 2026-11-01
        ---
        # New Co

        """

    static func env(_ date: String) -> [String: String] { ["GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date] }

    /// `acctplan init`, then c1…c4 with git.
    init() throws {
        sandbox = try GitSandbox()
        let created = try sandbox.acctplan(["init", "ws"], in: sandbox.temp.url, extra: Self.env(Self.dates["c0"]!))
        try #require(created.status == 0, "\(created)")
        ws = sandbox.temp.path("ws")
        commits["c0"] = try sandbox.head(ws)

        try setStage("northwest-wind", "departmental", "industry-solution")
        try commit("c1", "Northwest Wind deepens")
        try setStage("harbour-city-land", "departmental", "integration")
        try setStage("zhejiang-tobacco", "industry-solution", "departmental")
        try commit("c2", "Harbour City integrates, Zhejiang falls back")
        try setStage("sunrise-properties", "industry-solution", "integration")
        try GitFixture.write(Self.newCo, to: "accounts/new-co.md", in: ws)
        try commit("c3", "Sunrise integrates; New Co")
        try FileManager.default.removeItem(at: ws.appendingPathComponent(Self.paths["huaxia-power"]!))
        try setStage("northwest-wind", "industry-solution", "integration")
        try commit("c4", "Huaxia leaves; Northwest integrates")
    }

    func remove() { sandbox.remove() }

    func setStage(_ account: String, _ from: String, _ to: String) throws {
        let path = Self.paths[account] ?? "accounts/\(account).md"
        let text = try #require(GitFixture.read(path, in: ws))
        let old = "\nstage: \(from)\n"
        try #require(text.components(separatedBy: old).count == 2, "\(path) must say 'stage: \(from)' once")
        try GitFixture.write(text.replacingOccurrences(of: old, with: "\nstage: \(to)\n"), to: path, in: ws)
    }

    mutating func commit(_ label: String, _ message: String) throws {
        try Self.commitAll(message, on: try #require(Self.dates[label]), in: ws, sandbox: sandbox)
        commits[label] = try sandbox.head(ws)
    }

    /// `git add -A` and `git commit` in `ws`, authored and committed at `date`.
    static func commitAll(_ message: String, on date: String, in ws: URL, sandbox: GitSandbox) throws {
        for args in [["add", "-A"], ["commit", "-q", "-m", message]] {
            let result = try Launched(GitSandbox.gitExecutable, ["-C", ws.path] + args, in: sandbox.temp.url,
                                      environment: sandbox.environment(extra: env(date))).wait()
            try #require(result.status == 0, "git \(args.joined(separator: " ")): \(result)")
        }
    }

    func acctplan(_ args: [String]) throws -> CLI.Output { try sandbox.acctplan(args, in: ws) }

    /// `acctplan rollup ARGS --format json` (as of 2026-11-29 unless ARGS say otherwise), which must
    /// exit 0 with nothing on stderr, or, with `warning`, a warning that begins with it.
    func rollup(_ args: [String], warning: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws
        -> [String: Any]
    {
        var full = ["rollup"] + args + ["--format", "json"]
        if !args.contains("--as-of") { full += ["--as-of", Fixture.asOf] }
        let result = try acctplan(full)
        #expect(result.status == 0, "\(result)", sourceLocation: sourceLocation)
        if let warning {
            #expect(result.stderr.hasPrefix("acctplan: warning: \(warning)"), "\(result)", sourceLocation: sourceLocation)
        } else {
            #expect(result.stderr.isEmpty, "\(result)", sourceLocation: sourceLocation)
        }
        return try JSON.object(result.stdout)
    }

    /// The commit label of a full id (or "null"), for readable comparisons.
    func label(_ id: Any?) -> String {
        guard let id = id as? String else { return id is NSNull || id == nil ? "null" : "?\(id!)" }
        return commits.first { $0.value == id }?.key ?? "unknown \(id)"
    }
}

/// Readers for the §8 rollup object.
enum RollupJSON {
    static func groups(_ object: [String: Any]) -> [[String: Any]] { object["groups"] as? [[String: Any]] ?? [] }

    static func group(_ object: [String: Any], _ dimension: String, _ id: String) -> [String: Any]? {
        groups(object).first { $0.string("dimension") == dimension && $0.string("id") == id }
    }

    /// "dep/ind/int" of a stage_counts object.
    static func counts(_ value: Any?) -> String {
        guard let counts = value as? [String: Any] else { return "missing" }
        return ["departmental", "industry-solution", "integration"].map { counts.int($0).map(String.init) ?? "?" }
            .joined(separator: "/")
    }

    static func moved(_ group: [String: Any]?) -> String {
        guard let moved = group?["moved"] as? [String: Any] else { return "missing" }
        return ["up", "down", "new", "removed"].map { "\($0) \(moved.int($0).map(String.init) ?? "?")" }.joined(separator: ", ")
    }

    static func transitions(_ object: [String: Any]) -> [String] {
        guard let list = object["transitions"] as? [[String: Any]] else { return ["missing"] }
        return list.map { "\($0.string("account") ?? "?"): \($0.string("from") ?? "null") → \($0.string("to") ?? "null")" }
    }
}

struct RollupEndToEndTests {
    /// The trends start on January 1st, before c0 (January 15th): the moves count every account as new.
    static let beforeC0 = "--since 2026-01-01 is before the history starts on 2026-01-15: every account is counted as new"

    @Test func workingTreeAndRevisions() throws {
        let repo = try RollupRepo()
        defer { repo.remove() }
        let c4 = try #require(repo.commits["c4"]), c3 = try #require(repo.commits["c3"])

        let now = try repo.rollup([])
        #expect(now.int("version") == 1)
        #expect(now.string("as_of") == "2026-11-29")
        #expect(now.keys.contains("revision") && now["revision"] is NSNull, "working tree: revision null: \(now)")
        #expect(now.string("currency") == "CNY")
        #expect(now["stages"] as? [String] == ["departmental", "industry-solution", "integration"])
        #expect(RollupJSON.groups(now).map { "\($0.string("dimension") ?? "")/\($0.string("id") ?? "")" } == [
            "industry/energy", "industry/real-estate", "industry/tobacco",
            "segment/installed-base-high-end", "segment/new-logo-growth",
        ])
        let total = try #require(now["total"] as? [String: Any])
        #expect(total.int("accounts") == 6)
        #expect(RollupJSON.counts(total["stage_counts"]) == "2/0/4")
        // energy now holds only northwest-wind (huaxia-power left in c4); tobacco: shanghai, zhejiang, new-co.
        let energy = RollupJSON.group(now, "industry", "energy")
        #expect(energy?.int("accounts") == 1 && RollupJSON.counts(energy?["stage_counts"]) == "0/0/1", "\(String(describing: energy))")
        let tobacco = RollupJSON.group(now, "industry", "tobacco")
        #expect(tobacco?.int("accounts") == 3 && RollupJSON.counts(tobacco?["stage_counts"]) == "2/0/1")
        #expect(tobacco?["has_plan"] as? Bool == true && tobacco?.string("name") == "Tobacco")
        // The template's tobacco targets: industry-solution 2 (shanghai is beyond it), integration 1.
        let targets = tobacco?["stage_targets"] as? [String: [String: Any]]
        #expect(targets?["industry-solution"]?.int("target") == 2 && targets?["industry-solution"]?.int("actual") == 1,
                "\(String(describing: targets))")
        #expect(targets?["integration"]?.int("target") == 1 && targets?["integration"]?.int("actual") == 1)
        #expect(now["since"] == nil && now["transitions"] == nil && now["trend"] == nil)
        #expect(RollupJSON.groups(now).allSatisfy { $0["moved"] == nil }, "no moved without --since")

        let head = try repo.rollup(["--rev", "HEAD"])
        #expect(head.string("revision") == c4, "--rev HEAD reports the commit id: \(head)")
        let previous = try repo.rollup(["--rev", "HEAD~1"])
        #expect(previous.string("revision") == c3)
        let previousTotal = previous["total"] as? [String: Any]
        #expect(previousTotal?.int("accounts") == 7 && RollupJSON.counts(previousTotal?["stage_counts"]) == "2/1/4",
                "\(String(describing: previousTotal))")

        // An uncommitted edit shows in the working tree, not at HEAD.
        try repo.setStage("zhejiang-tobacco", "departmental", "integration")
        let edited = try repo.rollup([])
        #expect(edited["revision"] is NSNull)
        #expect(RollupJSON.counts((edited["total"] as? [String: Any])?["stage_counts"]) == "1/0/5")
        let committed = try repo.rollup(["--rev", "HEAD"])
        #expect(RollupJSON.counts((committed["total"] as? [String: Any])?["stage_counts"]) == "2/0/4")
    }

    /// `--since DATE`: the last commit on or before that day (in the commit's own time zone), the
    /// transitions since then and each group's moves.
    @Test func sinceADate() throws {
        let repo = try RollupRepo()
        defer { repo.remove() }

        let march = try repo.rollup(["--since", "2026-03-01"])
        let since = try #require(march["since"] as? [String: Any], "\(march)")
        #expect(repo.label(since["revision"]) == "c0", "\(since)")
        #expect(since.string("date") == "2026-03-01")
        #expect(RollupJSON.transitions(march) == [
            "harbour-city-land: departmental → integration",
            "huaxia-power: integration → null",
            "new-co: null → departmental",
            "northwest-wind: departmental → integration",
            "sunrise-properties: industry-solution → integration",
            "zhejiang-tobacco: industry-solution → departmental",
        ])
        // energy: northwest up, huaxia removed. real-estate: harbour and sunrise up. tobacco:
        // zhejiang down, new-co new (shanghai unchanged). high-end: sunrise up, zhejiang down,
        // huaxia removed. new-logo-growth: harbour and northwest up, new-co new.
        #expect(RollupJSON.moved(RollupJSON.group(march, "industry", "energy")) == "up 1, down 0, new 0, removed 1")
        #expect(RollupJSON.moved(RollupJSON.group(march, "industry", "real-estate")) == "up 2, down 0, new 0, removed 0")
        #expect(RollupJSON.moved(RollupJSON.group(march, "industry", "tobacco")) == "up 0, down 1, new 1, removed 0")
        #expect(RollupJSON.moved(RollupJSON.group(march, "segment", "installed-base-high-end")) == "up 1, down 1, new 0, removed 1")
        #expect(RollupJSON.moved(RollupJSON.group(march, "segment", "new-logo-growth")) == "up 2, down 0, new 1, removed 0")
        #expect(march["trend"] == nil)

        // c3 was made on 2026-07-01 at 07:30 +08:00 (still June 30th in UTC): on June 30th the last
        // commit is c2, on July 1st it is c3.
        let june = try repo.rollup(["--since", "2026-06-30"])
        #expect(repo.label((june["since"] as? [String: Any])?["revision"]) == "c2", "\(june)")
        #expect(RollupJSON.transitions(june) == [
            "huaxia-power: integration → null",
            "new-co: null → departmental",
            "northwest-wind: industry-solution → integration",
            "sunrise-properties: industry-solution → integration",
        ])
        let july = try repo.rollup(["--since", "2026-07-01"])
        #expect(repo.label((july["since"] as? [String: Any])?["revision"]) == "c3", "\(july)")
        #expect(RollupJSON.transitions(july) == ["huaxia-power: integration → null", "northwest-wind: industry-solution → integration"])
        #expect(RollupJSON.moved(RollupJSON.group(july, "industry", "tobacco")) == "up 0, down 0, new 0, removed 0")

        // Before the first commit there is no revision: every account is new.
        let before = try repo.rollup(["--since", "2025-12-31"], warning: "--since 2025-12-31 is before the history starts on 2026-01-15")
        let beforeSince = try #require(before["since"] as? [String: Any], "\(before)")
        #expect(beforeSince.keys.contains("revision") && beforeSince["revision"] is NSNull, "\(beforeSince)")
        #expect(beforeSince.string("date") == "2025-12-31")
        #expect(RollupJSON.transitions(before).count == 6 && RollupJSON.transitions(before).allSatisfy { $0.contains(": null → ") },
                "\(RollupJSON.transitions(before))")
        #expect(RollupJSON.moved(RollupJSON.group(before, "industry", "tobacco")) == "up 0, down 0, new 3, removed 0")

        // Now at an older revision: the history is read from there.
        let atC3 = try repo.rollup(["--rev", "HEAD~1", "--since", "2026-03-01"])
        #expect(repo.label(atC3["revision"]) == "c3")
        #expect(repo.label((atC3["since"] as? [String: Any])?["revision"]) == "c0")
        #expect(RollupJSON.transitions(atC3) == [
            "harbour-city-land: departmental → integration",
            "new-co: null → departmental",
            "northwest-wind: departmental → industry-solution",
            "sunrise-properties: industry-solution → integration",
            "zhejiang-tobacco: industry-solution → departmental",
        ])
    }

    @Test func sinceARevision() throws {
        let repo = try RollupRepo()
        defer { repo.remove() }
        let c1 = try #require(repo.commits["c1"])

        let byID = try repo.rollup(["--since", c1])
        let since = try #require(byID["since"] as? [String: Any], "\(byID)")
        #expect(since.string("revision") == c1)
        #expect(since.string("date") == "2026-03-10", "the commit's own date: \(since)")
        #expect(RollupJSON.transitions(byID) == [
            "harbour-city-land: departmental → integration",
            "huaxia-power: integration → null",
            "new-co: null → departmental",
            "northwest-wind: industry-solution → integration",
            "sunrise-properties: industry-solution → integration",
            "zhejiang-tobacco: industry-solution → departmental",
        ])
        #expect(RollupJSON.moved(RollupJSON.group(byID, "industry", "energy")) == "up 1, down 0, new 0, removed 1")

        let relative = try repo.rollup(["--since", "HEAD~2"])
        #expect(repo.label((relative["since"] as? [String: Any])?["revision"]) == "c2", "\(relative)")
        let short = try repo.rollup(["--since", String(c1.prefix(10))])
        #expect(repo.label((short["since"] as? [String: Any])?["revision"]) == "c1", "\(short)")
        // Since HEAD itself: nothing moved.
        let itself = try repo.rollup(["--since", "HEAD"])
        #expect(RollupJSON.transitions(itself) == [], "\(itself)")
        #expect(RollupJSON.groups(itself).allSatisfy { RollupJSON.moved($0) == "up 0, down 0, new 0, removed 0" })

        let unknown = try repo.acctplan(["rollup", "--since", "no-such-rev"])
        #expect(unknown.status == 2 && unknown.stderr.contains("no-such-rev") && unknown.stderr.trimmed.lines.count == 1,
                "exit 2 with one line: \(unknown)")
        #expect(unknown.stdout.isEmpty, "\(unknown)")
    }

    /// `--trend monthly|quarterly`: one point per period end, each from the last commit on or
    /// before it.
    @Test func trends() throws {
        let repo = try RollupRepo()
        defer { repo.remove() }

        func points(_ object: [String: Any]) -> [String] {
            guard let trend = object["trend"] as? [[String: Any]] else { return ["missing trend"] }
            return trend.map { "\($0.string("date") ?? "?") \(repo.label($0["revision"])) \(RollupJSON.counts($0["stage_counts"]))" }
        }

        let monthly = try repo.rollup(["--trend", "monthly", "--since", "2026-01-01", "--as-of", "2026-06-30"], warning: Self.beforeC0)
        #expect(monthly.string("as_of") == "2026-06-30")
        #expect(points(monthly) == [
            "2026-01-31 c0 2/2/2",
            "2026-02-28 c0 2/2/2",
            "2026-03-31 c1 1/3/2",
            "2026-04-30 c1 1/3/2",
            "2026-05-31 c2 1/2/3",
            "2026-06-30 c2 1/2/3", // c3 is July 1st in its own time zone
        ], "\(monthly)")
        #expect(monthly["since"] != nil && monthly["transitions"] != nil)

        // Before the first commit: revision null, all counts zero.
        let early = try repo.rollup(["--trend", "monthly", "--since", "2025-11-15", "--as-of", "2026-02-28"],
                                    warning: "--since 2025-11-15 is before the history starts")
        #expect(points(early) == [
            "2025-11-30 null 0/0/0",
            "2025-12-31 null 0/0/0",
            "2026-01-31 c0 2/2/2",
            "2026-02-28 c0 2/2/2",
        ], "\(early)")

        let quarterly = try repo.rollup(["--trend", "quarterly", "--since", "2026-01-01"], warning: Self.beforeC0)
        #expect(points(quarterly) == [
            "2026-03-31 c1 1/3/2",
            "2026-06-30 c2 1/2/3",
            "2026-09-30 c4 2/0/4",
        ], "\(quarterly)")

        // The trend starts at a --since revision's date too.
        let fromRevision = try repo.rollup(["--trend", "monthly", "--since", try #require(repo.commits["c3"]),
                                            "--as-of", "2026-08-31"])
        #expect(points(fromRevision) == ["2026-07-31 c3 2/1/4", "2026-08-31 c4 2/0/4"], "\(fromRevision)")

        // A fiscal year starting on February 1st: quarters end Jan 31, Apr 30, Jul 31, Oct 31.
        let config = try #require(GitFixture.read("acctplan.yml", in: repo.ws))
        try #require(config.contains("fiscal_year_start: \"01-01\""))
        try GitFixture.write(config.replacingOccurrences(of: "fiscal_year_start: \"01-01\"", with: "fiscal_year_start: \"02-01\""),
                             to: "acctplan.yml", in: repo.ws)
        let fiscal = try repo.rollup(["--trend", "quarterly", "--since", "2026-01-01"], warning: Self.beforeC0)
        #expect(points(fiscal) == [
            "2026-01-31 c0 2/2/2",
            "2026-04-30 c1 1/3/2",
            "2026-07-31 c3 2/1/4",
            "2026-10-31 c4 2/0/4",
        ], "\(fiscal)")

        // --trend needs --since: a usage error, exit 2.
        let missing = try repo.acctplan(["rollup", "--trend", "monthly"])
        #expect(missing.status == 2, "\(missing)")
        #expect(missing.stderr.contains("--since"), "\(missing)")
        #expect(missing.stdout.isEmpty)
        let badPeriod = try repo.acctplan(["rollup", "--trend", "weekly", "--since", "2026-01-01"])
        #expect(badPeriod.status == 2, "\(badPeriod)")
    }

    @Test func formatsAndDimensions() throws {
        let repo = try RollupRepo()
        defer { repo.remove() }

        let text = try repo.acctplan(["rollup", "--as-of", Fixture.asOf, "--since", "2026-03-01"])
        #expect(text.status == 0, "\(text)")
        #expect(text.stdout.hasPrefix("Lifecycle rollup as of 2026-11-29"), "\(text)")
        #expect(text.stdout.contains("industry tobacco") && text.stdout.contains("segment new-logo-growth"), "\(text)")
        #expect(text.stdout.contains("zhejiang-tobacco: industry-solution → departmental"), "\(text)")
        #expect(!text.stdout.contains("\u{1B}"), "no colour in a pipe")

        let trend = try repo.acctplan(["rollup", "--as-of", Fixture.asOf, "--since", "2026-01-01", "--trend", "quarterly"])
        #expect(trend.status == 0, "\(trend)")
        #expect(trend.stdout.contains("Stage trend"), "\(trend)")
        #expect(trend.stdout.contains("2026-09-30") && trend.stdout.contains("departmental 2, industry-solution 0, integration 4"),
                "\(trend)")

        let csv = try repo.acctplan(["rollup", "--as-of", Fixture.asOf, "--format", "csv"])
        #expect(csv.status == 0 && csv.stderr.isEmpty, "\(csv)")
        let rows = csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.first?.hasPrefix("dimension,id,name,has_plan,accounts,departmental,industry-solution,integration,") == true,
                "\(csv)")
        #expect(rows.count == 6, "header and one row per group: \(csv)")
        #expect(rows.dropFirst().map { $0.split(separator: ",").prefix(2).joined(separator: ",") } == [
            "industry,energy", "industry,real-estate", "industry,tobacco",
            "segment,installed-base-high-end", "segment,new-logo-growth",
        ], "\(csv)")
        let csvSince = try repo.acctplan(["rollup", "--as-of", Fixture.asOf, "--format", "csv", "--since", "2026-03-01"])
        #expect(csvSince.stdout.hasPrefix("dimension,") && csvSince.stdout.components(separatedBy: "\r\n")[0]
            .hasSuffix(",moved_up,moved_down,moved_new,moved_removed,score_mean,score_green,score_amber,score_red"), "\(csvSince)")

        let markdown = try repo.acctplan(["rollup", "--as-of", Fixture.asOf, "--format", "markdown", "--since", "2026-03-01"])
        #expect(markdown.status == 0, "\(markdown)")
        #expect(markdown.stdout.contains("| industry `tobacco`"), "\(markdown)")
        #expect(markdown.stdout.contains("| **total** | 6 |"), "\(markdown)")
        #expect(markdown.stdout.contains("**Lifecycle moves**"), "\(markdown)")

        // By manager: li-you (shanghai, new-co), liu-yang (northwest), ma-tao (zhejiang),
        // zhang-min (harbour, sunrise); names from people:, no plans and no targets.
        let managers = try repo.rollup(["--by", "manager"])
        #expect(RollupJSON.groups(managers).map { "\($0.string("dimension") ?? "")/\($0.string("id") ?? "") \($0.int("accounts") ?? -1)" }
                == ["manager/li-you 2", "manager/liu-yang 1", "manager/ma-tao 1", "manager/zhang-min 2"], "\(managers)")
        let zhang = RollupJSON.group(managers, "manager", "zhang-min")
        #expect(zhang?.string("name") == "Zhang Min")
        #expect(zhang?["has_plan"] as? Bool == false)
        #expect(RollupJSON.counts(zhang?["stage_counts"]) == "0/0/2")
        #expect((zhang?["stage_targets"] as? [String: Any])?.isEmpty == true)
        #expect((zhang?["revenue"] as? [String: Any])?["target"] is NSNull)
        #expect((zhang?["revenue"] as? [String: Any])?["gap"] is NSNull)
        #expect((managers["total"] as? [String: Any])?.int("accounts") == 6)
        let managerCSV = try repo.acctplan(["rollup", "--by", "manager", "--format", "csv", "--as-of", Fixture.asOf])
        #expect(managerCSV.stdout.contains("\r\nmanager,zhang-min,Zhang Min,false,2,0,0,2,"), "\(managerCSV)")
        // Text and Markdown name the person too, and never say a manager lacks a plan (only an
        // industry or segment can; a newcomer trial found "(no plan)" on every manager).
        let managerText = try repo.acctplan(["rollup", "--by", "manager", "--as-of", Fixture.asOf])
        #expect(managerText.stdout.contains("manager zhang-min (Zhang Min)") && !managerText.stdout.contains("(no plan)"), "\(managerText)")
        let managerMarkdown = try repo.acctplan(["rollup", "--by", "manager", "--format", "markdown", "--as-of", Fixture.asOf])
        #expect(managerMarkdown.stdout.contains("| manager `zhang-min` Zhang Min | 2 |") && !managerMarkdown.stdout.contains("no plan"),
                "\(managerMarkdown)")

        let regions = try repo.rollup(["--by", "region"])
        #expect(RollupJSON.groups(regions).allSatisfy { $0.string("dimension") == "region" }, "\(regions)")
        #expect(RollupJSON.group(regions, "region", "East China")?.int("accounts") == 2, "\(regions)")

        let bad = try repo.acctplan(["rollup", "--by", "colour"])
        #expect(bad.status == 2, "\(bad)")
    }

    /// Without git there is a rollup, but no history: `--since` is exit 2 with one line.
    @Test func sinceOutsideARepository() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let ws = try Fixture.workspace(["accounts/a.md": Fixture.account(name: "A", stage: "industry-solution")], in: temp)
        let plain = try CLI.output(["rollup", "--format", "json", "--as-of", Fixture.asOf], in: ws)
        #expect(plain.status == 0, "\(plain)")
        let object = try JSON.object(plain.stdout)
        #expect(object["revision"] is NSNull)
        #expect(RollupJSON.counts((object["total"] as? [String: Any])?["stage_counts"]) == "0/1/0", "\(plain)")
        let since = try CLI.output(["rollup", "--since", "2026-01-01", "--as-of", Fixture.asOf], in: ws,
                                   env: ["GIT_CEILING_DIRECTORIES": temp.url.deletingLastPathComponent().path])
        #expect(since.status == 2 && since.stderr.trimmed.lines.count == 1 && since.stdout.isEmpty, "\(since)")
    }

    /// A workspace in a sub-folder of a bigger repository whose history starts before the
    /// workspace existed: history is read below the sub-folder, and a commit without the
    /// workspace counts as "nothing yet".
    @Test func workspaceInASubFolderOfALongerHistory() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let repo = try sandbox.temp.write(["repo/src/main.c": "int main(void) { return 0; }\n"], under: "")
            .appendingPathComponent("repo")
        func git(_ args: [String], at date: String) throws {
            let result = try Launched(GitSandbox.gitExecutable, ["-C", repo.path] + args, in: sandbox.temp.url,
                                      environment: sandbox.environment(extra: RollupRepo.env(date))).wait()
            try #require(result.status == 0, "git \(args.joined(separator: " ")): \(result)")
        }
        try git(["init", "-q"], at: "2025-12-01T10:00:00+08:00")
        try git(["add", "-A"], at: "2025-12-01T10:00:00+08:00")
        try git(["commit", "-q", "-m", "Code"], at: "2025-12-01T10:00:00+08:00")
        let root = try sandbox.head(repo)
        let created = try sandbox.acctplan(["init", "plans"], in: repo, extra: RollupRepo.env(RollupRepo.dates["c0"]!))
        try #require(created.status == 0, "\(created)")
        let c0 = try sandbox.head(repo)
        let ws = repo.appendingPathComponent("plans")
        let path = "accounts/northwest-wind.md"
        let text = try #require(GitFixture.read(path, in: ws))
        try GitFixture.write(text.replacingOccurrences(of: "\nstage: departmental\n", with: "\nstage: industry-solution\n"),
                             to: path, in: ws)
        try git(["add", "-A"], at: RollupRepo.dates["c1"]!)
        try git(["commit", "-q", "-m", "Northwest deepens"], at: RollupRepo.dates["c1"]!)
        let c1 = try sandbox.head(repo)
        let names = [root: "root", c0: "c0", c1: "c1"]

        func run(_ args: [String], in dir: URL) throws -> [String: Any] {
            let result = try sandbox.acctplan(["rollup", "--format", "json"] + args, in: dir)
            #expect(result.status == 0 && result.stderr.isEmpty, "\(result)")
            return try JSON.object(result.stdout)
        }
        func points(_ object: [String: Any]) -> [String] {
            ((object["trend"] as? [[String: Any]]) ?? []).map {
                "\($0.string("date") ?? "?") \($0.string("revision").map { names[$0] ?? $0 } ?? "null") \(RollupJSON.counts($0["stage_counts"]))"
            }
        }

        let march = try run(["--since", "2026-03-01", "--trend", "monthly", "--as-of", "2026-03-31"], in: ws)
        #expect((march["since"] as? [String: Any])?.string("revision") == c0, "\(march)")
        #expect(RollupJSON.transitions(march) == ["northwest-wind: departmental → industry-solution"])
        #expect(points(march) == ["2026-03-31 c1 1/3/2"], "\(march)")

        // Before the workspace existed the commit is there, the plans are not: all counts zero.
        let early = try run(["--workspace", "plans", "--since", "2025-12-15", "--trend", "monthly", "--as-of", "2026-01-31"],
                            in: repo)
        #expect((early["since"] as? [String: Any])?.string("revision") == root, "\(early)")
        #expect(RollupJSON.transitions(early).count == 6 && RollupJSON.transitions(early).allSatisfy { $0.contains(": null → ") },
                "\(early)")
        #expect(points(early) == ["2025-12-31 root 0/0/0", "2026-01-31 c0 2/2/2"], "\(early)")
    }
}
