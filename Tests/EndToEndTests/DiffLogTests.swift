import Foundation
import Testing

/// Plans for the diff and log tests: Xinan Tobacco before and after moving up the lifecycle, and
/// two small accounts that are renamed, added and removed.
enum DiffFixture {
    static let xinan = """
        ---
        name: Xinan Tobacco
        industry: tobacco
        segments: [installed-base-high-end]
        stage: departmental
        manager: li-you
        reviewed: 2026-11-01
        revenue_target: CNY 7.1M
        ---
        # Xinan Tobacco – account plan

        Xinan runs our financials since 2009.

        ## Stakeholders

        | Name | Title | Role | Relationship |
        | --- | --- | --- | --- |
        | Zhou Ming | CIO | decision-maker | strong |
        | Qian Hui | CFO | sponsor | medium |

        ## Opportunities

        | ID | Name | Stage | Amount | Close |
        | --- | --- | --- | --- | --- |
        | opp-x | Consolidation phase 2 | negotiate | 2,000,000 | 2026-12-20 |
        | opp-y | Data platform | propose | 2.4M | 2027-03-31 |

        ## Actions

        - [ ] 2026-12-05 @li-you Confirm the phase-2 scope #opp-x
        - [ ] 2026-12-10 @wang-fang Post-go-live health check

        """

    /// The brief's example: stage, an amount, one more opportunity, a ticked action.
    static let xinanMovedUp = edit(xinan, [
        ("stage: departmental", "stage: industry-solution"),
        ("| 2,000,000 |", "| 2,400,000 |"),
        ("| opp-y | Data platform | propose | 2.4M | 2027-03-31 |\n",
         "| opp-y | Data platform | propose | 2.4M | 2027-03-31 |\n| opp-z | Budgeting | qualify | 300k | 2027-01-31 |\n"),
        ("- [ ] 2026-12-10 @wang-fang Post-go-live", "- [x] 2026-12-10 @wang-fang Post-go-live"),
    ])

    static let summary = "xinan-tobacco: stage departmental → industry-solution; opp-x amount 2,000,000 → 2,400,000; "
        + "+1 opportunity; action 'Post-go-live health check' done"

    static func small(_ name: String, stage: String = "departmental", health: String = "green") -> String {
        """
        ---
        name: \(name)
        industry: tobacco
        stage: \(stage)
        manager: li-you
        health: \(health)
        reviewed: 2026-11-01
        ---
        # \(name)

        ## Stakeholders

        | Name | Role |
        | --- | --- |
        | Zhou Ming | decision-maker |

        """
    }

    static func edit(_ text: String, _ replacements: [(String, String)]) -> String {
        var result = text
        for (old, new) in replacements {
            precondition(result.components(separatedBy: old).count == 2, "'\(old)' must occur once")
            result = result.replacingOccurrences(of: old, with: new)
        }
        return result
    }
}

/// A workspace made by `acctplan init`, with a history committed by git at fixed dates.
struct DiffRepo {
    let sandbox: GitSandbox
    let ws: URL
    /// Commit label → full id.
    var commits: [String: String] = [:]

    init() throws {
        sandbox = try GitSandbox()
        let created = try sandbox.acctplan(["init", "ws"], in: sandbox.temp.url, extra: Self.dates("2026-08-01T10:00:00Z"))
        try #require(created.status == 0, "\(created)")
        ws = sandbox.temp.path("ws")
        commits["init"] = try sandbox.head(ws)
    }

    func remove() { sandbox.remove() }

