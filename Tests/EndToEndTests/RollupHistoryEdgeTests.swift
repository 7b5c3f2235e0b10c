import Foundation
import Testing

/// History at its edges: a `--since` date outside the history, a history whose objects cannot
/// all be read, and account ids that two folders share. Each runs the real binary on a real
/// repository (``RollupRepo``: the template, c0 on 2026-01-15 … c4 on 2026-08-05).
struct RollupHistoryEdgeTests {
    /// Before the first commit every account is new, and stderr says why (issue 11).
    @Test func sinceBeforeTheFirstCommitWarnsThatEveryAccountIsNew() throws {
        let repo = try RollupRepo()
        defer { repo.remove() }
        let result = try repo.acctplan(["rollup", "--since", "2025-12-31", "--format", "json", "--as-of", Fixture.asOf])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr == """
            acctplan: warning: --since 2025-12-31 is before the history starts on 2026-01-15: every account is counted as new
              hint: give a date from 2026-01-15 on, or a revision

            """, "\(result)")
        let object = try JSON.object(result.stdout)
        #expect(RollupJSON.transitions(object).count == 6 && RollupJSON.transitions(object).allSatisfy { $0.contains(": null → ") },
                "the output itself is unchanged: \(object)")

        // The same words from `report`, which reads history through the same code.
        let output = repo.sandbox.temp.path("report")
        let report = try repo.acctplan(["report", "-o", output.path, "--since", "2025-12-31", "--as-of", Fixture.asOf])
        #expect(report.status == 0, "\(report)")
        #expect(report.stderr.contains("warning: --since 2025-12-31 is before the history starts on 2026-01-15"), "\(report)")
        // On the first day of the history there is a commit: no warning.
        let first = try repo.acctplan(["rollup", "--since", "2026-01-15", "--as-of", Fixture.asOf])
        #expect(first.status == 0 && first.stderr.isEmpty, "\(first)")
    }

    /// The calendar's last day as the as-of date: the trend's last point is 9999-12-31 (it
    /// crashed working out the month after it).
    @Test func theCalendarsLastDayAsTheAsOfDate() throws {
        let repo = try RollupRepo()
        defer { repo.remove() }
        // (From a late --since: a trend from 2026 has 32,000 quarters.)
        for command in [["rollup", "--since", "9999-06-30", "--trend", "monthly"], ["score", "--since", "9999-06-30", "--trend", "quarterly"]] {
            let result = try repo.acctplan(command + ["--as-of", "9999-12-31"])
            #expect(result.status == 0 && result.stdout.contains("9999-12-31"), "\(command): \(result)")
        }
        let report = try repo.acctplan(["report", "-o", repo.sandbox.temp.path("report").path, "--since", "9999-06-30", "--as-of", "9999-12-31"])
        #expect(report.status == 0, "\(report)")
    }

    /// After the last commit the comparison is with that commit: said, with its date.
    @Test func sinceAfterTheLastCommitSaysWhatItComparesWith() throws {
        let repo = try RollupRepo()
        defer { repo.remove() }
        let c4 = try #require(repo.commits["c4"])
        let result = try repo.acctplan(["rollup", "--since", "2026-09-01", "--format", "json", "--as-of", Fixture.asOf])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr == """
            acctplan: warning: --since 2026-09-01 is after the last commit (\(c4.prefix(7)), 2026-08-05): the moves are those since that commit
              hint: give a date on or before 2026-08-05 to compare with an earlier commit

            """, "\(result)")
        #expect(repo.label((try JSON.object(result.stdout)["since"] as? [String: Any])?["revision"]) == "c4")
        // On the day of the last commit: no warning.
        let last = try repo.acctplan(["rollup", "--since", "2026-08-05", "--as-of", Fixture.asOf])
        #expect(last.status == 0 && last.stderr.isEmpty, "\(last)")
    }

    /// A date after the as-of day (today by default) is a mistake, not a question: exit 2.
    @Test func sinceInTheFutureIsAnError() throws {
        let repo = try RollupRepo()
        defer { repo.remove() }
        let report = repo.sandbox.temp.path("report").path
        for (date, args) in [("2026-11-30", ["rollup"]), ("2027-01-01", ["rollup", "--trend", "monthly"]),
                             ("2026-11-30", ["report", "-o", report])] {
            let result = try repo.acctplan(args + ["--since", date, "--as-of", Fixture.asOf])
            #expect(result.status == 2 && result.stdout.isEmpty, "\(args): \(result)")
            #expect(result.stderr.hasPrefix("acctplan: error: --since \(date) is after the as-of date 2026-11-29")
                    && result.stderr.trimmed.lines.count == 1, "\(args): \(result)")
        }
        #expect(!FileManager.default.fileExists(atPath: report), "a refused report makes no output folder")
        // The as-of day itself is fine.
        let today = try repo.acctplan(["rollup", "--since", Fixture.asOf, "--as-of", Fixture.asOf])
        #expect(today.status == 0, "\(today)")
    }

    /// A repository without commits: every account is new, and stderr says there is no history.
    @Test func sinceOnAnUnbornBranchWarns() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let ws = try Fixture.workspace(["accounts/east/a.md": Fixture.account(name: "A")], in: sandbox.temp, under: "ws")
        try sandbox.gitOK(["init", "-q"], in: ws)
        let result = try sandbox.acctplan(["rollup", "--since", "2026-01-01", "--as-of", Fixture.asOf], in: ws)
        #expect(result.status == 0 && result.stdout.contains("a: (new) → departmental"), "\(result)")
        #expect(result.stderr == """
            acctplan: warning: --since 2026-01-01: the repository has no commits yet: every account is counted as new
              hint: commit the workspace, then compare with its history

            """, "\(result)")
    }

    /// A blob of a commit that cannot be read is an error naming it, never an account quietly
    /// left out of the trend (the stage census used to count such a plan as having no stage).
    @Test func anUnreadableBlobInHistoryIsAnErrorNotAMissingAccount() throws {
        let repo = try RollupRepo()
        defer { repo.remove() }
        // northwest-wind's version of c4 (moved to integration) is in c4 only.
        let c3 = try #require(repo.commits["c3"]), c4 = try #require(repo.commits["c4"])
        let blob = try repo.sandbox.gitOK(["rev-parse", "\(c4):accounts/northwest-wind.md"], in: repo.ws)
        #expect(try repo.sandbox.gitOK(["rev-parse", "\(c3):accounts/northwest-wind.md"], in: repo.ws) != blob)
        let object = repo.ws.appendingPathComponent(".git/objects/\(blob.prefix(2))/\(blob.dropFirst(2))")
        try #require(FileManager.default.fileExists(atPath: object.path), "a loose object")
        try FileManager.default.removeItem(at: object)

        // What does not need it still works: the working tree, and the moves since c3.
        let moves = try repo.acctplan(["rollup", "--since", "2026-07-01", "--as-of", Fixture.asOf])
        #expect(moves.status == 0 && moves.stderr.isEmpty, "\(moves)")
        // The trend's point at 2026-08-31 is c4; so is the snapshot of --since 2026-08-05.
        for args in [["--since", "2026-07-01", "--trend", "monthly"], ["--since", "2026-08-05"]] {
            let result = try repo.acctplan(["rollup"] + args + ["--as-of", Fixture.asOf])
            #expect(result.status == 2 && result.stdout.isEmpty, "\(args): \(result)")
            #expect(result.stderr.hasPrefix("acctplan: error: cannot read the history: ") && result.stderr.contains(blob)
                    && result.stderr.contains("git fsck") && result.stderr.trimmed.lines.count == 1, "\(args): \(result)")
        }
    }

    /// A damaged loose object is never read as a plan: zlib's checksum of its bytes refuses it.
    @Test func aDamagedObjectIsAnErrorNeverAnotherPlan() throws {
        let repo = try RollupRepo()
        defer { repo.remove() }
        let c4 = try #require(repo.commits["c4"])
        let blob = try repo.sandbox.gitOK(["rev-parse", "\(c4):accounts/northwest-wind.md"], in: repo.ws)
        let object = repo.ws.appendingPathComponent(".git/objects/\(blob.prefix(2))/\(blob.dropFirst(2))")
        var bytes = try Data(contentsOf: object)
        #expect(bytes.count > 100, "a loose object")
        // One bit of the compressed text, in its middle: inflating still gives bytes, wrong ones.
        bytes[bytes.count / 2] ^= 0x10
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: object.path)
        try bytes.write(to: object)
        let fsck = try repo.sandbox.git(["cat-file", "-p", blob], in: repo.ws)
        #expect(fsck.status != 0, "git itself refuses it: \(fsck)")

        for args in [["rollup", "--rev", c4], ["rollup", "--since", "2026-08-05"], ["diff", "\(c4)~1", c4], ["show", "northwest-wind", "--rev", c4]] {
            let result = try repo.acctplan(args + (args[0] == "diff" || args[0] == "show" ? [] : ["--as-of", Fixture.asOf]))
            #expect(result.status == 2 && result.stdout.isEmpty, "\(args): \(result)")
            #expect(result.stderr.contains("incorrect data check"), "\(args): \(result)")
        }
    }

    /// A damaged object in a pack: libdeflate (which inflates packed objects whole) refuses it
    /// and zlib, given it again, says what is wrong; never another plan.
    @Test func aDamagedPackedObjectIsAnErrorNeverAnotherPlan() throws {
        let repo = try RollupRepo()
        defer { repo.remove() }
        let c4 = try #require(repo.commits["c4"])
        try repo.sandbox.gitOK(["repack", "-a", "-d", "-q", "--depth=0"], in: repo.ws)
        try repo.sandbox.gitOK(["prune-packed"], in: repo.ws)
        let packs = repo.ws.appendingPathComponent(".git/objects/pack")
        let names = try FileManager.default.contentsOfDirectory(atPath: packs.path)
        let index = packs.appendingPathComponent(try #require(names.first { $0.hasSuffix(".idx") }))
        let pack = packs.appendingPathComponent(try #require(names.first { $0.hasSuffix(".pack") }))
        let wanted = try repo.sandbox.gitOK(["rev-parse", "\(c4):accounts/northwest-wind.md"], in: repo.ws)
        // `git verify-pack -v`: "ID TYPE SIZE SIZE-IN-PACK OFFSET", the last two in bytes.
        let listing = try repo.sandbox.gitOK(["verify-pack", "-v", index.path], in: repo.ws)
        let entry = try #require(listing.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
            .first { $0.count >= 5 && $0[0] == wanted })
        #expect(entry[1] == "blob", "stored whole, not as a delta: \(entry)")
        let inPack = try #require(Int(entry[3])), offset = try #require(Int(entry[4]))
        var bytes = try Data(contentsOf: pack)
        // One bit in the middle of the object's compressed bytes (past its few header bytes).
        bytes[offset + inPack / 2] ^= 0x10
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: pack.path)
        try bytes.write(to: pack)
        let shown = try repo.sandbox.git(["cat-file", "-p", wanted], in: repo.ws)
        #expect(shown.status != 0, "git itself refuses it: \(shown)")

        for args in [["show", "northwest-wind", "--rev", c4], ["rollup", "--rev", c4], ["diff", "\(c4)~1", c4]] {
            let result = try repo.acctplan(args + (args[0] == "diff" || args[0] == "show" ? [] : ["--as-of", Fixture.asOf]))
            #expect(result.status == 2 && result.stdout.isEmpty, "\(args): \(result)")
            #expect(result.stderr.contains("incorrect data check"), "\(args): \(result)")
        }
    }

    /// A damaged pack index that sends one blob's id to another blob's intact bytes: zlib finds
    /// nothing wrong, so only checking every object against its id (libgit2's strict hash
    /// verification) refuses it. Without the check `show` printed the other plan, and the history
    /// store would have kept its stage under this blob's id.
    @Test func aPackIndexPointingAtAnotherObjectIsAnErrorNeverAnotherPlan() throws {
        let repo = try RollupRepo()
        defer { repo.remove() }
        let c4 = try #require(repo.commits["c4"])
        try repo.sandbox.gitOK(["repack", "-a", "-d", "-q"], in: repo.ws)
        try repo.sandbox.gitOK(["prune-packed"], in: repo.ws)
        let packs = repo.ws.appendingPathComponent(".git/objects/pack")
        let indexName = try #require(try FileManager.default.contentsOfDirectory(atPath: packs.path).first { $0.hasSuffix(".idx") })
        let index = packs.appendingPathComponent(indexName)
        let wanted = try repo.sandbox.gitOK(["rev-parse", "\(c4):accounts/northwest-wind.md"], in: repo.ws)
        // Another plan of the same commit: its blob is where the damaged index will send `wanted`.
        let tree = try repo.sandbox.gitOK(["ls-tree", "-r", c4, "--", "accounts"], in: repo.ws)
        let other = try #require(tree.split(separator: "\n").compactMap { line -> String? in
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            return fields.count == 4 && fields[1] == "blob" && fields[2] != wanted ? fields[2] : nil
        }.first)
        let otherText = try repo.sandbox.gitOK(["cat-file", "-p", other], in: repo.ws)
        // `git verify-pack -v` lists every object: "ID TYPE SIZE SIZE-IN-PACK OFFSET ...".
        let listing = try repo.sandbox.gitOK(["verify-pack", "-v", index.path], in: repo.ws)
        let objects = listing.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
            .filter { $0.count >= 5 && $0[0].count == 40 }
        let otherOffset = try #require(objects.first { $0[0] == other }.flatMap { UInt32($0[4]) })
        // Version 2 index: 8-byte header, 256 fan-out words, then the ids in order (20 bytes
        // each), their CRCs (4 each) and their offsets (4 each, big-endian).
        let ids = objects.map { $0[0] }.sorted()
        let position = try #require(ids.firstIndex(of: wanted))
        var bytes = try Data(contentsOf: index)
        let slot = 8 + 256 * 4 + ids.count * 24 + position * 4
        withUnsafeBytes(of: otherOffset.bigEndian) { bytes.replaceSubrange(slot..<slot + 4, with: $0) }
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: index.path)
        try bytes.write(to: index)
        let shown = try repo.sandbox.git(["cat-file", "-p", wanted], in: repo.ws)
        #expect(shown.stdout.hasPrefix(otherText), "git itself reads the other blob: the index is damaged as meant: \(shown)")

        for args in [["show", "northwest-wind", "--rev", c4], ["rollup", "--rev", c4], ["rollup", "--since", "2026-08-05"],
                     ["diff", "\(c4)~1", c4]] {
            let result = try repo.acctplan(args + (args[0] == "diff" || args[0] == "show" ? [] : ["--as-of", Fixture.asOf]))
            #expect(result.status == 2 && result.stdout.isEmpty, "\(args): \(result)")
            #expect(result.stderr.contains("hash mismatch"), "\(args): \(result)")
        }
    }

    /// Two plans with one id (in accounts/ and accounts/east/): the moves follow the plan the
    /// rollup counts (the first by path, as everywhere), not whichever was read last.
    @Test func movesFollowTheCountedPlanOfADuplicateID() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let ws = try Fixture.workspace([
            "accounts/acme.md": Fixture.account(name: "Acme", stage: "departmental"),
            "accounts/east/acme.md": Fixture.account(name: "Acme East", stage: "departmental"),
        ], in: sandbox.temp, under: "ws")
        try sandbox.gitOK(["init", "-q"], in: ws)
        try sandbox.gitOK(["add", "-A"], in: ws)
        try sandbox.gitOK(["commit", "-q", "-m", "one"], in: ws)
        let first = try sandbox.head(ws)
        // Only the duplicate (not counted) moves.
        try GitFixture.write(Fixture.account(name: "Acme East", stage: "integration"), to: "accounts/east/acme.md", in: ws)
        let result = try sandbox.acctplan(["rollup", "--since", first, "--format", "json", "--as-of", Fixture.asOf], in: ws)
        #expect(result.status == 0, "\(result)")
        let object = try JSON.object(result.stdout)
        #expect(RollupJSON.counts((object["total"] as? [String: Any])?["stage_counts"]) == "1/0/0", "\(object)")
        #expect(RollupJSON.transitions(object) == [], "\(object)")
        #expect(RollupJSON.moved(RollupJSON.group(object, "industry", "tobacco")) == "up 0, down 0, new 0, removed 0", "\(object)")
    }

    /// The trend counts each month from the folders that changed (the others are remembered by
    /// tree id), and still one plan per id: once a file name is in two folders, the first in
    /// git's order is counted, as the working tree's rollup counts it. Before the duplicate
    /// appears, and after it is moved back, every folder counts alone.
    @Test func trendCountsFoldersOnceAndOnePlanPerID() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let ws = try Fixture.workspace([
            "accounts/acme.md": Fixture.account(name: "Acme", stage: "departmental"),
            "accounts/east/bolt.md": Fixture.account(name: "Bolt", stage: "departmental"),
            "accounts/west/crane.md": Fixture.account(name: "Crane", stage: "industry-solution"),
        ], in: sandbox.temp, under: "ws")
        try sandbox.gitOK(["init", "-q"], in: ws)
        func commit(_ message: String, _ date: String) throws {
            try RollupRepo.commitAll(message, on: date + "T10:00:00+00:00", in: ws, sandbox: sandbox)
        }
        try commit("january", "2026-01-10")
        // February: only west changes (east and the top folder's own files are as in January).
        try GitFixture.write(Fixture.account(name: "Crane", stage: "integration"), to: "accounts/west/crane.md", in: ws)
        try commit("february", "2026-02-10")
        // March: a second acme.md in east, at integration; the first (accounts/acme.md) is counted.
        try GitFixture.write(Fixture.account(name: "Acme East", stage: "integration"), to: "accounts/east/acme.md", in: ws)
        try commit("march", "2026-03-10")
        // April: the duplicate is gone again.
        try FileManager.default.removeItem(at: ws.appendingPathComponent("accounts/east/acme.md"))
        try commit("april", "2026-04-10")
        let result = try sandbox.acctplan(["rollup", "--trend", "monthly", "--since", "2026-01-01", "--format", "json",
                                           "--as-of", "2026-04-30"], in: ws)
        #expect(result.status == 0, "\(result)")
        let object = try JSON.object(result.stdout)
        let points = (object["trend"] as? [[String: Any]] ?? []).map { "\($0.string("date") ?? "?") \(RollupJSON.counts($0["stage_counts"]))" }
        #expect(points == ["2026-01-31 2/1/0", "2026-02-28 2/0/1", "2026-03-31 2/0/1", "2026-04-30 2/0/1"], "\(object)")
    }
}
