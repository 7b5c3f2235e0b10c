import Foundation
import PlanModel
import PlanReports
@testable import PlanServices
import PlanWorkspace
import Testing

/// The report's kept pages (docs/report.md): a page that mixes two versions of its plan — the
/// file saved between the parse and the reading of its prose, which is read again to render it
/// (a second newcomer trial) — must not be recorded, or later runs would keep it.
struct ReportKeysTests {
    static let plan = ScratchRepository.account("Acme", extra: "\n## Risks\n\nThe CIO is leaving.\n")

    @Test func proseReadFromAnotherVersionIsSaid() throws {
        let parsed = try WorkspaceLoader.load(from: MemorySource(["accounts/acme.md": Self.plan]), digests: true)
        let plan = try #require(parsed.plans.first)
        #expect(plan.sourceDigest != nil && parsed.configDigest == "")
        var changed = false
        let same = ProseSections.html(of: plan, in: MemorySource(["accounts/acme.md": Self.plan])) { changed = true }
        #expect(!changed && same.first?.html.contains("The CIO is leaving.") == true)
        let saved = Self.plan.replacingOccurrences(of: "is leaving", with: "stays")
        _ = ProseSections.html(of: plan, in: MemorySource(["accounts/acme.md": saved])) { changed = true }
        #expect(changed, "the prose comes from another version than the parse")
        changed = false
        _ = ProseSections.html(of: plan, in: MemorySource([:])) { changed = true }
        #expect(changed, "the file went")
    }

    /// A page whose key is nil when asked again after rendering is written but not recorded, so
    /// the next run makes it again.
    @Test func aPageWhoseKeyGoesWhileRenderedIsNotRecorded() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("report-keys-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try ReportFolder.prepare(folder.path)
        let asked = Counter()
        let key = String(repeating: "a", count: 32)
        let mixed = HTMLReport.Page(path: "accounts/acme.html", key: { asked.next() == 0 ? key : nil }) { "<p>mixed</p>" }
        let steady = HTMLReport.Page(path: "accounts/bolt.html", key: { key }) { "<p>bolt</p>" }
        #expect(try report.write([mixed, steady]) == ReportFolder.Outcome(written: 3, kept: 0))
        let keys = try String(contentsOf: folder.appendingPathComponent(".acctplan-report-keys"), encoding: .utf8)
        #expect(!keys.contains("accounts/acme.html") && keys.contains("accounts/bolt.html"), "\(keys)")
        let again = HTMLReport.Page(path: "accounts/acme.html", key: { key }) { "<p>acme</p>" }
        #expect(try report.write([again, steady]) == ReportFolder.Outcome(written: 2, kept: 1))
        #expect(try String(contentsOf: folder.appendingPathComponent("accounts/acme.html"), encoding: .utf8) == "<p>acme</p>")
    }

    /// A folder where the keys file goes: the report is written all the same (it failed with
    /// exit 2 after writing every page), and nothing is kept.
    @Test func aFolderNamedLikeTheKeysFileIsNoReason() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("report-keys-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try ReportFolder.prepare(folder.path)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(".acctplan-report-keys"), withIntermediateDirectories: true)
        let page = HTMLReport.Page(path: "accounts/acme.html", key: { String(repeating: "b", count: 32) }) { "<p>acme</p>" }
        #expect(try report.write([page]) == ReportFolder.Outcome(written: 2, kept: 0))
        #expect(try report.write([page]) == ReportFolder.Outcome(written: 2, kept: 0))
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func next() -> Int { lock.withLock { defer { value += 1 }; return value } }
    }
}
