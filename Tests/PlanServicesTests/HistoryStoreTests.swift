import Foundation
import PlanGit
import PlanModel
@testable import PlanServices
import PlanWorkspace
import Testing

/// The history store as a store: what a header-only snapshot read is kept by blob id and given
/// back, so a second load reads no blob and gets the same plans; the file refuses what it cannot
/// trust.
@Suite struct HistoryStoreTests {
    @Test func aSecondLoadTakesEveryPlanFromTheStoreAndGetsTheSamePlans() throws {
        let scratch = try ScratchRepository()
        defer { scratch.remove() }
        try scratch.write("accounts/east/a.md", ScratchRepository.account("A", stage: "integration"))
        try scratch.write("accounts/b.md", ScratchRepository.account("B"))
        try scratch.write("accounts/broken.md", "---\nname: [unclosed\n---\n# Broken\n")
        let commit = try scratch.commitAll("three accounts")
        let repository = try GitRepository(discovering: scratch.root)
        let commitID = try repository.resolveCommit(commit)
        let source = try GitSnapshotSource.tree(try repository.treeOfCommit(commitID), commit: commitID, label: "c",
                                                prefix: "", in: repository)
        let parsed = try WorkspaceLoader.load(from: source, depth: .stageAndGroups)

        let first = try #require(HistoryStore.open(gitDirectory: repository.gitDirectory, environment: { _ in nil }))
        let cold = try WorkspaceLoader.load(from: source, depth: .stageAndGroups, store: first)
        #expect(first.hits == 0 && first.recorded == 4, "three accounts and the industry plan")
        first.save()

        let second = try #require(HistoryStore.open(gitDirectory: repository.gitDirectory, environment: { _ in nil }))
        let warm = try WorkspaceLoader.load(from: source, depth: .stageAndGroups, store: second)
        #expect(second.hits == 4 && second.recorded == 0)
        #expect(warm.plans == parsed.plans && cold.plans == parsed.plans)
        let a = try #require(warm.plans.first { $0.id == "a" })
        #expect(a.header.stage?.value == "integration" && a.header.industry?.value == "tobacco" && a.isReadable)
        #expect(warm.plans.first { $0.id == "broken" }?.isReadable == false)

        #expect(HistoryStore.open(gitDirectory: repository.gitDirectory, environment: { ["ACCTPLAN_HISTORY_STORE": "off"][$0] }) == nil)
    }

    @Test func theFileRoundTripsAndRefusesWhatItCannotTrust() throws {
        let entries = [
            "1111 account": StageAndGroups(stage: "departmental", industry: "tobacco", segments: ["a", "b"], manager: "li-you"),
            "2222 account": StageAndGroups(isReadable: false, hasMergeConflicts: true),
            "3333 account": StageAndGroups(stage: "", segments: [""], region: "华东", abu: "abu-1"),
            "4444 industry": StageAndGroups(isReadable: false),
        ]
        let text = HistoryStore.encode(entries, identity: "0.1.0 1 2.3")
        #expect(HistoryStore.decode(Array(text.utf8), identity: "0.1.0 1 2.3") == entries)
        #expect(HistoryStore.decode(Array(text.utf8), identity: "0.1.0 1 2.4") == nil, "another build's store")
        var flipped = Array(text.utf8)
        flipped[text.utf8.count / 2] ^= 0x01
        #expect(HistoryStore.decode(flipped, identity: "0.1.0 1 2.3") == nil, "a changed byte")
        #expect(HistoryStore.decode(Array(text.utf8.dropLast(7)), identity: "0.1.0 1 2.3") == nil, "cut short")
        #expect(HistoryStore.decode([], identity: "0.1.0 1 2.3") == nil)
        // A value that cannot be written on one line is not stored at all.
        #expect(!HistoryStore.storable(StageAndGroups(stage: "a\tb")) && HistoryStore.storable(StageAndGroups(stage: "a b")))
    }
}
