import Foundation
import Testing

/// `acctplan query` with the real binary on a workspace from `acctplan init` (issue 16).
struct QueryEndToEndTests {
    static func workspace(_ sandbox: GitSandbox) throws -> URL { try sandbox.templateWorkspace() }

    /// A workspace from `acctplan init` with `views` (`name: "line"` entries) added to the
    /// template's `views:` mapping, which ends its acctplan.yml; returns it and the new text.
    static func workspace(_ sandbox: GitSandbox, views: [String]) throws -> (URL, String) {
        let ws = try workspace(sandbox)
        let config = ws.appendingPathComponent("acctplan.yml")
        let text = try String(contentsOf: config, encoding: .utf8) + views.map { "  \($0)\n" }.joined()
        try text.write(to: config, atomically: true, encoding: .utf8)
        return (ws, text)
    }

    @Test func questionOneOpenDealsClosingThisQuarterBiggestFirstWithTheWeightedTotal() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let ws = try Self.workspace(sandbox)
        let query = ["query", "opportunities", "open:yes", "close:thisquarter", "--sort", "-amount", "--sum", "weighted", "--as-of", "2026-12-04"]
        let text = try sandbox.acctplan(query, in: ws)
        #expect(text.status == 0, "\(text)")
        // Quarter October–December 2026 (the template's fiscal year starts in January).
        let rows = text.stdout.split(separator: "\n").dropFirst().prefix(3).map { $0.split(separator: " ").first.map(String.init) ?? "" }
        #expect(rows == ["huaxia-power", "shanghai-tobacco", "harbour-city-land"], "\(text)")
        #expect(text.stdout.contains("accounts/huaxia-power.md:49"), "\(text)")
        // 4.8M × 75% + 2.4M × 80% + 450k × 55% = 3,600,000 + 1,920,000 + 247,500.
        #expect(text.stdout.hasSuffix("\n3 rows; total weighted 5,767,500\n"), "\(text)")

        let json = try sandbox.acctplan(query + ["--format", "json"], in: ws)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["version"] as? Int == 1 && object["entity"] as? String == "opportunities")
        #expect(object["query"] as? String == "open:yes close:thisquarter")
        let first = try #require((object["rows"] as? [[String: Any]])?.first)
        #expect(first["account"] as? String == "huaxia-power" && first["path"] as? String == "accounts/huaxia-power.md" && first["line"] as? Int == 49)
        #expect(first["amount"] as? Int == 4_800_000 && first["close"] as? String == "2026-12-22" && first["probability"] as? Int == 75)
        #expect((object["totals"] as? [String: Any])?["weighted"] as? Int == 5_767_500)

        let csv = try sandbox.acctplan(query + ["--format", "csv", "--columns", "id,amount"], in: ws)
        #expect(csv.stdout.hasPrefix("account,path,line,id,amount,weighted\r\nhuaxia-power,accounts/huaxia-power.md,49,opp-plant-maintenance,\"4,800,000\",\"3,600,000\"\r\n"), "\(csv)")
    }

    @Test func theHealthScoreIsAFieldAndAgreesWithScore() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let ws = try Self.workspace(sandbox)
        let query = try sandbox.acctplan(["query", "accounts", "--columns", "id,score,band", "--format", "json", "--as-of", "2026-11-29"], in: ws)
        let score = try sandbox.acctplan(["score", "--format", "json", "--as-of", "2026-11-29"], in: ws)
        let rows = try #require((try JSONSerialization.jsonObject(with: Data(query.stdout.utf8)) as? [String: Any])?["rows"] as? [[String: Any]])
        let accounts = try #require((try JSONSerialization.jsonObject(with: Data(score.stdout.utf8)) as? [String: Any])?["accounts"] as? [[String: Any]])
        #expect(rows.count == 6 && accounts.count == 6)
        for account in accounts {
            let row = try #require(rows.first { $0["id"] as? String == account["id"] as? String })
            #expect(row["score"] as? Int == account["score"] as? Int && row["band"] as? String == account["band"] as? String, "\(row) \(account)")
        }
        // As a term: the template's accounts all score 70 or more.
        let weak = try sandbox.acctplan(["query", "accounts", "score:<70", "--as-of", "2026-11-29"], in: ws)
        #expect(weak.stdout.hasSuffix("\n0 rows\n"), "\(weak)")
    }

    @Test func aMistakeExitsTwoWithOneLineNamingItAndTheNearestChoice() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let ws = try Self.workspace(sandbox)
        let unknown = try sandbox.acctplan(["query", "opportunities", "amout:>1M"], in: ws)
        #expect(unknown.status == 2)
        #expect(unknown.stdout.isEmpty)
        #expect(unknown.stderr.hasPrefix("acctplan: error: unknown field 'amout'; did you mean 'amount'?\n  hint: fields: id, name, stage, amount,"), "\(unknown)")
        let entity = try sandbox.acctplan(["query", "deals"], in: ws)
        #expect(entity.status == 2 && entity.stderr.contains("unknown entity 'deals'"), "\(entity)")
        // A negative limit is a value to refuse with the reason, not "a missing value" (a
        // newcomer trial).
        let negative = try sandbox.acctplan(["query", "opportunities", "--limit", "-1"], in: ws)
        #expect(negative.status == 2 && negative.stderr == "acctplan: error: --limit -1: the limit must be 0 or more\n", "\(negative)")
    }

    /// `name:`, `name:~` and a reversed range passed nothing and printed "0 rows", which read as
    /// an answer (a newcomer trial): each is a usage error (exit 2) saying what to write.
    @Test(arguments: [
        (["opportunities", "name:"], "acctplan: error: 'name:' has no value after its ':'\n"
            + "  hint: write the value to look for, e.g. name:word; not:has:name lists the rows without one\n"),
        (["opportunities", "name:~"], "acctplan: error: 'name:~' has no text after its '~'\n  hint: write the text to look for, e.g. name:~word\n"),
        (["opportunities", "amount:5M..1M"], "acctplan: error: the range 'amount:5M..1M' is reversed: 5M is more than 1M\n"
            + "  hint: did you mean 'amount:1M..5M'?\n"),
        (["opportunities", "close:2027Q1..2026Q4"], "acctplan: error: the range 'close:2027Q1..2026Q4' is reversed: 2027Q1 is after 2026Q4\n"
            + "  hint: did you mean 'close:2026Q4..2027Q1'?\n"),
        (["opportunities", "probability:>150"], "acctplan: error: 'probability:>150' can match nothing: probability runs from 0 to 100\n"
            + "  hint: write a value from 0 to 100, e.g. probability:>=50\n"),
    ])
    func aTermThatCanPassNothingIsAUsageError(arguments: [String], stderr: String) throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let ws = try Self.workspace(sandbox)
        let result = try sandbox.acctplan(["query"] + arguments + ["--lang", "en"], in: ws)
        #expect(result.status == 2 && result.stdout.isEmpty && result.stderr == stderr, "\(result)")
    }

    @Test func groupsWithSubtotalsInMarkdownForAPullRequest() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let ws = try Self.workspace(sandbox)
        let won = try sandbox.acctplan(["query", "opportunities", "won:yes", "close:thisyear", "--by", "account.manager", "--sum", "amount",
                                        "--format", "markdown", "--as-of", "2026-12-04"], in: ws)
        #expect(won.status == 0, "\(won)")
        #expect(won.stdout.contains("### account.manager: zhang-min\n\n| account | id |"), "\(won)")
        #expect(won.stdout.contains("Subtotal: amount **1,750,000**"), "\(won)")
        #expect(won.stdout.hasSuffix("Total: amount **2,950,000**\n"), "\(won)")
    }
}

