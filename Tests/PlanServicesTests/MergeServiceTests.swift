import Foundation
import PlanServices
import Testing

/// `acctplan merge-driver` as git runs it: the labels git hands over, or leaves unexpanded.
struct MergeServiceTests {
    static let front = "---\nname: Acme\nindustry: tobacco\nstage: departmental\nmanager: li-you\nreviewed: 2026-11-01\n---\n"

    /// Runs the driver on a same-cell conflict with the given labels; the merged text.
    static func conflict(ours: String, base: String, theirs: String, size: Int = 7) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("merge-service-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, stage) in [("base", "departmental"), ("ours", "integration"), ("theirs", "industry-solution")] {
            try Data(front.replacingOccurrences(of: "departmental", with: stage).utf8).write(to: folder.appendingPathComponent(name))
        }
        let markers = MergeService.Markers(style: "diff3", size: size, ours: ours, base: base, theirs: theirs)
        let result = try MergeService.driver(base: folder.appendingPathComponent("base").path, ours: folder.appendingPathComponent("ours").path,
                                             theirs: folder.appendingPathComponent("theirs").path, path: "accounts/acme.md",
                                             markers: markers, workspace: nil, lineByLine: { _ in })
        #expect(result.conflicts == 1)
        return try String(contentsOf: folder.appendingPathComponent("ours"), encoding: .utf8)
    }

    @Test func labelsGitExpandedAreWritten() throws {
        let text = try Self.conflict(ours: "HEAD", base: "merged common ancestors", theirs: "feature", size: 9)
        #expect(text.contains("<<<<<<<<< HEAD\nstage: integration\n||||||||| merged common ancestors\nstage: departmental\n=========\nstage: industry-solution\n>>>>>>>>> feature\n"), "\(text)")
    }

    @Test func labelsGitBefore244LeftUnexpandedOrEmptyAreTheDefaults() throws {
        let text = try Self.conflict(ours: "%X", base: "", theirs: "%Y")
        #expect(text.contains("<<<<<<< ours\nstage: integration\n||||||| base\nstage: departmental\n=======\nstage: industry-solution\n>>>>>>> theirs\n"), "\(text)")
    }
}
