import Foundation
import Testing

/// The process runner the end-to-end tests stand on.
struct SubprocessTests {
    static let shell = "/bin/sh"

    func run(_ script: String, directory: String = "/", environment: [String: String] = [:],
             timeout: TimeInterval = 30) throws -> Subprocess.Result {
        try Subprocess.run(Self.shell, ["-c", script], environment: environment, directory: directory, timeout: timeout)
    }

    @Test func exitStatusAndBothStreams() throws {
        let result = try run("printf out; printf err >&2; exit 3")
        #expect(result.termination == .exited(3))
        #expect(String(decoding: result.stdout, as: UTF8.self) == "out")
        #expect(String(decoding: result.stderr, as: UTF8.self) == "err")
        #expect(!result.timedOut)
    }

    @Test func signalIsDecoded() throws {
        let result = try run("kill -9 $$")
        #expect(result.termination == .signaled(9))
        #expect(result.termination.shellStatus == 137)
    }

    /// Megabytes on both pipes at once: a runner that read one pipe to its end before the other
    /// would deadlock here.
    @Test func largeOutputOnBothStreams() throws {
        let result = try run("head -c 3000000 /dev/zero >&2; head -c 5000000 /dev/zero; head -c 3000000 /dev/zero >&2")
        #expect(result.termination == .exited(0))
        #expect(result.stdout.count == 5_000_000)
        #expect(result.stderr.count == 6_000_000)
    }

    @Test func environmentDirectoryAndStdin() throws {
        let temp = try TempDir()
        defer { temp.remove() }
        let result = try run("pwd; echo \"$ONLY\"; echo \"${HOME-unset}\"; cat", directory: temp.url.path,
                             environment: ["ONLY": "this", "PATH": "/usr/bin:/bin"])
        #expect(String(decoding: result.stdout, as: UTF8.self) == "\(temp.url.path)\nthis\nunset\n")
    }

    @Test func timeoutKillsTheChildAndWhatItStarted() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let result = try run("sleep 60 & sleep 60; echo never", timeout: 0.5)
        #expect(result.timedOut)
        #expect(result.termination == .signaled(9))
        #expect(result.stdout.isEmpty)
        #expect(clock.now - start < .seconds(30), "not the children's 60 s")
    }

    @Test func missingDirectoryOrProgramThrows() {
        #expect(throws: Subprocess.SpawnError.self) {
            try Subprocess.run(Self.shell, [], environment: [:], directory: "/nonexistent-\(UUID())", timeout: 5)
        }
        #expect(throws: Subprocess.SpawnError.self) {
            try Subprocess.run("/nonexistent-\(UUID())", [], environment: [:], directory: "/", timeout: 5)
        }
    }
}
