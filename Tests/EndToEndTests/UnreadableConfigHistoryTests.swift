import Foundation
import Testing

/// A commit in history whose `acctplan.yml` cannot be read (not YAML, not UTF-8, conflict
/// markers): no number of that commit is computed with the default settings, as `--rev` of it
/// refuses. `score --since` it is refused, `score --trend` leaves its period ends out and says
/// why, `log` and `diff` compare none of its plans; the stage history of `rollup`, which no
/// setting changes, is read as before. The real binary on real repositories (``DiffRepo``: the
/// template, created 2026-08-01).
struct UnreadableConfigHistoryTests {
    static let config = "acctplan.yml"

    /// The three ways an acctplan.yml cannot be read, as committed on 2026-09-15, and the
    /// problem `acctplan` names for each.
    enum Damage: CaseIterable {
        case notYAML, notUTF8, conflictMarkers

        func apply(to text: String) -> Data {
            switch self {
            case .notYAML: return Data(text.replacingOccurrences(of: "currency: CNY", with: "currency: [CNY").utf8)
            case .notUTF8: return Data(text.utf8) + Data([0xFF, 0xFE, 0x0A])
            case .conflictMarkers:
                return Data(text.replacingOccurrences(
                    of: "currency: CNY\n", with: "<<<<<<< HEAD\ncurrency: CNY\n=======\ncurrency: EUR\n>>>>>>> other\n").utf8)
            }
        }

        var problem: String {
            switch self {
            case .notYAML, .notUTF8: return "acctplan.yml cannot be read (line "
            case .conflictMarkers: return "acctplan.yml has unresolved merge conflicts (line 7)"
            }
        }
    }

    /// The template with tighter bands (green from 90, amber from 80: every account red or amber)
    /// from 2026-08-02, `damage` done to acctplan.yml on 2026-09-15 (hooks off: the conflict hook
    /// would refuse the markers) and undone on 2026-10-15.
    static func history(_ damage: Damage) throws -> DiffRepo {
        var repo = try DiffRepo()
        let path = repo.ws.appendingPathComponent(config)
        let banded = try String(contentsOf: path, encoding: .utf8) + "\nhealth_score:\n  bands: {green: 90, amber: 80}\n"
        try repo.write(banded, to: config)
        try repo.commit("bands", "Tighter bands", at: "2026-08-02T10:00:00Z")
        try damage.apply(to: banded).write(to: path)
        try repo.git(["add", "-A"], date: "2026-09-15T10:00:00Z")
        try repo.git(["-c", "core.hooksPath=/dev/null", "commit", "-q", "-m", "Broken settings"], date: "2026-09-15T10:00:00Z")
        repo.commits["broken"] = try repo.sandbox.head(repo.ws)
        try repo.write(banded, to: config)
        try repo.commit("fixed", "Settings fixed", at: "2026-10-15T10:00:00Z")
        return repo
    }

