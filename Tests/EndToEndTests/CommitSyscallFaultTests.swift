import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The random SIGKILL loop rarely lands in the sub-millisecond windows around the branch move.
/// Here strace stops `acctplan commit` at every invocation of every system call that changes
/// the file system, one run each: killed on entry (SIGKILL), or the call fails with ENOSPC
/// (a disk that fills at exactly that write). Only the main thread is traced (no `-f`): it
/// does all the writing; the lint threads only read. Each run starts from the same state, with
/// none of the commit's objects in the database, so every run writes all of them.
@Suite(.serialized)
struct CommitSyscallFaultTests {
    static let writingCalls = ["write", "pwrite64", "writev", "sendfile", "copy_file_range", "ftruncate", "fsync", "fdatasync",
                               "fchmod", "link", "linkat", "rename", "renameat", "renameat2", "unlink", "unlinkat", "mkdir",
                               "mkdirat", "utimensat"]
    /// Calls that can run out of space (unlink, fchmod and utimensat cannot).
    static let spaceCalls = ["write", "pwrite64", "writev", "sendfile", "copy_file_range", "ftruncate", "fsync", "fdatasync",
                             "link", "linkat", "rename", "renameat", "renameat2", "mkdir", "mkdirat"]

    enum Fault: String {
        case kill = "signal=KILL"
        case noSpace = "error=ENOSPC"
    }

    @Test(.enabled(if: Capability.strace.available, Comment(rawValue: Capability.strace.reason)))
    func killedAtEveryWritingSystemCall() throws {
        try sweep(.kill, Self.writingCalls)
    }

    @Test(.enabled(if: Capability.strace.available, Comment(rawValue: Capability.strace.reason)))
    func noSpaceAtEveryWritingSystemCall() throws {
        try sweep(.noSpace, Self.spaceCalls)
    }

    func sweep(_ fault: Fault, _ calls: [String]) throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        var scenario = try CommitScenario(sandbox)
        let strace = try #require(Helper.find("strace"))
        let binary = try CLI.binary.get().path
        let environment = sandbox.environment()
        let stderr = sandbox.temp.path("commit.stderr").path
        let trace = sandbox.temp.path("strace.out").path
        var tally: [CommitStop: Int] = [:]
        var points: [String] = []
        var temporaryObjects = 0
        for call in calls {
            for invocation in 1...200 {
                let context = "\(fault.rawValue) at \(call) #\(invocation)"
                let process = try SpawnedProcess(strace, ["-o", trace, "-e", "trace=\(call)",
                                                          "-e", "inject=\(call):\(fault.rawValue):when=\(invocation)", "--", binary]
                                                     + scenario.commitArguments("Syscall fault", all: invocation % 2 == 0),
                                                 in: scenario.repo, environment: environment, stderrPath: stderr)
                let end = process.wait()
                let traced = (try? String(contentsOfFile: trace, encoding: .utf8)) ?? ""
                let message = ((try? String(contentsOfFile: stderr, encoding: .utf8)) ?? "").trimmed
                let injected = traced.contains("(INJECTED)") || traced.contains("killed by SIGKILL")
                let seen = try scenario.verify(context)
                if !injected {
                    // The call was made fewer times than this: a complete, undisturbed commit.
                    #expect(end == .exited(0) && seen.headMoved && seen.indexPublished && !seen.indexLockLeft,
                            "\(context): \(end) \(message)")
                    try scenario.reset()
                    scenario.removeNewObjects()
                    break
                }
                let stop = CommitStop(end, seen)
                tally[stop, default: 0] += 1
                temporaryObjects += seen.temporaryObjects
                points.append("\(call)#\(invocation): \(stop)")
                switch fault {
                case .kill:
                    #expect(end == .signalled(SIGKILL), "\(context): \(end) \(message)")
                    if seen.indexLockLeft {
                        try CommitKillTests.expectStaleLockNamed(scenario, seen, context, thenCommit: false)
                    }
                    if stop == .afterRefBeforeIndex { try CommitKillTests.expectGitResetRepairsTheIndex(scenario, context) }
                case .noSpace:
                    // A failure is exit 2 with one line; it leaves no lock. Some failed calls
                    // have a fallback (libgit2 renames when link fails): then the commit succeeds.
                    #expect(end == .exited(2) || (end == .exited(0) && seen.headMoved && seen.indexPublished),
                            "\(context): \(end) \(message)")
                    #expect(!seen.indexLockLeft && !seen.branchLockLeft && seen.stagingLeft == 0, "\(context): left behind: \(seen)")
                    if end == .exited(2) {
                        #expect(message.hasPrefix("acctplan: error: ") && message.lines.count == 1, "\(context): \(message)")
                    }
                    if stop == .committedOutputLost {
                        #expect(message.contains("could not write standard output"), "\(context): \(message)")
                    } else if stop == .committedIndexNotUpdated {
                        #expect(message.contains("git reset"), "\(context): says how to repair the index: \(message)")
                        try CommitKillTests.expectGitResetRepairsTheIndex(scenario, context)
                    } else if end == .exited(2) {
                        #expect(!seen.headMoved && message.contains("nothing was changed"), "\(context): \(message)")
                    }
                }
                try scenario.reset()
                scenario.removeNewObjects()
            }
        }
        print("commit \(fault.rawValue) sweep: \(points.count) faults: \(CommitStop.summary(tally)); "
              + "libgit2 temporary object files left: \(temporaryObjects)")
        print("commit \(fault.rawValue) points: \(points.joined(separator: ", "))")
    }
}
