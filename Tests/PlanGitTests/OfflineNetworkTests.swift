import CGit2
import CGitOffline
import Foundation
@testable import PlanGit
import Testing

/// libgit2 (Debian's build, with mbedTLS and libssh2) sets TLS and SSH up when it starts — the
/// system's CA bundle, a random generator seeded from the CPU's clock, OpenSSL's tables; acctplan
/// answers those requests itself and sets nothing up (Sources/CGitOffline). These tests fail if the
/// answer stops being ours — the start-up cost would silently come back — if libgit2 stops working
/// without them, or if a TLS or SSH connection would be attempted instead of refused.
@Suite struct OfflineNetworkTests {
    @Test func libgit2AsksToSetUpTLSAndSSHAndOurAnswerSetsNothingUp() throws {
        let scratch = try Scratch.withOneCommit()
        defer { scratch.remove() }
        // Opening a repository initialises libgit2, which asks to set TLS and SSH up once each.
        let repository = try GitRepository(discovering: scratch.root)
        #expect(networkSetupRequests >= 2, """
            libgit2's TLS or SSH set-up did not reach CGitOffline. After an update from a build that linked \
            libgit2 as a shared library, .build still holds objects that name it: remove .build and build again.
            """)
        let commit = try repository.resolveCommit("HEAD")
        #expect(try repository.treeOfCommit(commit) != commit)
    }

    @Test(arguments: [("https://example.invalid/plans.git", "TLS is not available"),
                      ("ssh://git@example.invalid/plans.git", "SSH is not available"),
                      ("git@example.invalid:plans.git", "SSH is not available")])
    func aRemoteOverTheNetworkIsRefusedBeforeAnyConnection(url: String, refusal: String) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let repository = try GitRepository(discovering: scratch.root)
        var remote: OpaquePointer?
        #expect(git_remote_create_anonymous(&remote, repository.handle, url) == 0)
        defer { git_remote_free(remote) }
        let connected = git_remote_connect(remote, GIT_DIRECTION_FETCH, nil, nil, nil)
        #expect(connected < 0)
        let error = git_error_last().map { String(cString: $0.pointee.message) } ?? ""
        #expect(error.contains(refusal), "\(url): \(error)")
    }

    /// libgit2's public SSH transport with explicit paths reaches libssh2 through a call inside
    /// ssh.c; lld's `--wrap` (the executable and tests link with lld: Package.swift) sends that
    /// call to the refusal too.
    @Test func theSSHTransportWithPathsIsRefused() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let repository = try GitRepository(discovering: scratch.root)
        var remote: OpaquePointer?
        #expect(git_remote_create_anonymous(&remote, repository.handle, "ssh://git@example.invalid/plans.git") == 0)
        defer { git_remote_free(remote) }
        var transport: UnsafeMutablePointer<git_transport>?
        var paths: [UnsafeMutablePointer<CChar>?] = [strdup("git-upload-pack"), strdup("git-receive-pack")]
        defer { paths.forEach { free($0) } }
        let status = paths.withUnsafeMutableBufferPointer { buffer in
            var strings = git_strarray(strings: buffer.baseAddress, count: buffer.count)
            return git_transport_ssh_with_paths(&transport, remote, &strings)
        }
        if status == 0, let transport {
            transport.pointee.free(transport)
            Issue.record("an SSH transport was made")
        }
        let error = git_error_last().map { String(cString: $0.pointee.message) } ?? ""
        #expect(error.contains("SSH is not available"), "\(error)")
    }
}

/// The object-id check on reading is plain SHA-1 (OpenSSL) inside PlanGit's lookups and
/// libgit2's SHA-1DC everywhere else (Sources/CGitOffline/read_check_sha1.c). Both must give every
/// object the same id; the damaged-pack test (`aPackIndexPointingAtAnotherObjectIsAnErrorNeverAnotherPlan`)
/// shows the plain check still refuses the wrong object.
@Suite struct PlainReadCheckTests {
    private func id(of bytes: [UInt8], plain: Bool) -> String {
        if plain { acctplan_git_plain_read_check_begin() }
        defer { if plain { acctplan_git_plain_read_check_end() } }
        var oid = git_oid()
        let status = bytes.withUnsafeBytes { git_odb_hash(&oid, $0.baseAddress, $0.count, GIT_OBJECT_BLOB) }
        #expect(status == 0)
        return ObjectID(oid).description
    }

    @Test func plainAndCollisionDetectingSHA1GiveEveryObjectTheSameID() {
        _ = libgit2Initialized
        var generator = SystemRandomNumberGenerator()
        // Around SHA-1's 64-byte blocks and its 55/56-byte padding boundary, and a large object.
        for size in [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000, 4096, 1 << 20] {
            let bytes = (0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let before = acctplan_git_plain_read_check_count()
            let plain = id(of: bytes, plain: true)
            #expect(acctplan_git_plain_read_check_count() == before + 1, "the plain hash was not used for \(size) bytes")
            let detecting = id(of: bytes, plain: false)
            #expect(acctplan_git_plain_read_check_count() == before + 1, "outside a bracket, \(size) bytes went plain")
            #expect(plain == detecting, "\(size) bytes")
        }
        // git's own id of a known blob: `printf 'one\n' | git hash-object --stdin`.
        #expect(id(of: Array("one\n".utf8), plain: true) == "5626abf0f72e58d7a153368ba57db4c673c0e171")
        #expect(id(of: Array("one\n".utf8), plain: false) == "5626abf0f72e58d7a153368ba57db4c673c0e171")
    }

    /// What libgit2 writes keeps collision detection: no hash of a write goes plain, also when the
    /// write comes right after a read (a context's memory reused).
    @Test func writingAnObjectKeepsCollisionDetection() throws {
        let scratch = try Scratch.withOneCommit()
        defer { scratch.remove() }
        let repository = try GitRepository(discovering: scratch.root)
        _ = try repository.content(of: "a.md", at: .tree(repository.treeOfCommit(repository.resolveCommit("HEAD"))))
        let before = plainReadChecks
        var oid = git_oid()
        let text = Array("two\n".utf8)
        let status = text.withUnsafeBytes { git_blob_create_from_buffer(&oid, repository.handle, $0.baseAddress, $0.count) }
        #expect(status == 0)
        #expect(ObjectID(oid).description == "f719efd430d52bcfc8566a43b2eb655688d38871")
        #expect(plainReadChecks == before, "writing a blob hashed it with plain SHA-1")
    }

    @Test func readingAPlanThroughPlanGitUsesThePlainCheckAndFindsTheRightBytes() throws {
        let scratch = try Scratch.withOneCommit()
        defer { scratch.remove() }
        let repository = try GitRepository(discovering: scratch.root)
        let tree = try repository.treeOfCommit(repository.resolveCommit("HEAD"))
        let before = plainReadChecks
        let data = try repository.content(of: "a.md", at: .tree(tree))
        #expect(data.map { String(decoding: $0, as: UTF8.self) } == "one\n")
        #expect(plainReadChecks > before)
    }
}

/// Objects are inflated whole by libdeflate (inflate_whole.c), loose and packed, and read the same.
@Suite struct WholeInflationTests {
    @Test func aLooseAndAPackedPlanAreInflatedWholeAndReadTheSame() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        // Large enough to be deflated in several blocks; repetitive enough to be compressed.
        let text = (1...400).map { "| opp-\($0) | Treasury upgrade \($0 * 7) | propose | CNY \($0).5M | 45% |\n" }.joined()
        try scratch.write("a.md", text)
        try scratch.git("add", "a.md")
        try scratch.git("commit", "-q", "-m", "first")
        let readLoose = try GitRepository(discovering: scratch.root)
        let beforeLoose = acctplan_git_whole_inflations()
        let loose = try readLoose.content(of: "a.md", at: .tree(readLoose.treeOfCommit(readLoose.resolveCommit("HEAD"))))
        #expect(loose.map { String(decoding: $0, as: UTF8.self) } == text)
        #expect(acctplan_git_whole_inflations() > beforeLoose, "the loose blob went through libdeflate")

        try scratch.git("gc", "-q")
        let repository = try GitRepository(discovering: scratch.root)
        let before = acctplan_git_whole_inflations()
        let packed = try repository.content(of: "a.md", at: .tree(repository.treeOfCommit(repository.resolveCommit("HEAD"))))
        #expect(packed.map { String(decoding: $0, as: UTF8.self) } == text)
        #expect(acctplan_git_whole_inflations() > before, "the packed blob went through libdeflate")
    }
}

extension WholeInflationTests {
    /// libgit2's loose read streams read a little at a time, and two can interleave on one
    /// thread: the one whose buffer went to the other is inflated again where it stopped
    /// (independent review), never read from its start again.
    @Test func interleavedLooseReadStreamsEachReadTheirOwnBytes() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let first = (1...300).map { "first \($0) \($0 * 31)\n" }.joined()
        let second = (1...300).map { "second \($0) \($0 * 17)\n" }.joined()
        try scratch.write("a.md", first)
        try scratch.write("b.md", second)
        try scratch.git("add", "a.md", "b.md")
        try scratch.git("commit", "-q", "-m", "two")
        let repository = try GitRepository(discovering: scratch.root)
        var odb: OpaquePointer?
        #expect(git_repository_odb(&odb, repository.handle) == 0)
        defer { git_odb_free(odb) }
        func stream(_ text: String) throws -> OpaquePointer {
            var oid = git_oid()
            #expect(git_odb_hash(&oid, text, text.utf8.count, GIT_OBJECT_BLOB) == 0)
            var stream: UnsafeMutablePointer<git_odb_stream>?
            var length = 0
            var type = GIT_OBJECT_INVALID
            #expect(git_odb_open_rstream(&stream, &length, &type, odb, &oid) == 0 && length == text.utf8.count)
            return OpaquePointer(try #require(stream))
        }
        let a = try stream(first), b = try stream(second)
        defer { git_odb_stream_free(UnsafeMutablePointer(a)); git_odb_stream_free(UnsafeMutablePointer(b)) }
        var read: [OpaquePointer: [UInt8]] = [a: [], b: []]
        var buffer = [CChar](repeating: 0, count: 1000)
        var open: Set<OpaquePointer> = [a, b]
        while !open.isEmpty {
            for handle in [a, b] where open.contains(handle) {
                let count = git_odb_stream_read(UnsafeMutablePointer(handle), &buffer, buffer.count)
                #expect(count >= 0, "\(String(cString: git_error_last().pointee.message))")
                if count <= 0 { open.remove(handle); continue }
                read[handle, default: []] += buffer[..<Int(count)].map { UInt8(bitPattern: $0) }
            }
        }
        #expect(String(decoding: read[a] ?? [], as: UTF8.self) == first)
        #expect(String(decoding: read[b] ?? [], as: UTF8.self) == second)
    }
}

extension Scratch {
    /// A repository whose one commit holds `a.md` ("one").
    static func withOneCommit() throws -> Scratch {
        let scratch = try Scratch()
        try scratch.write("a.md", "one\n")
        try scratch.git("add", "a.md")
        try scratch.git("commit", "-q", "-m", "first")
        return scratch
    }
}