    @Test(arguments: Damage.allCases)
    func scoreSinceSuchACommitIsRefusedAndTheTrendLeavesItOut(_ damage: Damage) throws {
        var repo = try Self.history(damage)
        defer { repo.remove() }
        let broken = String(try #require(repo.commits["broken"]).prefix(7))
        // --rev of the commit refuses; so does --since it (a date or the revision): its scores
        // would be judged with the default bands (green from 70: "was 81 green").
        let rev = try repo.acctplan(["score", "--rev", broken, "--as-of", "2026-11-29"])
        #expect(rev.status == 2 && rev.stdout.isEmpty, "\(rev)")
        for since in ["2026-09-20", broken] {
            let result = try repo.acctplan(["score", "--since", since, "--as-of", "2026-11-29"])
            #expect(result.status == 2 && result.stdout.isEmpty, "\(since): \(result)")
            #expect(result.stderr.hasPrefix("acctplan: error: --since \(since) reads commit \(broken), where \(damage.problem)"),
                    "\(since): \(result)")
            #expect(result.stderr.contains("the scores then are not computed with default settings")
                    && result.stderr.contains("hint: give a date or revision where acctplan.yml can be read; "
                                              + "'acctplan lint --rev \(broken)' shows where"), "\(since): \(result)")
        }
        // The trend: 2026-09-30 reads the broken commit and is left out, with a warning; the
        // other points are computed with their own settings (the tighter bands: no account green).
        let result = try repo.acctplan(["score", "--since", "2026-08-01", "--trend", "monthly", "--format", "json",
                                        "--as-of", "2026-11-29"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.hasPrefix("acctplan: warning: the score trend leaves out 2026-09-30: it reads commit \(broken) there, "
                                        + "where \(damage.problem)"), "\(result)")
        #expect(result.stderr.contains("and no score is computed with default settings\n  hint: 'acctplan lint --rev \(broken)' shows where\n"),
                "\(result)")
        let trend = try #require(try JSON.object(result.stdout)["trend"] as? [[String: Any]])
        #expect(trend.map { $0.string("date") } == ["2026-08-31", "2026-10-31"], "\(trend)")
        #expect(trend.map { $0.string("revision") } == [repo.commits["bands"], repo.commits["fixed"]], "\(trend)")
        #expect(trend.map { $0.int("green") } == [0, 0], "no point banded with the defaults: \(trend)")
        // In text too; the hint names the commit lint reads.
        let text = try repo.acctplan(["score", "--since", "2026-08-01", "--trend", "monthly", "--as-of", "2026-11-29"],
                                     extra: ["NO_COLOR": "1"])
        #expect(text.status == 0 && !text.stdout.contains("2026-09-30"), "\(text)")
        let lint = try repo.acctplan(["lint", "--rev", broken])
        #expect(lint.status == 1 && lint.stdout.contains("acctplan.yml:"), "\(lint)")
    }

    /// The rollup's history reads each plan's stage and groups, which no setting changes (the
    /// stages are counted against the working tree's lifecycle): a commit whose acctplan.yml cannot
    /// be read changes nothing in it, with or without the history store.
    @Test func theStageHistoryOfARollupIsReadAsBefore() throws {
        var repo = try Self.history(.notYAML)
        defer { repo.remove() }
        let path = "accounts/northwest-wind.md"
        let text = try String(contentsOf: repo.ws.appendingPathComponent(path), encoding: .utf8)
        try repo.write(text.replacingOccurrences(of: "stage: departmental", with: "stage: industry-solution"), to: path)
        try repo.commit("up", "Northwest Wind moves up", at: "2026-11-01T10:00:00Z")
        let args = ["rollup", "--since", "2026-09-20", "--trend", "monthly", "--format", "json", "--as-of", "2026-11-29"]
        let cold = try repo.acctplan(args), warm = try repo.acctplan(args)
        let off = try repo.acctplan(args, extra: ["ACCTPLAN_HISTORY_STORE": "off"])
        #expect(cold.status == 0 && cold.stderr.isEmpty, "\(cold)")
        #expect(warm.stdout == cold.stdout && off.stdout == cold.stdout)
        let object = try JSON.object(cold.stdout)
        #expect(RollupJSON.transitions(object) == ["northwest-wind: departmental → industry-solution"], "\(object)")
        let trend = try #require(object["trend"] as? [[String: Any]])
        #expect(trend.map { $0.string("date") } == ["2026-09-30", "2026-10-31"], "\(trend)")
    }

    /// `log` compares no plan of a commit whose acctplan.yml cannot be read, on either side (its
    /// amounts in EUR would have no exchange rate, its stages the default lifecycle), lists the
    /// commit that made it so with the reason, and `diff` says the same.
    @Test(arguments: [Damage.notYAML, .conflictMarkers])
    func logAndDiffCompareNoPlanWithTheDefaultSettings(_ damage: Damage) throws {
        var repo = try Self.history(damage)
        defer { repo.remove() }
        let path = "accounts/northwest-wind.md"
        let original = try String(contentsOf: repo.ws.appendingPathComponent(path), encoding: .utf8)
        // While acctplan.yml cannot be read: an edit on a detached line of history.
        try repo.git(["checkout", "-q", try #require(repo.commits["broken"])])
        try repo.write(original.replacingOccurrences(of: "EUR 80k", with: "EUR 90k"), to: path)
        try repo.git(["add", "-A"], date: "2026-09-20T10:00:00Z")
        try repo.git(["-c", "core.hooksPath=/dev/null", "commit", "-q", "-m", "More for asset management"], date: "2026-09-20T10:00:00Z")
        let edited = try repo.sandbox.head(repo.ws)
        // Fixed together with another edit: the old side cannot be read.
        try repo.write(try String(contentsOf: repo.ws.appendingPathComponent(Self.config), encoding: .utf8)
            .replacingOccurrences(of: "[CNY", with: "CNY")
            .replacingOccurrences(of: "<<<<<<< HEAD\n", with: "")
            .replacingOccurrences(of: "=======\ncurrency: EUR\n>>>>>>> other\n", with: ""), to: Self.config)
        #expect(try repo.acctplan(["lint", Self.config]).status == 0)
        try repo.write(original.replacingOccurrences(of: "EUR 80k", with: "EUR 100k"), to: path)
        try repo.git(["add", "-A"], date: "2026-09-25T10:00:00Z")
        try repo.git(["commit", "-q", "-m", "Settings fixed, and more again"], date: "2026-09-25T10:00:00Z")
        let broken = try #require(repo.commits["broken"])

        let log = try repo.acctplan(["log", "--since", "2026-09-01"], extra: ["NO_COLOR": "1"])
        #expect(log.status == 0 && log.stderr.isEmpty, "\(log)")
        let lines = log.stdout.lines.map(\.trimmed).filter { !$0.isEmpty }
        let subjects = lines.filter { !$0.hasPrefix("northwest-wind") && !$0.hasPrefix("acctplan.yml") }
        #expect(subjects.count == 3 && subjects[0].hasSuffix("Settings fixed, and more again")
                && subjects[1].hasSuffix("More for asset management") && subjects[2].hasSuffix("Broken settings"), "\(log.stdout)")
        #expect(lines.filter { $0.hasPrefix("northwest-wind") } == [
            "northwest-wind: not compared: acctplan.yml cannot be read in the old version",
            "northwest-wind: not compared: acctplan.yml cannot be read in either version",
        ], "\(log.stdout)")
        // The commit that broke it, and the edit made while it was broken, say why.
        let said = lines.filter { $0.hasPrefix(damage.problem) && $0.hasSuffix("; no plan is compared while it cannot be read") }
        #expect(said.count == 2, "\(log.stdout)")

        let json = try repo.json(["log", "--since", "2026-09-01"])
        let commits = try #require(json["commits"] as? [[String: Any]])
        #expect(commits.map { $0.string("id") } == [try repo.sandbox.head(repo.ws), edited, broken])
        #expect(commits.map { $0["config_unreadable"] == nil } == [true, false, false], "only where it cannot be read: \(commits)")
        #expect(commits[2].string("config_unreadable")?.hasPrefix(damage.problem) == true
                && (commits[2]["plans"] as? [Any])?.isEmpty == true, "\(commits[2])")
        let plans = commits.prefix(2).map { DiffJSON.plans($0) }
        #expect(plans.map { $0.map { $0.string("unreadable") } } == [["old"], ["both"]], "\(plans)")
        #expect(plans.allSatisfy { $0.allSatisfy { DiffJSON.fields($0).isEmpty && ($0["sections"] as? [Any])?.isEmpty == true } },
                "nothing compared: \(plans)")
        // log ID: the commits that changed the plan, the broken one with its reason.
        let one = try repo.json(["log", "northwest-wind", "--since", "2026-09-01"])
        #expect((one["commits"] as? [[String: Any]])?.map { $0.string("id") } == [try repo.sandbox.head(repo.ws), edited])

        // diff between those commits: the same, and stderr names the end that cannot be read.
        let diff = try repo.acctplan(["diff", broken, edited, "--format", "json"])
        #expect(diff.status == 0, "\(diff)")
        #expect(DiffJSON.plan(try JSON.object(diff.stdout), "northwest-wind")?.string("unreadable") == "both", "\(diff)")
        // A revision given as its id is named once, not "1a2b…(1a2b3c4)".
        #expect(diff.stderr.contains("acctplan: warning: \(broken): \(damage.problem)")
                && diff.stderr.contains("\(edited): \(damage.problem)") && !diff.stderr.contains("(\(broken.prefix(7)))")
                && diff.stderr.contains("the plans changed there are not compared (nothing is compared with default settings)"),
                "\(diff)")
    }

    /// git's external diff driver and textconv read the working tree's acctplan.yml: while it
    /// cannot be read, the driver compares no plan and textconv hands git the plan's text as it is
    /// (under the default settings an amount in EUR has no exchange rate).
    @Test func gitsDriverAndTextconvDoNotUseTheDefaultSettings() throws {
        let repo = try DiffRepo()
        defer { repo.remove() }
        let path = "accounts/northwest-wind.md"
        let plan = try String(contentsOf: repo.ws.appendingPathComponent(path), encoding: .utf8)
        let old = repo.sandbox.temp.path("old.md"), new = repo.sandbox.temp.path("new.md")
        try Data(plan.utf8).write(to: old)
        try Data(plan.replacingOccurrences(of: "EUR 80k", with: "EUR 90k").utf8).write(to: new)
        let driver = ["diff", "--external", path, old.path, "0" + String(repeating: "1", count: 39), "100644",
                      new.path, "0" + String(repeating: "2", count: 39), "100644"]
        let readable = try repo.acctplan(driver, extra: ["NO_COLOR": "1"])
        #expect(readable.status == 0 && readable.stdout.contains("opp-asset-mgmt: amount 616,000 → 693,000"), "\(readable)")
        let meaning = try repo.acctplan(["textconv", new.path])
        #expect(meaning.status == 0 && meaning.stdout.contains("amount 693000"), "\(meaning)")

        let config = repo.ws.appendingPathComponent(Self.config)
        try Damage.notYAML.apply(to: try String(contentsOf: config, encoding: .utf8)).write(to: config)
        let unreadable = try repo.acctplan(driver, extra: ["NO_COLOR": "1"])
        #expect(unreadable.status == 0, "\(unreadable)")
        #expect(unreadable.stdout.contains("not compared: acctplan.yml cannot be read in either version")
                && !unreadable.stdout.contains("amount"), "\(unreadable)")
        let text = try repo.acctplan(["textconv", new.path])
        #expect(text.status == 0 && text.stdout == plan.replacingOccurrences(of: "EUR 80k", with: "EUR 90k"), "\(text)")
    }
}

