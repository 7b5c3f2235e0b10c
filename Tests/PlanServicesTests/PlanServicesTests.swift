import Foundation
import PlanEngine
import PlanGit
import PlanModel
import PlanServices
import PlanWorkspace
import Testing

/// The use cases, called in process on real repositories: no binary is spawned.
@Suite struct WorkspaceOpeningTests {
    @Test func theWorkingTreeTheIndexAndARevisionEachGiveTheirOwnPlans() throws {
        let repo = try ScratchRepository()
        defer { repo.remove() }
        try repo.write("accounts/acme.md", ScratchRepository.account("Acme", stage: "departmental"))
        let first = try repo.commitAll("Acme")
        try repo.write("accounts/acme.md", ScratchRepository.account("Acme", stage: "industry-solution"))
        try repo.git("add", "accounts/acme.md")
        try repo.write("accounts/acme.md", ScratchRepository.account("Acme", stage: "integration"))
        try repo.write("accounts/new.md", ScratchRepository.account("New"))

        func stages(_ choice: PlanSourceChoice) throws -> [String: String] {
            let workspace = try OpenedWorkspace.open(workspace: repo.root.path, at: choice).load()
            let accounts = workspace.plans.filter { $0.kind == .account }
            return Dictionary(uniqueKeysWithValues: accounts.map { ($0.id, $0.header.stage?.value ?? "") })
        }
        #expect(try stages(.workingTree) == ["acme": "integration", "new": "departmental"])
        #expect(try stages(.index) == ["acme": "industry-solution"])
        #expect(try stages(.revision(first)) == ["acme": "departmental"])
        #expect(try stages(.revision("HEAD")) == ["acme": "departmental"])
        let opened = try OpenedWorkspace.open(workspace: repo.root.path, at: .revision("HEAD"))
        #expect(opened.revision?.description == first)
    }

    @Test func anUnknownRevisionIsAUserFacingErrorNamingIt() throws {
        let repo = try ScratchRepository()
        defer { repo.remove() }
        try repo.commitAll("Empty workspace")
        #expect {
            _ = try OpenedWorkspace.open(workspace: repo.root.path, at: .revision("no-such-branch"))
        } throws: { error in
            let failure = error as? any UserFacingError
            return failure?.message.hasPrefix("unknown revision 'no-such-branch': no commit of that name in ") == true
                && failure?.exitStatus == 2
        }
    }

    @Test func aWorkspaceFolderThatIsNotThereIsAUserFacingErrorWithTheLocatorsMessage() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("planservices-\(UUID().uuidString)").path
        do {
            _ = try LintService.lint(workspace: missing, at: .workingTree, paths: [], asOf: ScratchRepository.asOf,
                                     repositoryPaths: false)
            Issue.record("a folder that does not exist was linted")
        } catch let error as WorkspaceError {
            let failure: any UserFacingError = error
            #expect(failure.message == "'\(missing)' is not a directory")
            #expect(failure.hint == nil && failure.exitStatus == 2)
        }
    }
}

@Suite struct DiffAndLogServiceTests {
    @Test func theDiffBetweenTwoRevisionsNamesTheStageMoveAndTheNewPlan() throws {
        let repo = try ScratchRepository()
        defer { repo.remove() }
        try repo.write("accounts/acme.md", ScratchRepository.account("Acme"))
        let first = try repo.commitAll("Acme")
        try repo.write("accounts/acme.md", ScratchRepository.account("Acme", stage: "industry-solution"))
        try repo.write("accounts/beta.md", ScratchRepository.account("Beta"))
        let second = try repo.commitAll("Acme moves, Beta is new")

        let result = try DiffService.compare([first, second], staged: false, workspace: repo.root.path)
        #expect(result.changes.map(\.id) == ["acme", "beta"])
        #expect(result.changes.map(\.status) == [.modified, .added])
        #expect(result.changes[0].fields.map(\.name) == ["stage"])
        #expect((result.from, result.to) == (first, second))
        #expect(result.fromText == first, "a revision given as its id is named once")
        let named = try DiffService.compare(["HEAD~1", "HEAD"], staged: false, workspace: repo.root.path)
        #expect(named.fromText == "HEAD~1 (\(first.prefix(7)))")
        #expect(result.unmerged.isEmpty && result.untracked.isEmpty)

        // The same revisions the other way round: Beta is removed.
        let back = try DiffService.compare([second, first], staged: false, workspace: repo.root.path)
        #expect(back.changes.map(\.status) == [.modified, .removed])
    }

