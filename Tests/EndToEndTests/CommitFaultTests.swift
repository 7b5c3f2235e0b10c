import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `acctplan commit` killed with SIGKILL at random moments, again and again: whatever the
/// moment, the repository stays sound, HEAD is the old or the new commit, the index is the old
/// one or the new commit's, the author's edits are intact, and a left-over lock is named with
/// the way to remove it.
@Suite(.serialized)
struct CommitKillTests {
    /// How long one complete commit takes (the median of three).
    static func measure(_ scenario: CommitScenario, binary: String, environment: [String: String], stderr: String) throws -> Double {
        var durations: [Double] = []
        for round in 0..<3 {
            let process = try SpawnedProcess(binary, scenario.commitArguments("Timing \(round)", all: true), in: scenario.repo,
                                             environment: environment, stderrPath: stderr)
            let (end, endedBy) = process.kill(after: 60)
            try #require(end == .exited(0), "a complete commit for timing: \(end)")
            durations.append(endedBy ?? 60)
            try scenario.reset()
        }
        return durations.sorted()[1]
    }

    /// Kills `process` `delay` seconds after it replaced the branch's ref file (watched with
    /// `stat`, yielding the processor between looks), or lets it end if it ends first.
    static func kill(_ process: SpawnedProcess, after delay: Double, once ref: String, replaces inode: ino_t) -> Termination {
        var now = stat()
        while stat(ref, &now) != 0 || now.st_ino == inode {
            if let end = process.poll() { return end }
            sched_yield()
        }
        let moved = process.elapsed
        while process.elapsed < moved + delay { sched_yield() }
        process.kill()
        return process.wait()
    }

    @Test func sigkillAtRandomMomentsNeverCorruptsTheRepositoryOrLosesEdits() throws {
        let seed = SeededGenerator.seed()
        var random = SeededGenerator(seed: seed)
        let runs = ProcessInfo.processInfo.environment["ACCTPLAN_FAULT_RUNS"].flatMap { Int($0) } ?? 200
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        var scenario = try CommitScenario(sandbox)
        let binary = try CLI.binary.get().path
        let environment = sandbox.environment()
        let stderr = sandbox.temp.path("commit.stderr").path
        let ref = scenario.gitDirectory.appendingPathComponent("refs/heads/main").path
        // A commit's duration drifts with the machine's load: it is re-estimated from every
        // run that ends before its kill.
        var duration = try Self.measure(scenario, binary: binary, environment: environment, stderr: stderr)
        let firstDuration = duration

        let started = Date()
        var checking = 0.0
        var spread: [CommitStop: Int] = [:]
        var afterMove: [CommitStop: Int] = [:]
        var staleLocks = 0
        var lockChecks: [CommitStop: Int] = [:]
        for run in 0..<runs {
            let all = random.next() & 1 == 0
            // Even runs: a kill spread over the whole run (start-up, lint, objects, after the
            // end). Odd runs: 0–600 µs after the branch moved, where the windows are short.
            let spreadOut = run % 2 == 0
            let delay = spreadOut ? Double.random(in: 0...(duration * 1.2), using: &random)
                                  : Double.random(in: 0...0.0006, using: &random)
            let context = "ACCTPLAN_FAULT_SEED=\(seed) run \(run) (kill \(Int(delay * 1e6)) µs after "
                + "\(spreadOut ? "the start" : "the branch moved"), \(all ? "-a" : "paths"))"
            var refBefore = stat()
            stat(ref, &refBefore)
            let process = try SpawnedProcess(binary, scenario.commitArguments("Fault run \(run)", all: all), in: scenario.repo,
                                             environment: environment, stderrPath: stderr)
            let end: Termination
            if spreadOut {
                let (ended, endedBy) = process.kill(after: delay)
                if let endedBy { duration = 0.8 * duration + 0.2 * endedBy }
                end = ended
            } else {
                end = Self.kill(process, after: delay, once: ref, replaces: refBefore.st_ino)
            }
            if end != .exited(0) && end != .signalled(SIGKILL) {
                Issue.record("\(context): \(end): \((try? String(contentsOfFile: stderr, encoding: .utf8)) ?? "")")
            }
            let checkStarted = Date()
            defer { checking += Date().timeIntervalSince(checkStarted) }
            let seen = try scenario.verify(context)
            let stop = CommitStop(end, seen)
            if spreadOut { spread[stop, default: 0] += 1 } else { afterMove[stop, default: 0] += 1 }
            if seen.indexLockLeft {
                staleLocks += 1
                lockChecks[stop, default: 0] += 1
                // The refusal is checked for the first five stale locks of each kind (each check
                // runs acctplan once or twice more); the invariants above hold for every one.
                if lockChecks[stop, default: 0] <= 5 {
                    try Self.expectStaleLockNamed(scenario, seen, context,
                                                  thenCommit: lockChecks[stop, default: 0] <= 2 && stop != .afterRefBeforeIndex)
                }
            }
            if stop == .afterRefBeforeIndex { try Self.expectGitResetRepairsTheIndex(scenario, context) }
            try scenario.reset()
        }
        // After all that, an ordinary commit still works and leaves nothing behind.
        let final = try sandbox.acctplan(scenario.commitArguments("After the faults", all: true), in: scenario.repo)
        #expect(final.status == 0, "ACCTPLAN_FAULT_SEED=\(seed): \(final)")
        let seen = try scenario.verify("ACCTPLAN_FAULT_SEED=\(seed) final commit")
        #expect(seen.headMoved && seen.indexPublished && !seen.indexLockLeft && seen.stagingLeft == 0)
        #expect(try sandbox.status(scenario.repo) == [])

        let seconds = Date().timeIntervalSince(started)
        print("""
            commit SIGKILL loop: seed \(seed), \(runs) runs in \(String(format: "%.1f", seconds)) s \
            (\(String(format: "%.1f", checking)) s of it checking; one commit \(Int(firstDuration * 1000)) ms at first, \
            \(Int(duration * 1000)) ms in the end). Spread over the run: \(CommitStop.summary(spread)). \
            0–600 µs after the branch moved: \(CommitStop.summary(afterMove)). Stale index.lock: \(staleLocks).
            """)
    }