    static func dates(_ date: String) -> [String: String] { ["GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date] }

    /// `git args` in the workspace with fixed author and committer dates.
    @discardableResult
    func git(_ args: [String], date: String = "2026-11-29T10:00:00Z", sourceLocation: SourceLocation = #_sourceLocation) throws
        -> CLI.Output {
        let result = try Launched(GitSandbox.gitExecutable, ["-C", ws.path] + args, in: sandbox.temp.url,
                                  environment: sandbox.environment(extra: Self.dates(date))).wait()
        #expect(result.status == 0, "git \(args.joined(separator: " ")): \(result)", sourceLocation: sourceLocation)
        return result
    }

    func write(_ text: String, to path: String) throws { try GitFixture.write(text, to: path, in: ws) }

    func remove(_ path: String) throws { try FileManager.default.removeItem(at: ws.appendingPathComponent(path)) }

    /// Stages everything and commits it with git at `date`; records the commit as `label`.
    mutating func commit(_ label: String, _ message: String, at date: String) throws {
        try git(["add", "-A"], date: date)
        try git(["commit", "-q", "-m", message], date: date)
        commits[label] = try sandbox.head(ws)
    }

    func acctplan(_ args: [String], path: String? = nil, extra: [String: String] = [:]) throws -> CLI.Output {
        try sandbox.acctplan(args, in: ws, path: path, extra: extra)
    }

    /// `acctplan args`, which must exit 0 and print valid JSON.
    func json(_ args: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let result = try acctplan(args + ["--format", "json"])
        #expect(result.status == 0, "\(result)", sourceLocation: sourceLocation)
        #expect(result.stderr.isEmpty, "\(result)", sourceLocation: sourceLocation)
        return try JSON.object(result.stdout)
    }

    /// The history used by most tests:
    /// c1 adds xinan-tobacco and a; c2 moves xinan up; c3 renames a into east/; c4 removes
    /// northwest-wind and adds b; c5 edits a (in +08:00); c6 renames c to c-new.
    mutating func buildHistory() throws {
        try write(DiffFixture.xinan, to: "accounts/xinan-tobacco.md")
        try write(DiffFixture.small("A"), to: "accounts/a.md")
        try write(DiffFixture.small("C"), to: "accounts/c.md")
        try commit("c1", "Add Xinan Tobacco, A and C", at: "2026-09-01T10:00:00Z")
        try write(DiffFixture.xinanMovedUp, to: "accounts/xinan-tobacco.md")
        try commit("c2", "Xinan moves up", at: "2026-10-01T10:00:00Z")
        try FileManager.default.createDirectory(at: ws.appendingPathComponent("accounts/east"), withIntermediateDirectories: true)
        try git(["mv", "accounts/a.md", "accounts/east/a.md"], date: "2026-11-01T10:00:00Z")
        try commit("c3", "Move A to the east", at: "2026-11-01T10:00:00Z")
        try remove("accounts/northwest-wind.md")
        try write(DiffFixture.small("B"), to: "accounts/b.md")
        try commit("c4", "Drop Northwest Wind, add B", at: "2026-11-10T10:00:00Z")
        try write(DiffFixture.small("A", health: "red"), to: "accounts/east/a.md")
        try commit("c5", "A turns red", at: "2026-11-20T12:00:00+08:00")
        try git(["mv", "accounts/c.md", "accounts/c-new.md"], date: "2026-11-25T10:00:00Z")
        try commit("c6", "Rename C", at: "2026-11-25T10:00:00Z")
    }
}

/// Helpers to read §8 diff JSON.
enum DiffJSON {
    static func plans(_ object: [String: Any]) -> [[String: Any]] { object["plans"] as? [[String: Any]] ?? [] }

    static func plan(_ object: [String: Any], _ id: String) -> [String: Any]? { plans(object).first { $0.string("id") == id } }

    /// `name: from → to` for each field, values as JSON text (strings quoted, numbers bare).
    static func fields(_ entry: [String: Any]?) -> [String] {
        ((entry?["fields"] as? [[String: Any]]) ?? []).map { field in
            "\(field.string("name") ?? "?"): \(text(field["from"])) → \(text(field["to"]))"
        }
    }

    static func text(_ value: Any?) -> String {
        switch value {
        case nil, is NSNull: return "null"
        case let string as String: return "'\(string)'"
        case let number as NSNumber:
            // JSON booleans come back as NSNumbers of type "c" (char); integers and decimals never do.
            if String(cString: number.objCType) == "c" { return number.boolValue ? "true" : "false" }
            return number.stringValue
        default: return "\(value!)"
        }
    }

    /// `section key status: name from → to, ...` for each changed item.
    static func items(_ entry: [String: Any]?) -> [String] {
        var result: [String] = []
        for section in (entry?["sections"] as? [[String: Any]]) ?? [] {
            for item in (section["items"] as? [[String: Any]]) ?? [] {
                let fields = fields(item).joined(separator: ", ")
                result.append("\(section.string("section") ?? "?") \(item.string("key") ?? "?") \(item.string("status") ?? "?"): \(fields)")
            }
        }
        return result
    }
}

/// The suite for `acctplan diff`, `log`, `commit` summaries and the git diff driver; its parts are
/// nested so that `--filter DiffLogTests` runs them all.
struct DiffLogTests {}

// MARK: - diff

extension DiffLogTests {
struct Diff {
    /// Every mode of `acctplan diff`: index → worktree, --staged, REV → worktree, REV → REV.
    @Test func everyModeComparesTheRightEndpoints() throws {
        var repo = try DiffRepo()
        defer { repo.remove() }
        try repo.buildHistory()
        let head = try #require(repo.commits["c6"])

        // Nothing changed: nothing to say.
        let clean = try repo.acctplan(["diff"])
        #expect(clean.status == 0 && clean.stdout.isEmpty && clean.stderr.isEmpty, "\(clean)")

        // Staged: Xinan gets a health; unstaged on top: its revenue target.
        let staged = DiffFixture.edit(DiffFixture.xinanMovedUp, [("manager: li-you\n", "manager: li-you\nhealth: green\n")])
        try repo.write(staged, to: "accounts/xinan-tobacco.md")
        try repo.git(["add", "accounts/xinan-tobacco.md"])
        try repo.write(DiffFixture.edit(staged, [("revenue_target: CNY 7.1M", "revenue_target: CNY 9M")]),
                       to: "accounts/xinan-tobacco.md")

        let unstaged = try repo.json(["diff"])
        #expect(unstaged.string("from") == "index" && unstaged.string("to") == "worktree", "\(unstaged)")
        #expect(unstaged.int("version") == 1)
        #expect(DiffJSON.plans(unstaged).count == 1)
        let onlyTarget = DiffJSON.plan(unstaged, "xinan-tobacco")
        #expect(onlyTarget?.string("status") == "modified")
        #expect(onlyTarget?.string("path") == "accounts/xinan-tobacco.md")
        #expect(onlyTarget?.string("kind") == "account")
        #expect(DiffJSON.fields(onlyTarget) == ["revenue_target: 7100000 → 9000000"], "only the unstaged edit: \(unstaged)")
        #expect(DiffJSON.items(onlyTarget) == [])
        #expect(onlyTarget?["prose_changed"] as? Bool == false)

        let index = try repo.json(["diff", "--staged"])
        #expect(index.string("from") == head, "--staged compares HEAD: \(index)")
        #expect(index.string("to") == "index")
        #expect(DiffJSON.fields(DiffJSON.plan(index, "xinan-tobacco")) == ["health: null → 'green'"], "only the staged edit: \(index)")

        let sinceHead = try repo.json(["diff", "HEAD"])
        #expect([head, "HEAD"].contains(sinceHead.string("from") ?? ""), "\(sinceHead)")
        #expect(sinceHead.string("to") == "worktree")
        #expect(Set(DiffJSON.fields(DiffJSON.plan(sinceHead, "xinan-tobacco")))
                == ["health: null → 'green'", "revenue_target: 7100000 → 9000000"], "both edits: \(sinceHead)")

        // Two revisions: the lifecycle move of c2, whatever the working tree holds.
        let c1 = try #require(repo.commits["c1"]), c2 = try #require(repo.commits["c2"])
        let moved = try repo.json(["diff", c1, c2])
        #expect(moved.string("from") == c1 && moved.string("to") == c2, "\(moved)")
        #expect(DiffJSON.plans(moved).count == 1, "\(moved)")
        let xinan = DiffJSON.plan(moved, "xinan-tobacco")
        #expect(xinan?.string("status") == "modified")
        #expect(xinan?["old_path"] == nil, "old_path only for renames")
        #expect(DiffJSON.fields(xinan) == ["stage: 'departmental' → 'industry-solution'"])
        #expect(DiffJSON.items(xinan) == [
            "opportunities opp-x modified: amount: 2000000 → 2400000",
            "opportunities opp-z added: name: null → 'Budgeting', stage: null → 'qualify', amount: null → 300000, close: null → '2027-01-31'",
            "actions Post-go-live health check modified: done: false → true",
        ], "\(moved)")
        #expect(xinan?["prose_changed"] as? Bool == false)
        // The JSON keys in §8 order.
        let raw = try repo.acctplan(["diff", c1, c2, "--format", "json"]).stdout
        #expect(raw.hasPrefix(#"{"version":1,"from":""# + c1 + #"","to":""# + c2 + #"","plans":[{"kind":"account","id":"xinan-tobacco","path":"accounts/xinan-tobacco.md","status":"modified","fields":[{"name":"stage","from":"departmental","to":"industry-solution"}],"sections":[{"section":"opportunities","items":[{"key":"opp-x","status":"modified","fields":[{"name":"amount","from":2000000,"to":2400000}]}"#),
                "\(raw)")
        #expect(raw.hasSuffix(#""prose_changed":false}]}"# + "\n"), "\(raw)")

        // The same as text and as Markdown.
        let text = try repo.acctplan(["diff", "HEAD~5", "HEAD~4"])
        #expect(text.status == 0, "\(text)")
        #expect(text.stdout.contains("stage: departmental → industry-solution"), "\(text)")
        #expect(text.stdout.contains("opp-x: amount 2,000,000 → 2,400,000"), "\(text)")
        #expect(!text.stdout.contains("\u{1B}"), "no colour in a pipe")
        let markdown = try repo.acctplan(["diff", c1, c2, "--format", "markdown"])
        #expect(markdown.status == 0, "\(markdown)")
        #expect(markdown.stdout.contains("- `xinan-tobacco`: departmental → **industry-solution**"), "\(markdown)")
        #expect(markdown.stdout.contains("**Lifecycle moves**"), "\(markdown)")

        // The reverse direction is the reverse change.
        let back = try repo.json(["diff", c2, c1])
        #expect(DiffJSON.fields(DiffJSON.plan(back, "xinan-tobacco")) == ["stage: 'industry-solution' → 'departmental'"])
    }

