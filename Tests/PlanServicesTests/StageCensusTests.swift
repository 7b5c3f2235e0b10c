import Foundation
import PlanGit
import PlanModel
import PlanServices
import PlanWorkspace
import Testing
import TestSupport

/// The trend's census counts each folder once per tree id and then only the files that changed:
/// walked through a random history (plans added, edited, deleted and moved between folders, some
/// folders left alone), one census must count at every commit what the snapshot of that commit
/// holds — the loader's own reading, one plan per id.
@Suite struct StageCensusTests {
    static let stages = ["departmental", "industry-solution", "integration"]
    static let folders = ["accounts", "accounts/east", "accounts/west", "accounts/east/north"]

    /// Without moves the census counts changed files only, all along; a move or a duplicate id
    /// (a file name in two folders) sends it to counting file by file from then on.
    @Test(arguments: [false, true])
    func oneCensusCountsEveryCommitAsItsSnapshot(movesAndDuplicates: Bool) throws {
        let scratch = try ScratchRepository()
        defer { scratch.remove() }
        var random = SplitMix64(seed: 41)
        var files: [String: String] = [:] // plan id → folder
        var commits: [String] = []
        func commit(_ message: String) throws -> String {
            try scratch.commitAll(message, allowEmpty: true) // an edit may change nothing
        }
        for round in 0..<30 {
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let id = "acct-\(Int.random(in: 0..<24, using: &random))"
                let stage = Self.stages.randomElement(using: &random)!
                if let folder = files[id] {
                    switch random.next() % (movesAndDuplicates ? 4 : 3) {
                    case 0: // deleted
                        try FileManager.default.removeItem(at: scratch.root.appendingPathComponent("\(folder)/\(id).md"))
                        files[id] = nil
                    case 3: // moved to another folder
                        try FileManager.default.removeItem(at: scratch.root.appendingPathComponent("\(folder)/\(id).md"))
                        let target = Self.folders.randomElement(using: &random)!
                        try scratch.write("\(target)/\(id).md", ScratchRepository.account(id, stage: stage))
                        files[id] = target
                    default: // edited
                        try scratch.write("\(folder)/\(id).md", ScratchRepository.account(id, stage: stage))
                    }
                } else {
                    let folder = Self.folders.randomElement(using: &random)!
                    try scratch.write("\(folder)/\(id).md", ScratchRepository.account(id, stage: stage))
                    files[id] = folder
                }
            }
            // Now and then a second plan with an id already used, in another folder, for a commit.
            if movesAndDuplicates, round % 11 == 5, let (id, folder) = files.first {
                let other = Self.folders.first { $0 != folder }!
                try scratch.write("\(other)/\(id).md", ScratchRepository.account(id, stage: "integration"))
                commits.append(try commit("round \(round), duplicate"))
                try FileManager.default.removeItem(at: scratch.root.appendingPathComponent("\(other)/\(id).md"))
            }
            commits.append(try commit("round \(round)"))
        }
        let repository = try GitRepository(discovering: scratch.root)
        let config = WorkspaceConfig()
        let census = StageCensus(repository: repository, prefix: "", config: config)
        for (index, commit) in commits.enumerated() {
            let id = try repository.resolveCommit(commit)
            let info = try #require(try repository.history(from: id, firstParentOnly: true).first)
            let counts = try census.stageCounts(at: info)
            let source = try GitSnapshotSource.tree(info.tree, commit: id, label: "c", prefix: "", in: repository)
            var seen = Set<String>()
            let accounts = try WorkspaceLoader.load(from: source, depth: .stageAndGroups).plans
                .filter { $0.kind == .account && seen.insert($0.id).inserted }
            let expected = config.lifecycle.map { stage in accounts.filter { $0.header.stage?.value == stage.id }.count }
            #expect(counts.map(\.count) == expected, "commit \(index)")
        }
    }
}
