import Foundation
import Testing

/// `show`, `new`, `rules`, `--help`, `--version`.
struct CommandTests {
    static let pipeline = Fixture.account(name: "Acme", extra: """

        ## Opportunities

        | ID | Name | Stage | Amount | Probability | Close |
        | --- | --- | --- | --- | --- | --- |
        | opp-usd | Cloud ERP | propose | USD 100,000 | | 2027-03-31 |
        | opp-cents | Data platform | develop | USD 1,250.50 |  | 2027-06-30 |
        | opp-cny | Consolidation | negotiate | CNY 2.4M | 80% | 2026-12-20 |

        """)

    /// The opportunity `id` anywhere in a `show --format json` document.
    static func opportunity(_ id: String, in value: Any) -> [String: Any]? {
        if let object = value as? [String: Any] {
            let values = object["values"] as? [String: Any]
            if object["key"] as? String == id || values?["id"] as? String == id { return object }
            for child in object.values { if let found = opportunity(id, in: child) { return found } }
        } else if let array = value as? [Any] {
            for child in array { if let found = opportunity(id, in: child) { return found } }
        }
        return nil
    }

    static func number(_ value: Any?) -> Decimal? {
        guard let number = value as? NSNumber else { return nil }
        return Decimal(string: number.stringValue, locale: Locale(identifier: "en_US_POSIX"))
    }

    static func computed(_ item: [String: Any], _ key: String) -> Any? {
        (item["computed"] as? [String: Any])?[key] ?? item[key]
    }