    @Test func pathsNarrowTheDiff() throws {
        var repo = try DiffRepo()
        defer { repo.remove() }
        try repo.buildHistory()
        try repo.write(DiffFixture.edit(DiffFixture.xinanMovedUp, [("stage: industry-solution", "stage: integration")]),
                       to: "accounts/xinan-tobacco.md")
        try repo.write(DiffFixture.small("A", stage: "industry-solution", health: "red"), to: "accounts/east/a.md")
        try repo.write(DiffFixture.small("B", health: "yellow"), to: "accounts/b.md")

        let all = try repo.json(["diff"])
        #expect(DiffJSON.plans(all).compactMap { $0.string("id") }.sorted() == ["a", "b", "xinan-tobacco"], "\(all)")
        let one = try repo.json(["diff", "accounts/b.md"])
        #expect(DiffJSON.plans(one).compactMap { $0.string("id") } == ["b"], "\(one)")
        #expect(DiffJSON.fields(DiffJSON.plan(one, "b")) == ["health: 'green' → 'yellow'"])
        let folder = try repo.json(["diff", "HEAD", "accounts/east"])
        #expect(DiffJSON.plans(folder).compactMap { $0.string("id") } == ["a"], "\(folder)")
        let two = try repo.json(["diff", "HEAD", "accounts/xinan-tobacco.md", "accounts/b.md"])
        #expect(DiffJSON.plans(two).compactMap { $0.string("id") }.sorted() == ["b", "xinan-tobacco"], "\(two)")
        // Paths are relative to the current folder, like git's.
        let inAccounts = try repo.sandbox.acctplan(["diff", "--format", "json", "b.md"], in: repo.ws.appendingPathComponent("accounts"))
        #expect(DiffJSON.plans(try JSON.object(inAccounts.stdout)).compactMap { $0.string("id") } == ["b"], "\(inAccounts)")
        let history = try repo.json(["diff", try #require(repo.commits["c1"]), "HEAD", "accounts/xinan-tobacco.md"])
        #expect(DiffJSON.plans(history).compactMap { $0.string("id") } == ["xinan-tobacco"], "\(history)")
        // A narrowed diff of an untouched plan is empty.
        let none = try repo.acctplan(["diff", "industries/tobacco.md"])
        #expect(none.status == 0 && none.stdout.isEmpty, "\(none)")
    }

    @Test func addedRemovedAndRenamedPlans() throws {
        var repo = try DiffRepo()
        defer { repo.remove() }
        try repo.buildHistory()
        let c2 = try #require(repo.commits["c2"]), c4 = try #require(repo.commits["c4"])
        let object = try repo.json(["diff", c2, c4])
        let renamed = try #require(DiffJSON.plan(object, "a"), "\(object)")
        #expect(renamed.string("status") == "renamed", "\(renamed)")
        #expect(renamed.string("path") == "accounts/east/a.md")
        #expect(renamed.string("old_path") == "accounts/a.md")
        #expect(DiffJSON.fields(renamed) == [] && DiffJSON.items(renamed) == [], "a pure move: \(renamed)")
        let added = try #require(DiffJSON.plan(object, "b"), "\(object)")
        #expect(added.string("status") == "added" && added.string("path") == "accounts/b.md")
        #expect(DiffJSON.fields(added).contains("stage: null → 'departmental'"), "\(added)")
        #expect(added["old_path"] == nil)
        let removed = try #require(DiffJSON.plan(object, "northwest-wind"), "\(object)")
        #expect(removed.string("status") == "removed" && removed.string("path") == "accounts/northwest-wind.md")
        #expect(DiffJSON.fields(removed).contains("stage: 'departmental' → null"), "\(removed)")
        #expect(DiffJSON.plans(object).count == 3, "\(object)")
        // §8: "arrays are sorted (... kind then id for plans ...)".
        #expect(DiffJSON.plans(object).compactMap { $0.string("id") } == ["a", "b", "northwest-wind"],
                "plans sorted by kind then id: \(DiffJSON.plans(object).compactMap { $0.string("path") })")

        // Narrowing by the old path finds the renamed plan; a move plus an edit is still a rename.
        let byOldPath = try repo.json(["diff", c2, c4, "accounts/a.md"])
        #expect(DiffJSON.plans(byOldPath).compactMap { $0.string("status") } == ["renamed"], "\(byOldPath)")
        try repo.git(["mv", "accounts/east/a.md", "accounts/a.md"])
        try repo.write(DiffFixture.small("A", stage: "industry-solution", health: "red"), to: "accounts/a.md")
        try repo.git(["add", "-A"])
        let staged = try repo.json(["diff", "--staged"])
        let back = try #require(DiffJSON.plan(staged, "a"), "\(staged)")
        #expect(back.string("status") == "renamed" && back.string("old_path") == "accounts/east/a.md"
                && back.string("path") == "accounts/a.md", "\(back)")
        #expect(DiffJSON.fields(back) == ["stage: 'departmental' → 'industry-solution'"], "\(back)")
        let text = try repo.acctplan(["diff", "--staged"])
        #expect(text.stdout.contains("renamed from accounts/east/a.md"), "\(text)")
    }

