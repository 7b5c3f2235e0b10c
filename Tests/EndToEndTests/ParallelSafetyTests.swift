import Foundation
import Testing

/// Parallel work never shows in the output: lint, rollup and report of a 300-plan workspace in
/// sub-folders, with a history that has a back-dated commit, print (and write) the same bytes on
/// one thread (`ACCTPLAN_THREADS=1`) as on 2, 3, 8 and all cores, every time (the CI-sized
/// version of `scripts/parallel-check`).
struct ParallelSafetyTests {
    static let people = ["li-you", "wang-fang", "zhou-jie", "chen-hao"]
    static let industries = ["tobacco", "power", "retail", "steel", "banking"]
    static let segments = ["installed-base", "new-logo", "strategic"]
    static let stages = ["departmental", "industry-solution", "integration"]

    static let config = """
        version: 1
        currency: CNY
        fx: {USD: 7.1}
        people:
        \(people.map { "  \($0): {name: \($0)}" }.joined(separator: "\n"))

        """

    static func groupPlan(_ id: String, target: Int) -> String {
        "---\nname: \(id)\nowner: li-you\nreviewed: 2026-11-01\ntargets:\n  revenue: CNY \(target)M\n---\n# \(id)\n"
    }

    /// Account `index`, with a different mix of findings in most plans: misspelt stages and
    /// people, stale reviews, unknown references, overdue and undated actions, past closes.
    static func account(_ index: Int, stageShift: Int = 0) -> String {
        let stage = index % 7 == 0 ? "industy-solution" : stages[(index + stageShift) % stages.count]
        let manager = index % 5 == 0 ? "wang-fng" : people[index % people.count]
        let reviewed = index % 3 == 0 ? "2025-06-01" : "2026-11-0\(1 + index % 9)"
        let segment = index % 13 == 0 ? "no-such-segment" : segments[index % segments.count]
        var opportunities = ""
        for number in 0..<(index % 4) {
            let close = (index + number) % 2 == 0 ? "2026-0\(1 + number)-15" : "2027-0\(1 + number)-15"
            opportunities += "| opp-\(number) | Deal \(number) | \(number % 2 == 0 ? "develop" : "propose") | CNY \(index % 9 + 1).\(number)M | | \(close) |\n"
        }
        var actions = ""
        for number in 0..<(index % 5) {
            let date = number % 2 == 0 ? "2026-10-\(10 + number) " : ""
            actions += "- [\(number == 3 ? "x" : " ")] \(date)@\(people[(index + number) % people.count]) Step \(number) #opp-\(number)\n"
        }
        return """
            ---
            name: Account \(index)
            industry: \(industries[index % industries.count])
            segments: [\(segment)]
            stage: \(stage)
            manager: \(manager)
            reviewed: \(reviewed)
            revenue_target: CNY \(index % 17 + 1)M
            health: \(["green", "yellow", "red"][index % 3])
            ---
            # Account \(index)

            ## Stakeholders

            | Name | Role |
            | --- | --- |
            | Person \(index) | \(index % 4 == 0 ? "user" : "sponsor") |

            ## Opportunities

            | ID | Name | Stage | Amount | Probability | Close |
            | --- | --- | --- | --- | --- | --- |
            \(opportunities)
            ## Actions

            \(actions)
            """
    }

    /// Plans spread over folders; every 30th id appears in two folders (a duplicate-id error).
    static func path(_ index: Int) -> String {
        let folder = ["east", "west", "north", "south/coast", ""][index % 5]
        let id = index % 30 == 29 ? "account-\(index - 1)" : "account-\(index)"
        return folder.isEmpty ? "accounts/\(id).md" : "accounts/\(folder)/\(id).md"
    }

    @Test func lintAndRollupPrintTheSameBytesOnOneThreadAndOnAllCores() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let ws = sandbox.temp.path("ws")
        var files = ["acctplan.yml": Self.config]
        for (number, id) in Self.industries.enumerated() { files["industries/\(id).md"] = Self.groupPlan(id, target: 400 + number) }
        for id in Self.segments { files["segments/\(id).md"] = Self.groupPlan(id, target: 600) }
        for index in 0..<300 { files[Self.path(index)] = Self.account(index) }
        try sandbox.temp.write(files, under: "ws")
        try sandbox.gitOK(["init", "-q"], in: ws)

