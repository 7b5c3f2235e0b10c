import Foundation
import PlanEngine
import PlanGit
import PlanModel
import PlanServices
import Testing

@Suite struct RollupServiceTests {
    /// Acme departmental in January; industry-solution and Beta new in April; in July Acme
    /// integrates and Beta deepens.
    static func threeCommits() throws -> ScratchRepository {
        let repo = try ScratchRepository()
        try repo.write("accounts/acme.md", ScratchRepository.account("Acme"))
        try repo.commitAll("Acme", on: "2026-01-15")
        try repo.write("accounts/acme.md", ScratchRepository.account("Acme", stage: "industry-solution"))
        try repo.write("accounts/beta.md", ScratchRepository.account("Beta"))
        try repo.commitAll("Beta", on: "2026-04-15")
        try repo.write("accounts/acme.md", ScratchRepository.account("Acme", stage: "integration"))
        try repo.write("accounts/beta.md", ScratchRepository.account("Beta", stage: "industry-solution"))
        try repo.commitAll("July", on: "2026-07-15")
        return repo
    }

    @Test func theHistoryOverThreeCommitsHasTheMovesAndOneStageCountPerQuarterEnd() throws {
        let repo = try Self.threeCommits()
        defer { repo.remove() }
        var warnings: [ServiceWarning] = []
        let result = try RollupService.rollup(workspace: repo.root.path, at: .workingTree, by: nil, since: "2026-02-01",
                                              trend: .quarterly, asOf: CalendarDate(year: 2026, month: 9, day: 30)!,
                                              warn: { warnings.append($0) })
        #expect(warnings.isEmpty)
        #expect(result.rollup.total.accounts == 2)
        let history = try #require(result.history)
        // The moves are those since the last commit on or before the date: January's.
        #expect(history.sinceDate == CalendarDate(year: 2026, month: 2, day: 1))
        #expect(history.sinceRevision == (try repo.git("rev-parse", "HEAD~2")))
        let transitions = (history.transitions ?? []).map { "\($0.account): \($0.from ?? "-") -> \($0.to ?? "-")" }
        #expect(transitions.sorted() == ["acme: departmental -> integration", "beta: - -> industry-solution"])
        let trend = try #require(history.trend)
        #expect(trend.map(\.date.description) == ["2026-03-31", "2026-06-30", "2026-09-30"])
        let counts = trend.map { point in point.stageCounts.map { "\($0.stage)=\($0.count)" }.joined(separator: " ") }
        #expect(counts == [
            "departmental=1 industry-solution=0 integration=0",
            "departmental=1 industry-solution=1 integration=0",
            "departmental=0 industry-solution=1 integration=1",
        ])
    }

    @Test func aSinceDateBeforeTheHistoryIsAWarningNotAnError() throws {
        let repo = try Self.threeCommits()
        defer { repo.remove() }
        var warnings: [ServiceWarning] = []
        let result = try RollupService.rollup(workspace: repo.root.path, at: .revision("HEAD~1"), by: nil, since: "2025-06-30",
                                              trend: nil, asOf: ScratchRepository.asOf, warn: { warnings.append($0) })
        #expect(result.rollup.total.accounts == 2)
        #expect(warnings == [ServiceWarning("--since 2025-06-30 is before the history starts on 2026-01-15: every account is counted as new",
                                            hint: "give a date from 2026-01-15 on, or a revision")])
    }

    @Test func aSinceDateAfterTheAsOfDateIsRefused() throws {
        let repo = try Self.threeCommits()
        defer { repo.remove() }
        #expect(throws: ToolFailure.self) {
            try RollupService.rollup(workspace: repo.root.path, at: .workingTree, by: nil, since: "2027-01-01", trend: nil,
                                     asOf: ScratchRepository.asOf)
        }
    }
}

@Suite struct FormatServiceTests {
    @Test func checkReportsWhatItWouldRewriteAndWritesNothing() throws {
        let repo = try ScratchRepository()
        defer { repo.remove() }
        // Columns not aligned, a key out of order: not in canonical form.
        let untidy = ScratchRepository.account("Acme").replacingOccurrences(of: "| Zhou Ming | decision-maker |",
                                                                             with: "| Zhou Ming  |  decision-maker |")
        try repo.write("accounts/acme.md", untidy)
        try repo.write("accounts/broken.md", ScratchRepository.account("Broken") + "<<<<<<< HEAD\nx\n=======\ny\n>>>>>>> other\n")

        let checked = try FormatService.format(paths: [], check: true, workspace: repo.root.path)
        let outcomes = Dictionary(uniqueKeysWithValues: checked.files.map { ($0.path, "\($0.outcome)") })
        #expect(outcomes["accounts/acme.md"] == "wouldChange")
        #expect(outcomes["accounts/broken.md"]?.hasPrefix("conflicted(") == true)
        #expect(outcomes["industries/tobacco.md"] == "unchanged")
        #expect((checked.plans, checked.changed, checked.written, checked.failed) == (3, 1, 0, 1))
        #expect(try repo.read("accounts/acme.md") == untidy)

        let written = try FormatService.format(paths: [repo.root.appendingPathComponent("accounts/acme.md").path], check: false,
                                               workspace: repo.root.path)
        #expect(written.files.map(\.path) == ["accounts/acme.md"])
        #expect((written.changed, written.written, written.failed) == (1, 1, 0))
        #expect(try repo.read("accounts/acme.md") != untidy)
        let again = try FormatService.format(paths: [repo.root.appendingPathComponent("accounts").path], check: true,
                                             workspace: repo.root.path)
        #expect(again.files.filter { $0.outcome.changes }.isEmpty)
    }