    @Test func aPlanThatDoesNotParseIsReportedNotFatal() throws {
        var repo = try DiffRepo()
        defer { repo.remove() }
        try repo.buildHistory()
        let broken = "# Xinan Tobacco\n\nSomeone deleted the front matter.\n"
        try repo.write(broken, to: "accounts/xinan-tobacco.md")
        let json = try repo.json(["diff"])
        let entry = try #require(DiffJSON.plan(json, "xinan-tobacco"), "\(json)")
        #expect(entry.string("unreadable") == "new", "\(entry)")
        #expect(entry.string("status") == "modified")
        let text = try repo.acctplan(["diff"])
        #expect(text.status == 0, "\(text)")
        #expect(text.stdout.contains("does not parse"), "\(text)")
        let markdown = try repo.acctplan(["diff", "--format", "markdown"])
        #expect(markdown.status == 0 && markdown.stdout.contains("does not parse"), "\(markdown)")

        // Committed broken: the old side of the next commit cannot be read.
        try repo.commit("broken", "Broken", at: "2026-11-26T10:00:00Z")
        try repo.write(DiffFixture.xinanMovedUp, to: "accounts/xinan-tobacco.md")
        try repo.commit("fixed", "Fixed", at: "2026-11-27T10:00:00Z")
        let fixed = try repo.json(["diff", "HEAD~1", "HEAD"])
        #expect(DiffJSON.plan(fixed, "xinan-tobacco")?.string("unreadable") == "old", "\(fixed)")
        let reverse = try repo.json(["diff", "HEAD", "HEAD~1"])
        #expect(DiffJSON.plan(reverse, "xinan-tobacco")?.string("unreadable") == "new", "\(reverse)")
        // Binary junk and invalid UTF-8 are no crash either.
        try Data([0x2D, 0x2D, 0x2D, 0x0A, 0xFF, 0xFE, 0x00, 0x0A]).write(to: repo.ws.appendingPathComponent("accounts/b.md"))
        let junk = try repo.acctplan(["diff", "--format", "json"])
        #expect(junk.status == 0, "\(junk)")
        #expect(DiffJSON.plan(try JSON.object(junk.stdout), "b")?.string("unreadable") == "new", "\(junk)")
        let log = try repo.acctplan(["log"])
        #expect(log.status == 0 && log.stdout.contains("does not parse"), "\(log)")
    }

