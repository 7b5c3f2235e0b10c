import Foundation
@testable import PlanGit
import Testing

/// libgit2 (Debian's build, with mbedTLS) loads the system's CA bundle when it starts; acctplan
/// answers that request itself and loads nothing (Sources/CGitOffline). These tests fail if the
/// answer stops being ours — the start-up cost would silently come back — or if libgit2 stops
/// working without the certificates.
@Suite struct OfflineCertificatesTests {
    @Test func libgit2AsksForCertificatesAndOurLoaderAnswers() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("a.md", "one\n")
        try scratch.git("add", "a.md")
        try scratch.git("commit", "-q", "-m", "first")
        // Opening a repository initialises libgit2, which asks for the certificates once.
        let repository = try GitRepository(discovering: scratch.root)
        #expect(certificateLoadRequests >= 1, """
            libgit2's certificate load did not reach CGitOffline. After an update from a build that linked \
            libgit2 as a shared library, .build still holds objects that name it: remove .build and build again.
            """)
        let commit = try repository.resolveCommit("HEAD")
        #expect(try repository.treeOfCommit(commit) != commit)
    }
}