extension UnreadableConfigHistoryTests {
    /// In a stopped merge the index holds acctplan.yml only as its conflict's stages: `diff
    /// --staged` took that for no acctplan.yml and compared the staged plans with the defaults
    /// (an amount in USD, without the workspace's rate, shown as changed).
    @Test func diffStagedDoesNotReadAnUnmergedAcctplanYmlAsAbsent() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let ws = try sandbox.templateWorkspace()
        let config = try #require(GitFixture.read(Self.config, in: ws))
        let plan = "accounts/huaxia-power.md"
        let text = try #require(GitFixture.read(plan, in: ws))
        let reviewed = try #require(text.split(separator: "\n").first { $0.hasPrefix("reviewed: ") })
        try sandbox.gitOK(["checkout", "-q", "-b", "side"], in: ws)
        try GitFixture.write(config.replacingOccurrences(of: "{name: Li You}", with: "{name: Li You B}"), to: Self.config, in: ws)
        try GitFixture.write(text.replacingOccurrences(of: reviewed, with: "reviewed: 2026-11-30"), to: plan, in: ws)
        try sandbox.gitOK(["commit", "-qam", "side"], in: ws)
        try sandbox.gitOK(["checkout", "-q", "main"], in: ws)
        try GitFixture.write(config.replacingOccurrences(of: "{name: Li You}", with: "{name: Li You A}"), to: Self.config, in: ws)
        try sandbox.gitOK(["commit", "-qam", "main"], in: ws)
        let merge = try sandbox.git(["merge", "side"], in: ws)
        #expect(merge.status != 0, "\(merge)")

        let staged = try sandbox.acctplan(["diff", "--staged"], in: ws)
        #expect(staged.stdout == "\(plan) (account huaxia-power, modified)\n  not compared: acctplan.yml cannot be read in the new version; run acctplan lint\n",
                "\(staged)")
        #expect(!staged.stdout.contains("amount"), "\(staged)")
        #expect(staged.stderr.contains("acctplan.yml has unresolved merge conflicts"), "\(staged)")
    }
}