        // Four commits: stages move, plans come and go. The third is back-dated (older than the
        // second), as history rewritten or committed late is: a date picks the first commit on
        // or before it in first-parent order, never an order that depends on timing.
        let dates = ["2026-06-10T10:00:00+08:00", "2026-08-20T10:00:00+08:00", "2026-07-05T10:00:00+08:00",
                     "2026-09-05T10:00:00+08:00"]
        var commits: [String] = []
        for (step, date) in dates.enumerated() {
            if step > 0 {
                for index in stride(from: step, to: 300, by: 4) {
                    try GitFixture.write(Self.account(index, stageShift: step), to: Self.path(index), in: ws)
                }
                for index in 0..<10 { try? FileManager.default.removeItem(at: ws.appendingPathComponent(Self.path(step * 40 + index))) }
                for index in 0..<10 { try GitFixture.write(Self.account(300 + step * 10 + index), to: Self.path(300 + step * 10 + index), in: ws) }
            }
            let env = ["GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date]
            for args in [["add", "-A"], ["commit", "-q", "-m", "step \(step)"]] {
                let result = try Launched(GitSandbox.gitExecutable, ["-C", ws.path] + args, in: sandbox.temp.url,
                                          environment: sandbox.environment(extra: env)).wait()
                try #require(result.status == 0, "git \(args.joined(separator: " ")): \(result)")
            }
            commits.append(try sandbox.head(ws))
        }
        let first = commits[0]

        let commands: [[String]] = [
            ["lint", "--format", "json"],
            ["lint"],
            ["rollup", "--format", "json"],
            ["rollup", "--by", "manager", "--format", "csv"],
            ["rollup", "--since", first, "--format", "json"],
            ["rollup", "--since", first, "--trend", "monthly", "--format", "json"],
            // Dates over the back-dated history: 08-01 picks the third commit, 06-15 the first;
            // the monthly trend reads the first, third (twice) and fourth.
            ["rollup", "--since", "2026-08-01", "--format", "json"],
            ["rollup", "--since", "2026-06-15"],
            ["rollup", "--since", "2026-06-10", "--trend", "monthly", "--format", "json"],
            ["report", "--since", "2026-08-01", "--trend", "monthly", "--output", "../report"],
        ]
        // One run, and everything it printed and wrote (for `report`, every page) as one text.
        func run(_ args: [String], threads: String) throws -> (result: CLI.Output, all: String) {
            // Every report into a new folder: one written again keeps pages (and says so).
            if args.first == "report" { try? FileManager.default.removeItem(at: sandbox.temp.path("report")) }
            let result = try sandbox.acctplan(args, in: ws, extra: threads.isEmpty ? [:] : ["ACCTPLAN_THREADS": threads])
            var all = "exit \(result.status)\n== stdout\n\(result.stdout)\n== stderr\n\(result.stderr)\n"
            if args.first == "report" {
                let folder = sandbox.temp.path("report")
                // (The keys file records the files' time stamps and inodes.)
                for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where name != ".acctplan-report-keys" {
                    all += "== \(name)\n" + ((try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? "")
                }
            }
            return (result, all)
        }
        for command in commands {
            let args = command + ["--as-of", Fixture.asOf]
            let (reference, expected) = try run(args, threads: "1")
            try #require(reference.status <= 1, "\(command): \(reference)")
            #expect(reference.stderr.isEmpty, "\(command): \(reference.stderr)")
            // All cores (one task per plan), and two, three and eight workers taking plans in turn.
            for threads in ["", "2", "3", "8"] {
                #expect(try run(args, threads: threads).all == expected, "\(command), ACCTPLAN_THREADS=\(threads)")
            }
            if command == ["rollup", "--since", "2026-06-10", "--trend", "monthly", "--format", "json"] {
                let object = try JSON.object(reference.stdout)
                #expect((object["since"] as? [String: Any])?.string("revision") == commits[0], "\(object)")
                let points = (object["trend"] as? [[String: Any]] ?? []).map { $0.string("revision") ?? "null" }
                #expect(points == [0, 2, 2, 3, 3].map { commits[$0] }, "June, July, August (the back-dated third), then the fourth")
            }
            if command == ["lint", "--format", "json"] {
                // Ordering matters only if there is something to order: findings in most plans.
                let paths = Set(try JSON.diagnostics(reference.stdout).compactMap { $0.string("path") })
                #expect(paths.count >= 250, "findings in \(paths.count) files")
            }
        }
    }
}