/// docs/query.md stays true: its twelve questions run on the template, and it names every field.
struct QueryDocumentationTests {
    static let doc: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return (try? String(contentsOf: root.appendingPathComponent("docs/query.md"), encoding: .utf8)) ?? ""
    }()

    @Test func theTwelveQuestionsRunOnTheTemplate() throws {
        let commands = Self.doc.split(separator: "\n").compactMap { line -> String? in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("`acctplan query "), trimmed.hasSuffix("`") else { return nil }
            return String(trimmed.dropFirst().dropLast())
        }
        #expect(commands.count == 12)
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let ws = try QueryEndToEndTests.workspace(sandbox)
        for command in commands {
            // Split like a shell would for these lines: single quotes group words.
            var words: [String] = [], current = "", quoted = false
            for character in command.dropFirst("acctplan ".count) {
                if character == "'" { quoted.toggle() } else if character == " " && !quoted { words.append(current); current = "" } else { current.append(character) }
            }
            words.append(current)
            let run = try sandbox.acctplan(words + ["--as-of", "2026-12-04"], in: ws)
            #expect(run.status == 0 && run.stderr.isEmpty, "\(command): \(run)")
        }
    }

    @Test func everyFieldOfEveryEntityIsDocumented() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let ws = try QueryEndToEndTests.workspace(sandbox)
        for entity in ["accounts", "opportunities", "actions", "stakeholders", "moments", "installed-base", "industries", "segments"] {
            // The hint of an unknown field lists them all.
            let run = try sandbox.acctplan(["query", entity, "nosuchfield:1"], in: ws)
            let hint = try #require(run.stderr.split(separator: "\n").first { $0.contains("hint: fields: ") })
            let fields = hint.components(separatedBy: "hint: fields: ")[1].components(separatedBy: ", ")
            // Custom fields (the template declares one) are the workspace's own, not the format's.
            let config = try String(contentsOf: ws.appendingPathComponent("acctplan.yml"), encoding: .utf8)
            for field in fields where !field.hasPrefix("account.") && !config.contains("\n  \(field):") {
                #expect(Self.doc.contains("`\(field)`"), "docs/query.md does not name the \(entity) field `\(field)`")
            }
        }
    }
}

