import Foundation
import Testing

/// Parallel work never shows in the output: lint and rollup of a 300-plan workspace with a
/// history print the same bytes on one thread (`ACCTPLAN_THREADS=1`) as on all cores, every time
/// (the CI-sized version of `scripts/parallel-check`).
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

        // Three commits a month apart: stages move, plans come and go.
        let dates = ["2026-06-10T10:00:00+08:00", "2026-07-20T10:00:00+08:00", "2026-09-05T10:00:00+08:00"]
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
        }
        let first = try sandbox.gitOK(["rev-list", "--max-parents=0", "HEAD"], in: ws)

        let commands: [[String]] = [
            ["lint", "--format", "json"],
            ["lint"],
            ["rollup", "--format", "json"],
            ["rollup", "--by", "manager", "--format", "csv"],
            ["rollup", "--since", first, "--format", "json"],
            ["rollup", "--since", first, "--trend", "monthly", "--format", "json"],
        ]
        for command in commands {
            let args = command + ["--as-of", Fixture.asOf]
            let reference = try sandbox.acctplan(args, in: ws, extra: ["ACCTPLAN_THREADS": "1"])
            try #require(reference.status <= 1, "\(command): \(reference)")
            #expect(reference.stderr.isEmpty, "\(command): \(reference.stderr)")
            // All cores (one task per plan), and two workers taking plans in turn.
            for threads in ["", "2"] {
                let result = try sandbox.acctplan(args, in: ws, extra: threads.isEmpty ? [:] : ["ACCTPLAN_THREADS": threads])
                #expect(result.status == reference.status, "\(command), ACCTPLAN_THREADS=\(threads)")
                #expect(result.stdout == reference.stdout, "\(command), ACCTPLAN_THREADS=\(threads)")
                #expect(result.stderr == reference.stderr, "\(command), ACCTPLAN_THREADS=\(threads)")
            }
            if command == ["lint", "--format", "json"] {
                // Ordering matters only if there is something to order: findings in most plans.
                let paths = Set(try JSON.diagnostics(reference.stdout).compactMap { $0.string("path") })
                #expect(paths.count >= 250, "findings in \(paths.count) files")
            }
        }
    }
}