    @Test func badArgumentsAreOneLineAndExitTwo() throws {
        var repo = try DiffRepo()
        defer { repo.remove() }
        try repo.buildHistory()
        let staged = try repo.acctplan(["diff", "--staged", "HEAD~1", "HEAD"])
        #expect(staged.status == 2 && staged.stderr.trimmed.lines.count == 1, "\(staged)")
        let format = try repo.acctplan(["diff", "--format", "csv"])
        #expect(format.status == 2, "\(format)")
        // CLI.md: a revision that does not exist is exit 2 with one line, not an empty diff.
        let unknown = try repo.acctplan(["diff", "no-such-rev"])
        #expect(unknown.status == 2 && unknown.stderr.contains("no-such-rev") && unknown.stderr.trimmed.lines.count == 1,
                "\(unknown)")
        let since = try repo.acctplan(["log", "--since", "not-a-revision"])
        #expect(since.status == 2 && since.stderr.contains("not-a-revision") && since.stderr.trimmed.lines.count == 1, "\(since)")
    }
}

}

// MARK: - log

extension DiffLogTests {
struct Log {
    @Test func logListsCommitsNewestFirstWithSummaries() throws {
        var repo = try DiffRepo()
        defer { repo.remove() }
        try repo.buildHistory()
        let log = try repo.acctplan(["log"])
        #expect(log.status == 0 && log.stderr.isEmpty, "\(log)")
        let subjects = ["Rename C", "A turns red", "Drop Northwest Wind, add B", "Move A to the east", "Xinan moves up",
                        "Add Xinan Tobacco, A and C", "Create acctplan workspace"]
        let positions = subjects.map { subject in log.stdout.range(of: subject)?.lowerBound }
        #expect(!positions.contains(nil), "every commit is listed: \(log.stdout)")
        let found = positions.compactMap { $0 }
        #expect(found == found.sorted(), "newest first: \(log.stdout)")
        let lines = log.stdout.lines
        let moved = try #require(lines.firstIndex { $0.contains("Xinan moves up") }, "\(log.stdout)")
        #expect(lines[moved].hasPrefix(String(try #require(repo.commits["c2"]).prefix(7))), "short id first: \(lines[moved])")
        #expect(lines[moved].contains("2026-10-01") && lines[moved].contains(GitSandbox.userName), "\(lines[moved])")
        #expect(lines[moved + 1].trimmed == DiffFixture.summary, "\(log.stdout)")
        #expect(log.stdout.contains("a: moved from accounts/a.md"), "\(log.stdout)")
        #expect(log.stdout.contains("northwest-wind: account plan removed"), "\(log.stdout)")
        #expect(log.stdout.contains("b: new account plan"), "\(log.stdout)")
        #expect(log.stdout.contains("a: health green → red"), "\(log.stdout)")
        #expect(!log.stdout.contains("\u{1B}"))
    }

    @Test func logOfOnePlanFollowsRenames() throws {
        var repo = try DiffRepo()
        defer { repo.remove() }
        try repo.buildHistory()
        func ids(_ args: [String]) throws -> [String] {
            let object = try repo.json(["log"] + args)
            return ((object["commits"] as? [[String: Any]]) ?? []).compactMap { $0.string("id") }
        }
        let c = repo.commits
        #expect(try ids(["xinan-tobacco"]) == [c["c2"]!, c["c1"]!])
        #expect(try ids(["a"]) == [c["c5"]!, c["c3"]!, c["c1"]!], "edited, moved, created")
        #expect(try ids(["c-new"]) == [c["c6"]!, c["c1"]!], "follows the rename from c.md to c-new.md")
        #expect(try ids(["northwest-wind"]) == [c["c4"]!, c["init"]!])
        // An id no plan has was an empty list, read as "no history" (a newcomer trial): an error
        // with the nearest id. A plan with no change in the range shown is still an empty list.
        let typo = try repo.acctplan(["log", "xinan-tobaco"])
        #expect(typo.status == 2 && typo.stdout.isEmpty, "\(typo)")
        #expect(typo.stderr.hasPrefix("acctplan: error: no plan 'xinan-tobaco' at HEAD, and no commit shown changed one (did you mean 'xinan-tobacco'?)"),
                "\(typo)")
        #expect(try ids(["xinan-tobacco", "--since", "HEAD"]) == [])
        let text = try repo.acctplan(["log", "a"])
        #expect(text.status == 0, "\(text)")
        #expect(!text.stdout.contains("xinan-tobacco") && !text.stdout.contains("Xinan moves up"), "\(text.stdout)")
        #expect(text.stdout.contains("A turns red") && text.stdout.contains("Move A to the east"), "\(text.stdout)")
    }