/// Saved views: `views:` in acctplan.yml, `acctplan query @name`.
struct QueryViewTests {
    @Test func aViewRunsWithTermsAddedAndOptionsReplaced() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let (ws, text) = try QueryEndToEndTests.workspace(sandbox, views: [
            "closing: \"opportunities open:yes close:thisquarter --sort -amount --sum weighted\"",
            "big: \"opportunities 'amount:>=CNY 4.8M'\"", "broken: \"opportunities --limit many\"", "nested: \"@closing\"",
            "pinned: \"actions --rev HEAD~1\"", "shown: \"actions overdue:yes --format=markdown\"",
        ])
        let config = ws.appendingPathComponent("acctplan.yml")

        let closing = try sandbox.acctplan(["query", "@closing", "--as-of", "2026-12-04"], in: ws)
        #expect(closing.status == 0 && closing.stdout.hasSuffix("3 rows; total weighted 5,767,500\n"), "\(closing)")
        // A term added on the command line narrows the view; --format replaces the view's (text).
        let narrowed = try sandbox.acctplan(["query", "@closing", "account.manager:li-you", "--format", "csv", "--as-of", "2026-12-04"], in: ws)
        #expect(narrowed.status == 0, "\(narrowed)")
        #expect(narrowed.stdout.split(separator: "\r\n").count == 2 && narrowed.stdout.contains("opp-consolidation"), "\(narrowed)")
        // Quotes group a term with a space, as in a shell.
        let big = try sandbox.acctplan(["query", "@big", "--columns", "id"], in: ws)
        #expect(big.stdout.contains("opp-plant-maintenance") && big.stdout.contains("opp-mes-integration") && big.stdout.contains("4 rows"), "\(big)")

        let unknown = try sandbox.acctplan(["query", "@closng"], in: ws)
        #expect(unknown.status == 2 && unknown.stderr.contains("unknown view 'closng'; did you mean 'closing'?"), "\(unknown)")
        let broken = try sandbox.acctplan(["query", "@broken"], in: ws)
        #expect(broken.status == 2 && broken.stderr.contains("view 'broken' (acctplan.yml:") && broken.stderr.contains("many"), "\(broken)")
        let nested = try sandbox.acctplan(["query", "@nested"], in: ws)
        #expect(nested.status == 2 && nested.stderr.contains("cannot run another view"), "\(nested)")
        let pinned = try sandbox.acctplan(["query", "@pinned"], in: ws)
        #expect(pinned.status == 2 && pinned.stderr.contains("--rev names a version of the plans"), "\(pinned)")
        // The view's own --format, unless the command line gives one.
        let shown = try sandbox.acctplan(["query", "@shown", "--as-of", "2026-12-04"], in: ws)
        #expect(shown.status == 0 && shown.stdout.hasPrefix("**actions** `overdue:yes`"), "\(shown)")
        // A view name that is not an id is a config error of lint, with its line.
        try (text + "  Bad View: \"actions\"\n").write(to: config, atomically: true, encoding: .utf8)
        let lint = try sandbox.acctplan(["lint", "acctplan.yml"], in: ws)
        #expect(lint.stdout.contains("'Bad View' is not a valid view name"), "\(lint)")
    }
}

/// `acctplan report` writes a page per saved view, linked from the dashboard.
struct QueryViewReportTests {
    @Test func eachViewGetsAPageWithItsRowsAndTotals() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let (ws, _) = try QueryEndToEndTests.workspace(sandbox, views: [
            "closing: \"opportunities open:yes close:thisquarter --sort -amount --sum weighted\"",
            "by-owner: \"actions overdue:yes --by owner\"", "broken: \"opportunities amout:>1M\"",
        ])
        let output = sandbox.temp.path("site")
        let report = try sandbox.acctplan(["report", "-o", output.path, "--as-of", "2026-12-04"], in: ws)
        #expect(report.status == 0, "\(report)")
        let index = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("<h2>Saved views</h2>") && index.contains("href=\"views/closing.html\""), "the dashboard links the views")
        let closing = try String(contentsOf: output.appendingPathComponent("views/closing.html"), encoding: .utf8)
        #expect(closing.contains("<a href=\"../accounts/huaxia-power.html\">"), "rows link their accounts")
        #expect(closing.contains("<code>accounts/huaxia-power.md:49</code>"))
        #expect(closing.contains("3 rows; total weighted 5,767,500."))
        // The first row is the biggest deal.
        let first = try #require(closing.range(of: "opp-plant-maintenance")), second = try #require(closing.range(of: "opp-consolidation"))
        #expect(first.lowerBound < second.lowerBound)
        let grouped = try String(contentsOf: output.appendingPathComponent("views/by-owner.html"), encoding: .utf8)
        #expect(grouped.contains("<h2>owner: liu-yang (1)</h2>") && grouped.contains("<h2>owner: zhang-min (1)</h2>"))
        // A wrong view is shown on its page, with its line; the rest of the report is written.
        let broken = try String(contentsOf: output.appendingPathComponent("views/broken.html"), encoding: .utf8)
        #expect(broken.contains("unknown field &#39;amout&#39;; did you mean &#39;amount&#39;?") || broken.contains("unknown field &apos;amout&apos;"), "\(broken)")
        #expect(broken.contains("acctplan.yml:"))
    }
}
