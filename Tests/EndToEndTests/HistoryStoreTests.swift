import Foundation
import Testing

/// The history store (`.git/acctplan/history-store`, docs/performance.md): `rollup --since` and
/// `--trend` keep what they read of each blob there, and a later run takes it from there. Whatever
/// state the store is in — absent, turned off, warm, damaged, cut short, replaced by a link — the
/// output is the same bytes. Real binary, real repository (``RollupRepo``).
struct HistoryStoreTests {
    static let args = ["rollup", "--since", "2026-02-01", "--trend", "monthly", "--format", "json", "--as-of", Fixture.asOf]

    @Test func everyStateOfTheStoreGivesTheSameOutput() throws {
        let repo = try RollupRepo()
        defer { repo.remove() }
        let store = repo.ws.appendingPathComponent(".git/acctplan/history-store")
        func run(_ extra: [String: String] = [:], _ what: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
            let result = try repo.sandbox.acctplan(Self.args, in: repo.ws, extra: extra)
            #expect(result.status == 0 && result.stderr.isEmpty, "\(what): \(result)", sourceLocation: sourceLocation)
            return result.stdout
        }
        func storeText() throws -> String { String(decoding: try Data(contentsOf: store), as: UTF8.self) }

        let off = try run(["ACCTPLAN_HISTORY_STORE": "off"], "off")
        #expect(!FileManager.default.fileExists(atPath: store.path), "turned off: nothing is written")
        #expect(off.contains("\"transitions\""), "\(off)")

        #expect(try run([:], "cold") == off)
        let written = try storeText()
        #expect(written.hasPrefix("acctplan history store 1\nidentity "), "\(written)")
        // What was read of Northwest Wind at c1 (stage industry-solution) is in the store, by blob id.
        let c1 = try #require(repo.commits["c1"])
        let blob = try repo.sandbox.gitOK(["rev-parse", "\(c1):accounts/northwest-wind.md"], in: repo.ws)
        #expect(written.contains("\n\(blob) account\tr\t=industry-solution\t=energy\t"), "\(written)")

        #expect(try run([:], "warm") == off)
        #expect(try storeText() == written, "a warm run reads everything from the store and rewrites nothing")

        // Damaged: a stage changed without the checksum. Ignored, and replaced by what the run read.
        try Data(written.replacingOccurrences(of: "\tr\t=industry-solution\t", with: "\tr\t=integration\t").utf8).write(to: store)
        #expect(try run([:], "damaged") == off)
        #expect(try storeText() == written, "a damaged store is replaced")

        // Cut short (a crash while another process wrote it would leave the old file; a disk may not).
        try Data(written.utf8.prefix(written.utf8.count / 2)).write(to: store)
        #expect(try run([:], "cut short") == off)
        #expect(try storeText() == written)

        // A link in its place is not read through, and what it points at is left alone.
        let elsewhere = repo.sandbox.temp.path("elsewhere.txt")
        try Data("not a store\n".utf8).write(to: elsewhere)
        try FileManager.default.removeItem(at: store)
        try FileManager.default.createSymbolicLink(at: store, withDestinationURL: elsewhere)
        #expect(try run([:], "link") == off)
        #expect(String(decoding: try Data(contentsOf: elsewhere), as: UTF8.self) == "not a store\n")
        let attributes = try FileManager.default.attributesOfItem(atPath: store.path)
        #expect(attributes[.type] as? FileAttributeType == .typeRegular, "the link is replaced by the store itself")
    }

    /// The git folder cannot be written (a read-only checkout): the rollup still runs, the same.
    @Test func anUnwritableGitFolderOnlyCostsSpeed() throws {
        let repo = try RollupRepo()
        defer { repo.remove() }
        let off = try repo.sandbox.acctplan(Self.args, in: repo.ws, extra: ["ACCTPLAN_HISTORY_STORE": "off"])
        // Its folder is a link to elsewhere: never written through.
        let folder = repo.ws.appendingPathComponent(".git/acctplan")
        let target = repo.sandbox.temp.path("store-folder")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: folder, withDestinationURL: target)
        let result = try repo.acctplan(Self.args)
        #expect(result.status == 0 && result.stdout == off.stdout && result.stderr.isEmpty, "\(result)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.path).isEmpty, "nothing written through the link")
    }
}