    /// A lock left by a killed commit: the next commit refuses with exit 2, names the lock file
    /// and says how to remove it, changes nothing; once removed, committing works again.
    static func expectStaleLockNamed(_ scenario: CommitScenario, _ seen: CommitScenario.Observation, _ context: String,
                                     thenCommit: Bool, sourceLocation: SourceLocation = #_sourceLocation) throws {
        var scenario = scenario
        let sandbox = scenario.sandbox
        let refused = try sandbox.acctplan(scenario.commitArguments("Blocked", all: true), in: scenario.repo)
        #expect(refused.status == 2, "\(context): \(refused)", sourceLocation: sourceLocation)
        #expect(refused.stderr.contains(scenario.indexLock.path) && refused.stderr.contains("rm "),
                "\(context): names the lock and how to remove it: \(refused)", sourceLocation: sourceLocation)
        #expect(refused.stderr.trimmed.lines.count == 1, "\(context): one line: \(refused)", sourceLocation: sourceLocation)
        let after = try scenario.verify(context + ", refused by the stale lock", sourceLocation: sourceLocation)
        #expect(after.headMoved == seen.headMoved && after.indexPublished == seen.indexPublished && after.indexLockLeft,
                "\(context): the refusal changed something", sourceLocation: sourceLocation)
        guard thenCommit else { return }
        try scenario.reset()
        let committed = try sandbox.acctplan(scenario.commitArguments("Once the lock is gone", all: true), in: scenario.repo)
        #expect(committed.status == 0, "\(context): committing after removing the lock: \(committed)", sourceLocation: sourceLocation)
        let done = try scenario.verify(context + ", committed after removing the lock", sourceLocation: sourceLocation)
        #expect(done.headMoved && done.indexPublished && !done.indexLockLeft && done.stagingLeft == 0,
                "\(context): \(done)", sourceLocation: sourceLocation)
    }

    /// Killed between moving the branch and publishing the index (git has the same window): the
    /// commit stands and the index is the old one; `git reset` makes the index match the commit.
    static func expectGitResetRepairsTheIndex(_ scenario: CommitScenario, _ context: String,
                                              sourceLocation: SourceLocation = #_sourceLocation) throws {
        let sandbox = scenario.sandbox
        unlink(scenario.indexLock.path)
        try sandbox.gitOK(["reset", "-q"], in: scenario.repo)
        let staged = try sandbox.git(["diff", "--cached", "--quiet"], in: scenario.repo)
        #expect(staged.status == 0, "\(context): after git reset the index matches the commit: \(staged)", sourceLocation: sourceLocation)
        #expect(try sandbox.status(scenario.repo) == [], "\(context): and the working tree is what was committed",
                sourceLocation: sourceLocation)
    }

    // MARK: - the lock messages, deterministically

    /// A lock left by a dead git process: named with its full path and the command that removes it.
    @Test func aStaleIndexLockIsNamedWithHowToRemoveIt() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        var scenario = try CommitScenario(sandbox)
        try Data().write(to: scenario.indexLock)
        let seen = try scenario.verify("stale index.lock")
        try Self.expectStaleLockNamed(scenario, seen, "stale index.lock", thenCommit: true)
    }

    /// A ref lock left by a dead git process (killed while moving the branch) must not read as
    /// "another commit won, try again": retrying can never succeed until the file is removed.
    @Test func aStaleBranchLockIsNamedWithHowToRemoveIt() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        var scenario = try CommitScenario(sandbox)
        try Data().write(to: scenario.branchLock)
        let refused = try sandbox.acctplan(scenario.commitArguments("Blocked by the branch lock", all: true), in: scenario.repo)
        #expect(refused.status == 2, "\(refused)")
        #expect(refused.stderr.contains(scenario.branchLock.path) && refused.stderr.contains("rm "),
                "names the ref lock and how to remove it: \(refused)")
        #expect(!refused.stderr.contains("another commit won"), "\(refused)")
        let seen = try scenario.verify("stale branch lock")
        #expect(!seen.headMoved && !seen.indexPublished && !seen.indexLockLeft && seen.branchLockLeft && seen.stagingLeft == 0)

        unlink(scenario.branchLock.path)
        let committed = try sandbox.acctplan(scenario.commitArguments("Once the ref lock is gone", all: true), in: scenario.repo)
        #expect(committed.status == 0, "\(committed)")
        #expect(try scenario.verify("after removing the branch lock").headMoved)
    }

    /// A killed session's private staging index is removed by the next session (they would
    /// otherwise pile up in .git, one per kill).
    @Test func aDeadSessionsStagingIndexIsRemovedByTheNextCommit() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        var scenario = try CommitScenario(sandbox)
        let leftovers = ["acctplan-index-999999", "acctplan-index-999998", "acctplan-index-999998.lock"]
        for name in leftovers { try Data("stale".utf8).write(to: scenario.gitDirectory.appendingPathComponent(name)) }
        let committed = try sandbox.acctplan(scenario.commitArguments("Cleans up", all: true), in: scenario.repo)
        #expect(committed.status == 0, "\(committed)")
        let seen = try scenario.verify("staging leftovers")
        #expect(seen.headMoved && seen.stagingLeft == 0)
        for name in leftovers { #expect(!FileManager.default.fileExists(atPath: scenario.gitDirectory.appendingPathComponent(name).path), "\(name)") }
    }
}
