import Foundation
import PlanGit
import PlanModel
@testable import PlanServices
import PlanWorkspace
import Testing

/// A first trend (no history store) takes the stages of blobs the working tree holds unchanged from
/// the working tree's own parse instead of reading them: the same trend as reading every blob,
/// and a file changed since it was committed is not taken for its blob.
@Suite struct TrendFromWorkingTreeTests {
    /// The same history in a new repository each time (each has its own history store).
    static func repository(dirty: Bool) throws -> ScratchRepository {
        let repo = try ScratchRepository()
        try repo.write("accounts/a.md", ScratchRepository.account("A"))
        try repo.write("accounts/b.md", ScratchRepository.account("B"))
        try repo.write("accounts/east/c.md", ScratchRepository.account("C"))
        try repo.commitAll("Three accounts", on: "2026-01-15")
        try repo.write("accounts/b.md", ScratchRepository.account("B", stage: "industry-solution"))
        try repo.commitAll("B moves", on: "2026-02-15")
        try repo.write("accounts/east/c.md", ScratchRepository.account("C", stage: "integration"))
        try repo.write("accounts/d.md", ScratchRepository.account("D") + "\n<<<<<<< HEAD\nx\n=======\ny\n>>>>>>> other\n")
        try repo.commitAll("C integrates; D committed with conflict markers", on: "2026-03-15")
        // Not committed: A's file says integration, its blob departmental.
        if dirty { try repo.write("accounts/a.md", ScratchRepository.account("A", stage: "integration")) }
        return repo
    }

    static func trend(_ repo: ScratchRepository, handOver: Bool) throws -> (points: [String], fromWorkingTree: Int) {
        let handover = RollupHistoryReader.WorkingTreeHandover()
        if handOver { handover.handOver(try WorkspaceLoader.load(from: FileSystemSource(root: repo.root), depth: .counting)) }
        let early = try RollupHistoryReader.readEarly(
            revision: nil, workspaceOption: repo.root.path, config: WorkspaceConfig(), asOf: CalendarDate(year: 2026, month: 4, day: 10)!,
            since: nil, trend: .monthly, workingTree: handOver ? handover : nil, readsBeforeAsking: 0)
        let points = (early.history.trend ?? []).map { point in
            "\(point.date) " + point.stageCounts.map { "\($0.stage)=\($0.count)" }.joined(separator: " ")
        }
        return (points, early.blobsFromWorkingTree)
    }

    @Test(arguments: [false, true])
    func theWorkingTreesUnchangedFilesStandInForTheirBlobs(dirty: Bool) throws {
        let read = try Self.repository(dirty: dirty), handedOver = try Self.repository(dirty: dirty)
        defer { read.remove(); handedOver.remove() }
        let everyBlob = try Self.trend(read, handOver: false)
        let fromWorkingTree = try Self.trend(handedOver, handOver: true)
        #expect(everyBlob.fromWorkingTree == 0)
        #expect(fromWorkingTree.points == everyBlob.points)
        #expect(everyBlob.points.count >= 3 && everyBlob.points.last?.contains("integration=1") == true, "\(everyBlob.points)")
        // B and C always (unchanged since their last commit), A only when its file is unchanged;
        // D never: it cannot be read, and a blob's own reading decides what an unreadable plan counts as.
        #expect(fromWorkingTree.fromWorkingTree == (dirty ? 2 : 3), "\(fromWorkingTree)")
    }
}