    @Test func aPathWithNoPlansIsRefused() throws {
        let repo = try ScratchRepository()
        defer { repo.remove() }
        try FileManager.default.createDirectory(at: repo.root.appendingPathComponent("segments"), withIntermediateDirectories: true)
        #expect(throws: ToolFailure.self) {
            try FormatService.format(paths: [repo.root.appendingPathComponent("segments").path], check: true,
                                     workspace: repo.root.path)
        }
    }
}

@Suite struct CommitServiceTests {
    @Test func theLintGateRefusesAPlanWithAnErrorAndChangesNothing() throws {
        let repo = try ScratchRepository()
        defer { repo.remove() }
        try repo.write("accounts/acme.md", ScratchRepository.account("Acme"))
        let head = try repo.commitAll("Acme")
        try repo.write("accounts/bad.md", ScratchRepository.account("Bad", stage: "industy-solution"))
        var request = CommitService.Request(message: "Bad", asOf: ScratchRepository.asOf)
        request.paths = [repo.root.appendingPathComponent("accounts/bad.md").path]
        request.workspace = repo.root.path

        guard case .refused(let report) = try CommitService.commit(request) else {
            Issue.record("a tree with a lint error was committed")
            return
        }
        #expect(report.diagnostics.filter { $0.severity == .error }.map(\.path) == ["accounts/bad.md"])
        #expect(try repo.git("rev-parse", "HEAD") == head)
        #expect(try repo.git("status", "--porcelain") == "?? accounts/bad.md")

        // Fixed, the same request commits, with the plan's summary line in the message.
        try repo.write("accounts/bad.md", ScratchRepository.account("Bad", stage: "industry-solution"))
        guard case .committed(let committed) = try CommitService.commit(request) else {
            Issue.record("a clean tree was not committed")
            return
        }
        #expect(committed.branch == "main")
        #expect(try repo.git("rev-parse", "HEAD") == committed.commit.description)
        #expect(committed.summary == ["bad: new account plan"])
        #expect(try repo.git("log", "-1", "--format=%B") == "Bad\n\nbad: new account plan")
        #expect(try CommitService.commit(request).isNothingToCommit)
    }
}

extension CommitService.Outcome {
    var isNothingToCommit: Bool { if case .nothingToCommit = self { true } else { false } }
}

@Suite struct NewAndInitServiceTests {
    @Test func newWritesTheSkeletonOnceAndRefusesAnUnknownStage() throws {
        let repo = try ScratchRepository()
        defer { repo.remove() }
        var request = NewPlanService.Request(kind: .account, id: "xinan-tobacco", today: ScratchRepository.asOf)
        (request.industry, request.manager, request.folder, request.workspace) = ("tobacco", "li-you", "west", repo.root.path)
        #expect(try NewPlanService.create(request) == "accounts/west/xinan-tobacco.md")
        let text = try repo.read("accounts/west/xinan-tobacco.md")
        #expect(text.contains("name: Xinan Tobacco\n") && text.contains("stage: departmental\n"))
        // The id is taken now, in any sub-folder.
        request.folder = nil
        #expect(throws: ToolFailure.self) { try NewPlanService.create(request) }

        var misspelt = NewPlanService.Request(kind: .account, id: "east-power", today: ScratchRepository.asOf)
        (misspelt.industry, misspelt.manager, misspelt.stage, misspelt.workspace) = ("tobacco", "li-you", "integraton", repo.root.path)
        do {
            _ = try NewPlanService.create(misspelt)
            Issue.record("an unknown stage was written")
        } catch let failure as ToolFailure {
            #expect(failure.message == "unknown lifecycle stage 'integraton' (did you mean 'integration'?); "
                + "stages are: departmental, industry-solution, integration")
        }
        #expect(!FileManager.default.fileExists(atPath: repo.root.appendingPathComponent("accounts/east-power.md").path))
    }

    @Test func initWritesTheFilesAndCommitsThemInASubFolderOfARepository() throws {
        let repo = try ScratchRepository()
        defer { repo.remove() }
        // An existing folder of the repository (a missing one is looked for from the current directory).
        let folder = repo.root.appendingPathComponent("plans").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let files = [(path: "acctplan.yml", content: ScratchRepository.config),
                     (path: "industries/tobacco.md", content: ScratchRepository.tobacco)]
        let created = try InitService.create(in: folder, files: files)
        #expect(try repo.git("rev-parse", "HEAD") == created.commit.description)
        #expect(try repo.git("show", "--name-only", "--format=%s", "HEAD").split(separator: "\n")
            == ["Create acctplan workspace", "plans/acctplan.yml", "plans/industries/tobacco.md"])
        // A second time: refused, nothing changed.
        #expect(throws: ToolFailure.self) { try InitService.create(in: folder, files: files) }
        #expect(try repo.git("rev-parse", "HEAD") == created.commit.description)
    }
}