    @Test func logSinceADateOrARevision() throws {
        var repo = try DiffRepo()
        defer { repo.remove() }
        try repo.buildHistory()
        let c = repo.commits
        func ids(_ args: [String]) throws -> [String] {
            let object = try repo.json(["log"] + args)
            return ((object["commits"] as? [[String: Any]]) ?? []).compactMap { $0.string("id") }
        }
        #expect(try ids(["--since", "2026-10-01"]) == [c["c6"]!, c["c5"]!, c["c4"]!, c["c3"]!, c["c2"]!], "on or after the date")
        #expect(try ids(["--since", "2026-11-02"]) == [c["c6"]!, c["c5"]!, c["c4"]!])
        #expect(try ids(["--since", c["c2"]!]) == [c["c6"]!, c["c5"]!, c["c4"]!, c["c3"]!], "after the revision")
        #expect(try ids(["--since", "HEAD~2"]) == [c["c6"]!, c["c5"]!])
        #expect(try ids(["--since", "HEAD"]) == [])
        #expect(try ids(["xinan-tobacco", "--since", "2026-09-15"]) == [c["c2"]!])
    }

    @Test func logJSONFollowsSection8() throws {
        var repo = try DiffRepo()
        defer { repo.remove() }
        try repo.buildHistory()
        let result = try repo.acctplan(["log", "--format", "json", "--since", try #require(repo.commits["c3"])])
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result)")
        let object = try JSON.object(result.stdout)
        #expect(object.int("version") == 1)
        #expect(Set(object.keys) == ["version", "commits"], "\(object.keys)")
        let commits = try #require(object["commits"] as? [[String: Any]])
        #expect(commits.count == 3, "\(result.stdout)")
        for commit in commits {
            #expect(Set(commit.keys) == ["id", "date", "author", "message", "plans"], "\(commit.keys)")
            let id = commit.string("id") ?? ""
            #expect(id.count == 40 && id.allSatisfy { $0.isHexDigit && !$0.isUppercase }, "a full commit id: \(id)")
            #expect(commit.string("author") == GitSandbox.userName)
            #expect((commit.string("date") ?? "").wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z/) != nil, "\(commit)")
        }
        let red = commits[1]
        #expect(red.string("id") == repo.commits["c5"])
        #expect(red.string("date") == "2026-11-20T04:00:00Z", "12:00 at +08:00 is 04:00 UTC: \(red)")
        #expect(red.string("message") == "A turns red")
        let plans = try #require(red["plans"] as? [[String: Any]])
        #expect(plans.count == 1)
        #expect(plans.first?.string("kind") == "account" && plans.first?.string("id") == "a"
                && plans.first?.string("path") == "accounts/east/a.md" && plans.first?.string("status") == "modified", "\(plans)")
        #expect(DiffJSON.fields(plans.first) == ["health: 'green' → 'red'"])
        #expect(plans.first?["prose_changed"] as? Bool == false)
        let dropped = try #require(commits[2]["plans"] as? [[String: Any]])
        #expect(dropped.compactMap { $0.string("status") }.sorted() == ["added", "removed"], "\(dropped)")
        // Key order in the text: the commit's keys, then plan entries exactly as in diff.
        let c5 = try #require(repo.commits["c5"])
        #expect(result.stdout.contains(#"{"id":""# + c5 + #"","date":"2026-11-20T04:00:00Z","author":"Test User","message":"A turns red","plans":[{"kind":"account","id":"a","path":"accounts/east/a.md","status":"modified","fields":[{"name":"health","from":"green","to":"red"}],"sections":[],"prose_changed":false}]}"#),
                "\(result.stdout)")
        #expect(result.stdout.hasPrefix(#"{"version":1,"commits":[{"id":""#), "\(result.stdout)")
    }
}

}

// MARK: - commit and git integration