    /// `diff` parses only the sections two versions do not share; under a changed exchange rate
    /// a shared section's amounts still convert differently, and the diff must say so as the
    /// whole plans' comparison (`log`'s) does.
    @Test func aChangedExchangeRateShowsInAnEditedPlansUnchangedOpportunities() throws {
        let repo = try ScratchRepository()
        defer { repo.remove() }
        let opportunities = """

            ## Opportunities

            | ID    | Name | Stage   | Amount   | Close      |
            | ----- | ---- | ------- | -------- | ---------- |
            | opp-a | ERP  | develop | USD 100k | 2027-03-31 |

            """
        try repo.write("acctplan.yml", ScratchRepository.config + "fx: {USD: 7.0}\n")
        try repo.write("accounts/acme.md", ScratchRepository.account("Acme", extra: opportunities))
        let first = try repo.commitAll("Acme")
        try repo.write("acctplan.yml", ScratchRepository.config + "fx: {USD: 7.5}\n")
        try repo.write("accounts/acme.md", ScratchRepository.account("Acme", stage: "integration", extra: opportunities))
        let second = try repo.commitAll("USD at 7.5; Acme integrates")

        let result = try DiffService.compare([first, second], staged: false, workspace: repo.root.path)
        #expect(result.changes.map(\.id) == ["acme"])
        #expect(result.changes.first?.fields.map(\.name) == ["stage"])
        let amount = result.changes.first?.sections.first { $0.section == .opportunities }?.items.first
        #expect(amount?.key == "opp-a")
        #expect(amount?.fields.map(\.name) == ["amount"])
        #expect(amount?.fields.first?.from == .number(700_000) && amount?.fields.first?.to == .number(750_000))
        // The same answer as the comparison of the whole plans.
        let git = try GitRepository(discovering: repo.root)
        let whole = try PlanVersions(repository: git, prefix: "")
            .changes(from: .tree(try git.treeOfCommit(try git.resolveCommit(first))),
                     to: .tree(try git.treeOfCommit(try git.resolveCommit(second))))
        #expect(whole == result.changes)
    }

    @Test func theWorkingTreeDiffNamesPlansGitDoesNotTrackYet() throws {
        let repo = try ScratchRepository()
        defer { repo.remove() }
        try repo.write("accounts/acme.md", ScratchRepository.account("Acme"))
        try repo.commitAll("Acme")
        try repo.write("accounts/beta.md", ScratchRepository.account("Beta"))
        let result = try DiffService.compare([], staged: false, workspace: repo.root.path)
        #expect(result.changes.isEmpty)
        #expect(result.untracked == ["accounts/beta.md"])
    }

    @Test func theLogListsThePlanCommitsNewestFirstAndFollowsOnePlan() throws {
        let repo = try ScratchRepository()
        defer { repo.remove() }
        try repo.write("accounts/acme.md", ScratchRepository.account("Acme"))
        try repo.commitAll("Acme", on: "2026-01-15")
        try repo.write("accounts/beta.md", ScratchRepository.account("Beta"))
        try repo.commitAll("Beta", on: "2026-02-15")
        try repo.write("accounts/acme.md", ScratchRepository.account("Acme", stage: "integration"))
        try repo.commitAll("Acme integrates", on: "2026-03-15")

        let all = try LogService.entries(id: nil, since: nil, workspace: repo.root.path)
        #expect(all.map(\.commit.subject) == ["Acme integrates", "Beta", "Acme"])
        let acme = try LogService.entries(id: "acme", since: nil, workspace: repo.root.path)
        #expect(acme.map(\.commit.subject) == ["Acme integrates", "Acme"])
        let recent = try LogService.entries(id: nil, since: "2026-02-01", workspace: repo.root.path)
        #expect(recent.map(\.commit.subject) == ["Acme integrates", "Beta"])
    }
}