    @Test func showText() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let root = try Fixture.workspace(["accounts/east/acme.md": Self.pipeline], in: temp)
        let result = try CLI.output(["show", "acme"], in: root)
        #expect(result.status == 0, "\(result)")
        for fragment in ["Acme", "accounts/east/acme.md", "Zhou Ming", "opp-usd", "710,000", "50%", "355,000",
                         "8,878.55", "2,663.57", "2,400,000", "80%", "1,920,000", "tobacco", "li-you"] {
            #expect(result.stdout.contains(fragment), "'\(fragment)' in: \(result)")
        }
        #expect(!result.stdout.contains("\u{1B}"))
    }

    @Test func showJSON() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let root = try Fixture.workspace(["accounts/east/acme.md": Self.pipeline], in: temp)
        let result = try CLI.output(["show", "acme", "--format", "json"], in: root)
        #expect(result.status == 0, "\(result)")
        let object = try JSON.object(result.stdout)
        #expect(object.int("version") == 1)
        let plan = try #require(object["plan"] as? [String: Any])
        #expect(plan.string("id") == "acme")
        #expect(plan.string("kind") == "account")
        #expect(plan.string("path") == "accounts/east/acme.md")
        #expect(!result.stdout.lowercased().contains("e+"), "no exponent notation")

        let usd = try #require(Self.opportunity("opp-usd", in: plan), "\(result.stdout)")
        #expect(Self.number(Self.computed(usd, "probability")) == 50, "propose's default: \(usd)")
        #expect(Self.number(Self.computed(usd, "weighted")) == 355_000, "100,000 USD × 7.1 × 50%: \(usd)")
        let values = usd["values"] as? [String: Any]
        #expect(Self.number(values?["amount"]) == 710_000, "amount in CNY: \(usd)")

        let cents = try #require(Self.opportunity("opp-cents", in: plan))
        #expect(Self.number(Self.computed(cents, "probability")) == 30)
        let weighted = Self.number(Self.computed(cents, "weighted"))
        #expect(weighted.map { abs(NSDecimalNumber(decimal: $0 - Decimal(string: "2663.57")!).doubleValue) < 0.000_001 } == true,
                "1,250.50 USD × 7.1 × 30% = 2663.565 → 2663.57: \(cents)")

        let cny = try #require(Self.opportunity("opp-cny", in: plan))
        #expect(Self.number(Self.computed(cny, "probability")) == 80)
        #expect(Self.number(Self.computed(cny, "weighted")) == 1_920_000)
    }

    @Test func showUnknownID() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let root = try Fixture.workspace(["accounts/east/acme.md": Self.pipeline], in: temp)
        let result = try CLI.output(["show", "acm"], in: root)
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("did you mean 'acme'"), "\(result)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result)")
        #expect(result.stdout.isEmpty)
        // The start of a longer id, which no spelling distance reaches.
        let long = try Fixture.workspace(["accounts/harbour-city-land.md": Self.pipeline.replacingOccurrences(of: "name: Acme", with: "name: Harbour")],
                                         in: temp, under: "long")
        let start = try CLI.output(["show", "harbour"], in: long)
        #expect(start.status == 2 && start.stderr.contains("did you mean 'harbour-city-land'?"), "\(start)")
    }

    /// `acctplan help WORD` for no command printed the overview with exit 0 (a newcomer trial).
    @Test func helpForNoCommandIsAMistake() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let unknown = try CLI.output(["help", "nosuch"], in: temp.url)
        #expect(unknown.status == 2 && unknown.stdout.isEmpty, "\(unknown)")
        #expect(unknown.stderr == "acctplan: error: no command 'nosuch'; 'acctplan --help' lists the commands\n", "\(unknown)")
        let near = try CLI.output(["help", "rollpu"], in: temp.url)
        #expect(near.status == 2 && near.stderr.contains("(did you mean 'rollup'?)"), "\(near)")
        for known in [["help"], ["help", "lint"], ["help", "hooks", "install"], ["help", "help"]] {
            let help = try CLI.output(known, in: temp.url)
            #expect(help.status == 0 && help.stdout.hasPrefix("OVERVIEW: "), "\(known): \(help)")
        }
    }

    @Test func newAccountInTheTemplateLintsClean() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let root = temp.path("ws")
        try FileManager.default.copyItem(at: CLI.workspaceTemplate, to: root)
        let created = try CLI.output(["new", "account", "xinan-tobacco", "--industry", "tobacco", "--manager", "li-you"], in: root)
        #expect(created.status == 0, "\(created)")
        #expect(temp.exists("ws/accounts/xinan-tobacco.md"), "\(created)")
        #expect(created.stderr.isEmpty, "nothing to warn of: \(created)")
        // Misspelt references: the plan is written, and the author hears of them at once.
        let typo = try CLI.output(["new", "account", "acme-typo", "--industry", "tobaco", "--manager", "li-yoo"], in: root)
        #expect(typo.status == 0 && temp.exists("ws/accounts/acme-typo.md"), "\(typo)")
        #expect(typo.stderr == "acctplan: warning: industry 'tobaco' has no plan in industries/ (did you mean 'tobacco'?); 'acctplan lint' will warn until it has one\n"
                + "acctplan: warning: 'li-yoo' is not in people: of acctplan.yml (did you mean 'li-you'?); 'acctplan lint' will warn until it is\n", "\(typo)")
        try FileManager.default.removeItem(at: root.appendingPathComponent("accounts/acme-typo.md"))
        // The skeleton's tables carry the optional columns too: Offering for the whitespace map.
        let plan = try String(contentsOf: root.appendingPathComponent("accounts/xinan-tobacco.md"), encoding: .utf8)
        #expect(plan.contains("| Product | Modules | Since | Status | Offering |"), "\(plan)")
        #expect(plan.contains("| Probability | Close | Offering |"), "\(plan)")

        let lint = try CLI.output(["lint", "accounts/xinan-tobacco.md", "--format", "json"], in: root)
        #expect(lint.status == 0, "\(lint)")
        let errors = try JSON.diagnostics(lint.stdout).filter { $0.string("severity") == "error" }
        #expect(errors.isEmpty, "\(lint)")
        let show = try CLI.output(["show", "xinan-tobacco", "--format", "json"], in: root)
        let fields = (try JSON.object(show.stdout)["plan"] as? [String: Any])?["fields"] as? [String: Any]
        #expect(fields?.string("industry") == "tobacco", "\(show)")
        #expect(fields?.string("manager") == "li-you", "\(show)")
        #expect(fields?.string("stage") == "departmental", "the first stage by default: \(show)")
    }

    @Test func newIndustry() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let root = try Fixture.workspace(["accounts/a.md": Fixture.account()], in: temp)
        let created = try CLI.output(["new", "industry", "energy", "--owner", "li-you"], in: root)
        #expect(created.status == 0, "\(created)")
        #expect(temp.exists("industries/energy.md"))
        let lint = try CLI.output(["lint", "industries/energy.md", "--format", "json"], in: root)
        #expect(lint.status == 0, "\(lint)")
        #expect(try JSON.diagnostics(lint.stdout).filter { $0.string("severity") == "error" }.isEmpty, "\(lint)")
    }

    /// The hint of `unknown-reference` is a command that works once PERSON is filled in (it
    /// suggested `acctplan new industry ID`, which refuses without --owner: a newcomer trial).
    @Test func theUnknownReferenceHintIsACommandThatWorks() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let root = try Fixture.workspace(["accounts/a.md": Fixture.account(industry: "utilities")],
                                         in: temp)
        let lint = try CLI.output(["lint", "accounts/a.md"], in: root)
        let hint = try #require(lint.stdout.split(separator: "\n").first { $0.contains("add industries/utilities.md") }, "\(lint)")
        let command = try #require(hint.split(separator: "'").dropFirst().first.map(String.init), "\(hint)")
        #expect(command == "acctplan new industry utilities --owner PERSON", "\(hint)")
        let words = command.split(separator: " ").dropFirst().map { $0 == "PERSON" ? "li-you" : String($0) }
        let bare = try CLI.output(Array(words.dropLast(2)), in: root)
        #expect(bare.status == 2 && bare.stderr.contains("an industry plan needs --owner PERSON"), "\(bare)")
        let created = try CLI.output(words, in: root)
        #expect(created.status == 0, "\(created)")
        let again = try CLI.output(["lint", "accounts/a.md"], in: root)
        #expect(!again.stdout.contains("unknown-reference"), "\(again)")
    }

    @Test(arguments: [
        ["new", "account", "Bad_Id", "--industry", "tobacco", "--manager", "li-you"],
        ["new", "account", "acme", "--industry", "tobacco", "--manager", "li-you"],
        ["new", "account", "fresh", "--folder", "../../etc", "--industry", "tobacco", "--manager", "li-you"],
        ["new", "account", "fresh", "--folder", "ext", "--industry", "tobacco", "--manager", "li-you"],
        ["new", "account", "fresh", "--folder", "ext/sub", "--industry", "tobacco", "--manager", "li-you"],
        ["new", "account", "fresh", "--folder", "east/../../..", "--industry", "tobacco", "--manager", "li-you"],
        ["new", "industry", "tobacco", "--owner", "li-you"],
        // A line break in the name wrote front matter that did not parse (a newcomer trial).
        ["new", "account", "fresh", "--name", "Line1\nLine2", "--industry", "tobacco", "--manager", "li-you"],
        ["new", "account", "fresh", "--name", "Tab\u{0B}Co", "--industry", "tobacco", "--manager", "li-you"],
        // An empty name wrote `name: ""`, which lint passed (a newcomer trial).
        ["new", "account", "fresh", "--name", " ", "--industry", "tobacco", "--manager", "li-you"],
    ])
    func newRefuses(_ args: [String]) throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let root = try Fixture.workspace(["accounts/east/acme.md": Fixture.account()], in: temp, under: "ws")
        try temp.write(["outside/keep.txt": "outside the workspace\n"])
        try temp.symlink("ws/accounts/ext", to: temp.path("outside").path)
        let before = temp.allFiles()
        let outsideBefore = try FileManager.default.contentsOfDirectory(atPath: temp.path("outside").path).sorted()
        let acmeBefore = try String(contentsOf: temp.path("ws/accounts/east/acme.md"), encoding: .utf8)

        let result = try CLI.output(args, in: root)
        #expect(result.status == 2, "\(args): \(result)")
        #expect(!result.stderr.isEmpty && result.stderr.split(separator: "\n").count == 1, "one line saying why: \(result)")
        if args.contains("acme") { #expect(result.stderr.contains("an account plan 'acme' already exists"), "\(result)") }
        if args.contains("--name") {
            #expect(result.stderr.contains(args.contains(" ") ? "--name is empty" : "--name must be one line of text"), "\(result)")
        }
        #expect(temp.allFiles() == before, "no file created anywhere: \(args)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: temp.path("outside").path).sorted() == outsideBefore,
                "nothing created outside: \(args)")
        #expect(try String(contentsOf: temp.path("ws/accounts/east/acme.md"), encoding: .utf8) == acmeBefore)
    }

    static let coreRules = ["front-matter", "missing-field", "invalid-value", "unknown-field", "id-mismatch", "duplicate-id",
                            "duplicate-key", "duplicate-section", "unknown-stage", "unknown-reference", "unknown-person",
                            "unknown-currency", "stale-review", "overdue-action", "undated-action", "past-close",
                            "no-sponsor", "target-gap", "config", "outside-workspace"]

    @Test func rulesListsEveryRule() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let result = try CLI.output(["rules"], in: temp.url)
        #expect(result.status == 0, "works without a workspace: \(result)")
        let ids = Set(result.stdout.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) })
        for rule in Self.coreRules { #expect(ids.contains(rule), "\(rule) in: \(result.stdout)") }
    }

    @Test func rulesMarkdownMatchesCommittedDocs() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let result = try CLI.output(["rules", "--markdown"], in: temp.url)
        #expect(result.status == 0, "\(result)")
        for rule in Self.coreRules { #expect(result.stdout.contains("## \(rule)\n"), "\(rule)") }
        let committed = CLI.packageRoot().appendingPathComponent("docs/rules.md")
        if FileManager.default.fileExists(atPath: committed.path) {
            let text = try String(contentsOf: committed, encoding: .utf8)
            #expect(result.stdout == text, "docs/rules.md is out of date: regenerate it with `acctplan rules --markdown`")
        }
    }

    @Test func helpAndVersion() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let help = try CLI.output(["--help"], in: temp.url)
        #expect(help.status == 0, "\(help)")
        for command in ["lint", "show", "new", "rules"] { #expect(help.stdout.contains(command), "\(command): \(help)") }

        let lintHelp = try CLI.output(["lint", "--help"], in: temp.url)
        #expect(lintHelp.status == 0, "\(lintHelp)")
        for format in ["text", "json", "github", "sarif", "--strict", "--as-of", "--workspace"] {
            #expect(lintHelp.stdout.contains(format), "\(format): \(lintHelp)")
        }
        let version = try CLI.output(["--version"], in: temp.url)
        #expect(version.status == 0, "\(version)")
        #expect(version.stdout.contains(try Regex(#"\d+\.\d+\.\d+"#)), "\(version)")
    }
}