extension DiffLogTests {
struct GitIntegration {
    @Test func commitMessageCarriesTheSemanticSummary() throws {
        var repo = try DiffRepo()
        defer { repo.remove() }
        try repo.write(DiffFixture.xinan, to: "accounts/xinan-tobacco.md")
        try repo.commit("c1", "Add Xinan", at: "2026-09-01T10:00:00Z")
        try repo.write(DiffFixture.xinanMovedUp, to: "accounts/xinan-tobacco.md")
        let committed = try repo.acctplan(["commit", "-m", "Xinan moves up", "accounts/xinan-tobacco.md"] + GitFixture.asOf,
                                          extra: DiffRepo.dates("2026-10-01T10:00:00Z"))
        #expect(committed.status == 0, "\(committed)")
        let message = try repo.sandbox.gitOK(["log", "-1", "--format=%B"], in: repo.ws).trimmed
        #expect(message == "Xinan moves up\n\n" + DiffFixture.summary, "\(message)")
        #expect(committed.stdout.contains(DiffFixture.summary), "the summary is printed too: \(committed)")
        // And log shows the same line for that commit.
        let log = try repo.acctplan(["log", "xinan-tobacco"])
        #expect(log.stdout.contains(DiffFixture.summary), "\(log)")

        try repo.write(DiffFixture.edit(DiffFixture.xinanMovedUp, [("stage: industry-solution", "stage: integration")]),
                       to: "accounts/xinan-tobacco.md")
        let plain = try repo.acctplan(["commit", "--no-summary", "-m", "No summary please", "accounts/xinan-tobacco.md"]
                                          + GitFixture.asOf)
        #expect(plain.status == 0, "\(plain)")
        #expect(try repo.sandbox.gitOK(["log", "-1", "--format=%B"], in: repo.ws).trimmed == "No summary please")
        // A rename through acctplan commit -a is summarised as a move.
        try repo.git(["mv", "accounts/xinan-tobacco.md", "accounts/east/xinan-tobacco.md"])
        let moved = try repo.acctplan(["commit", "-m", "Move Xinan"] + GitFixture.asOf)
        #expect(moved.status == 0, "\(moved)")
        let movedMessage = try repo.sandbox.gitOK(["log", "-1", "--format=%B"], in: repo.ws)
        #expect(movedMessage.contains("xinan-tobacco: moved from accounts/xinan-tobacco.md"), "\(movedMessage)")
    }

    @Test func gitDiffUsesTheSemanticDriverForPlansOnly() throws {
        var repo = try DiffRepo()
        defer { repo.remove() }
        try repo.write(DiffFixture.xinan, to: "accounts/xinan-tobacco.md")
        try repo.commit("c1", "Add Xinan", at: "2026-09-01T10:00:00Z")
        // No acctplan on PATH: the driver runs the binary named by --acctplan.
        let path = GitSandbox.gitExecutable.deletingLastPathComponent().path + ":/usr/bin:/bin"
        let install = try repo.acctplan(["hooks", "install", "--acctplan", try CLI.binary.get().path], path: path)
        #expect(install.status == 0, "\(install)")
        let command = try repo.git(["config", "diff.acctplan.command"])
        #expect(command.stdout.contains("acctplan") && command.stdout.contains("diff"), "\(command)")
        let attributes = try repo.git(["check-attr", "diff", "accounts/xinan-tobacco.md", "README.md"])
        #expect(attributes.stdout.contains("accounts/xinan-tobacco.md: diff: acctplan"), "\(attributes)")

        try repo.write(DiffFixture.xinanMovedUp, to: "accounts/xinan-tobacco.md")
        let readme = GitFixture.read("README.md", in: repo.ws) ?? ""
        try repo.write(readme + "\nA line added for the test.\n", to: "README.md")
        let runGit = { (args: [String]) throws -> CLI.Output in
            try Launched(GitSandbox.gitExecutable, ["-C", repo.ws.path] + args, in: repo.sandbox.temp.url,
                         environment: repo.sandbox.environment(path: path)).wait()
        }
        let planDiff = try runGit(["diff", "accounts/xinan-tobacco.md"])
        #expect(planDiff.status == 0 && planDiff.stderr.isEmpty, "\(planDiff)")
        #expect(planDiff.stdout.contains("stage: ") && planDiff.stdout.contains("→"), "semantic: \(planDiff.stdout)")
        #expect(planDiff.stdout.contains("departmental → industry-solution"), "\(planDiff.stdout)")
        #expect(!planDiff.stdout.contains("-stage: departmental"), "not a line diff: \(planDiff.stdout)")

        let readmeDiff = try runGit(["diff", "README.md"])
        #expect(readmeDiff.status == 0, "\(readmeDiff)")
        #expect(readmeDiff.stdout.contains("--- a/README.md") && readmeDiff.stdout.contains("+++ b/README.md")
                && readmeDiff.stdout.contains("@@") && readmeDiff.stdout.contains("+A line added for the test."),
                "a normal unified diff: \(readmeDiff.stdout)")
        #expect(!readmeDiff.stdout.contains("→"))

        // A file in a plan folder that is not a plan (README.md) gets a unified diff too.
        try repo.write("# Accounts\n", to: "accounts/README.md")
        try repo.commit("c2", "Accounts readme", at: "2026-09-02T10:00:00Z")
        try repo.write("# Accounts\n\nOne plan per customer.\n", to: "accounts/README.md")
        let notAPlan = try runGit(["diff", "accounts/README.md"])
        #expect(notAPlan.status == 0, "\(notAPlan)")
        #expect(notAPlan.stdout.contains("+One plan per customer."), "\(notAPlan.stdout)")

        // Whole git diff over the committed change and a newly staged plan.
        try repo.write(DiffFixture.small("New"), to: "accounts/new-one.md")
        try repo.git(["add", "accounts/new-one.md"])
        let cached = try runGit(["diff", "--cached"])
        #expect(cached.status == 0 && cached.stdout.contains("added"), "\(cached)")
        // A plan that does not parse goes through the driver without a failure.
        try repo.write("no front matter\n", to: "accounts/xinan-tobacco.md")
        let broken = try runGit(["diff", "accounts/xinan-tobacco.md"])
        #expect(broken.status == 0 && broken.stdout.contains("does not parse"), "\(broken)")
    }
}
}

/// `log` and merges: a merge that joined parallel edits of a plan is listed with what it did on
/// its first parent's line; a plan only the merged branch changed is not listed twice.
struct LogMergeTests {
    static func acme(_ amount: String) -> String {
        """
        ---
        name: Acme
        industry: tobacco
        stage: departmental
        manager: li-you
        reviewed: 2026-11-01
        ---
        # Acme

        ## Opportunities

        | ID      | Name | Stage     | Amount   | Close      |
        | ------- | ---- | --------- | -------- | ---------- |
        | opp-tax | Tax  | negotiate | \(amount) | 2027-03-31 |

        """
    }

    @Test func aResolvedConflictIsListedWithTheMergeAndAOneSidedChangeIsNot() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let repo = try sandbox.repository(accounts: ["accounts/acme.md": Self.acme("800,000 "), "accounts/bolt.md": GitFixture.bolt("First.")])
        try sandbox.gitOK(["checkout", "-q", "-b", "alice"], in: repo)
        try GitFixture.write(Self.acme("900,000 "), to: "accounts/acme.md", in: repo)
        try GitFixture.write(GitFixture.bolt("Second."), to: "accounts/bolt.md", in: repo)
        try sandbox.gitOK(["commit", "-qam", "Alice: tax up, Bolt note"], in: repo)
        try sandbox.gitOK(["checkout", "-q", "main"], in: repo)
        try GitFixture.write(Self.acme("750,000 "), to: "accounts/acme.md", in: repo)
        try sandbox.gitOK(["commit", "-qam", "Bob: tax down"], in: repo)
        let merge = try sandbox.git(["merge", "--no-edit", "alice"], in: repo)
        #expect(merge.status != 0, "the same line: git conflicts \(merge)")
        // Bob keeps Alice's amount.
        try GitFixture.write(Self.acme("900,000 "), to: "accounts/acme.md", in: repo)
        try sandbox.gitOK(["add", "accounts/acme.md"], in: repo)
        try sandbox.gitOK(["commit", "-q", "--no-edit"], in: repo)

        let log = try sandbox.acctplan(["log", "acme"], in: repo)
        #expect(log.status == 0, "\(log)")
        let lines = log.stdout.split(separator: "\n").map(String.init)
        // Newest first: the merge, with what it did to Bob's line (750,000 → 900,000).
        #expect(lines.first?.contains("Merge branch 'alice'") == true, "\(log.stdout)")
        #expect(lines.dropFirst().first?.contains("opp-tax") == true && lines[1].contains("750,000 → 900,000"), "\(log.stdout)")
        #expect(log.stdout.contains("Bob: tax down") && log.stdout.contains("Alice: tax up, Bolt note"), "\(log.stdout)")
        // Bolt changed on Alice's branch only: listed with her commit, not again with the merge.
        let bolt = try sandbox.acctplan(["log", "bolt"], in: repo)
        #expect(!bolt.stdout.contains("Merge branch") && bolt.stdout.contains("Alice: tax up, Bolt note"), "\(bolt.stdout)")
    }

    /// An octopus merge: a plan only one merged branch changed is not listed with the merge
    /// because another branch parted from ours earlier (a review found it listed).
    @Test func anOctopusMergeListsNoPlanOnlyOneBranchChanged() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let repo = try sandbox.repository(accounts: ["accounts/acme.md": Self.acme("800,000 "), "accounts/bolt.md": GitFixture.bolt("First.")])
        try sandbox.gitOK(["checkout", "-q", "-b", "two"], in: repo)
        try GitFixture.write(GitFixture.bolt("From two."), to: "accounts/bolt.md", in: repo)
        try sandbox.gitOK(["commit", "-qam", "two: Bolt"], in: repo)
        try sandbox.gitOK(["checkout", "-q", "main"], in: repo)
        try GitFixture.write(Self.acme("750,000 "), to: "accounts/acme.md", in: repo)
        try sandbox.gitOK(["commit", "-qam", "main: tax down"], in: repo)
        try sandbox.gitOK(["checkout", "-q", "-b", "three"], in: repo)
        try GitFixture.write(Self.acme("900,000 "), to: "accounts/acme.md", in: repo)
        try sandbox.gitOK(["commit", "-qam", "three: tax up"], in: repo)
        try sandbox.gitOK(["checkout", "-q", "main"], in: repo)
        try GitFixture.write(Self.acme("750,000 ") + "\nA note.\n", to: "accounts/cedar.md", in: repo)
        try sandbox.gitOK(["add", "-A"], in: repo)
        try sandbox.gitOK(["commit", "-qm", "main: cedar"], in: repo)
        try sandbox.gitOK(["merge", "-q", "--no-edit", "-m", "octopus", "two", "three"], in: repo)
        let log = try sandbox.acctplan(["log", "acme"], in: repo)
        #expect(log.status == 0 && !log.stdout.contains("octopus") && log.stdout.contains("three: tax up"), "\(log.stdout)")
    }
}
