import Foundation
import PlanModel
import PlanWorkspace
import Testing

/// The working tree's files are read below the resolved root without resolving each path again
/// (a listing remembers which files it reached through no link); whatever changes on disk after
/// the listing, nothing outside the workspace is read and nothing hangs.
struct FileSystemSourceTests {
    typealias Folder = WorkspaceWriterTests.Folder

    static func setUp() throws -> (Folder, Folder, FileSystemSource) {
        let inside = try Folder(), outside = try Folder()
        try FileManager.default.createDirectory(atPath: inside.file("accounts/east"), withIntermediateDirectories: true)
        try inside.write("accounts/a.md", "inside a\n")
        try inside.write("accounts/east/b.md", "inside b\n")
        try FileManager.default.createDirectory(atPath: outside.file("accounts/east"), withIntermediateDirectories: true)
        try outside.write("secret.md", "SECRET\n")
        try outside.write("accounts/east/b.md", "SECRET b\n")
        let source = FileSystemSource(root: inside.url)
        #expect(try source.listFiles(under: "accounts").paths == ["accounts/a.md", "accounts/east/b.md"])
        return (inside, outside, source)
    }

    /// The content `read` gives, or the error it throws, as text.
    static func outcome(_ source: FileSystemSource, _ path: String) -> String {
        do {
            return try source.read(path).map { String(decoding: $0, as: UTF8.self) } ?? "nil"
        } catch {
            return "error: \(error)"
        }
    }

    @Test func listedFilesAreReadAndSized() throws {
        let (inside, outside, source) = try Self.setUp()
        defer { inside.remove(); outside.remove() }
        #expect(Self.outcome(source, "accounts/a.md") == "inside a\n")
        #expect(Self.outcome(source, "accounts/east/b.md") == "inside b\n")
        #expect(source.byteCount("accounts/east/b.md") == 9)
        // A file changed after the listing is read as it is now.
        try inside.write("accounts/a.md", "changed, and longer than before\n")
        #expect(Self.outcome(source, "accounts/a.md") == "changed, and longer than before\n")
        #expect(source.byteCount("accounts/a.md") == 32)
    }

    /// The loader's read: a listed file is opened once, and its size from the open file decides
    /// whether it is read at all.
    @Test func aBoundedReadGivesTheBytesOrOnlyTheSize() throws {
        let (inside, outside, source) = try Self.setUp()
        defer { inside.remove(); outside.remove() }
        #expect(try source.read("accounts/east/b.md", unlessOver: 9) == .bytes(Data("inside b\n".utf8)))
        #expect(try source.read("accounts/east/b.md", unlessOver: 8) == .tooLarge(9))
        #expect(try source.read("accounts/missing.md", unlessOver: 100) == nil)
        // A sparse file of 6 GiB (no disk used): read, it would need 6 GB of memory.
        let handle = try #require(FileHandle(forWritingAtPath: inside.file("accounts/a.md")))
        try handle.truncate(atOffset: 6 << 30)
        try handle.close()
        #expect(try source.read("accounts/a.md", unlessOver: 4 << 20) == .tooLarge(6 << 30))
        // Swapped for a link after the listing: not followed out, as by `read`.
        try FileManager.default.removeItem(atPath: inside.file("accounts/a.md"))
        try FileManager.default.createSymbolicLink(atPath: inside.file("accounts/a.md"), withDestinationPath: outside.file("secret.md"))
        do {
            let result = try source.read("accounts/a.md", unlessOver: 100)
            #expect(result == nil, "\(String(describing: result))")
        } catch {
            #expect("\(error)".contains("outside the workspace"), "\(error)")
        }
    }

    @Test func aFileSwappedForALinkAfterTheListingIsNotFollowedOut() throws {
        let (inside, outside, source) = try Self.setUp()
        defer { inside.remove(); outside.remove() }
        try FileManager.default.removeItem(atPath: inside.file("accounts/a.md"))
        try FileManager.default.createSymbolicLink(atPath: inside.file("accounts/a.md"), withDestinationPath: outside.file("secret.md"))
        let result = Self.outcome(source, "accounts/a.md")
        #expect(!result.contains("SECRET"), "\(result)")
        #expect(result.contains("outside the workspace"), "\(result)")
    }

    @Test func aFolderSwappedForALinkAfterTheListingIsNotFollowedOut() throws {
        let (inside, outside, source) = try Self.setUp()
        defer { inside.remove(); outside.remove() }
        try FileManager.default.removeItem(atPath: inside.file("accounts/east"))
        try FileManager.default.createSymbolicLink(atPath: inside.file("accounts/east"), withDestinationPath: outside.file("accounts/east"))
        let result = Self.outcome(source, "accounts/east/b.md")
        #expect(!result.contains("SECRET"), "\(result)")
        #expect(source.byteCount("accounts/east/b.md") == nil)
    }

    @Test func aFileSwappedForAFIFOAfterTheListingDoesNotHang() throws {
        let (inside, outside, source) = try Self.setUp()
        defer { inside.remove(); outside.remove() }
        try FileManager.default.removeItem(atPath: inside.file("accounts/a.md"))
        #expect(mkfifo(inside.file("accounts/a.md"), 0o600) == 0)
        // Nobody writes the FIFO: a blocking open would wait forever.
        let result = Self.outcome(source, "accounts/a.md")
        #expect(!result.contains("inside a"), "\(result)")
        #expect(source.byteCount("accounts/a.md") == nil)
    }

    @Test func aListingAgainForgetsWhatChanged() throws {
        let (inside, outside, source) = try Self.setUp()
        defer { inside.remove(); outside.remove() }
        _ = Self.outcome(source, "accounts/east/b.md")
        // The folder is renamed and a new one made in its place: the new listing's file is read,
        // not the old folder's through a descriptor kept from before.
        try FileManager.default.moveItem(atPath: inside.file("accounts/east"), toPath: inside.file("accounts/old-east"))
        try FileManager.default.createDirectory(atPath: inside.file("accounts/east"), withIntermediateDirectories: true)
        try inside.write("accounts/east/b.md", "new b\n")
        _ = try source.listFiles(under: "accounts")
        #expect(Self.outcome(source, "accounts/east/b.md") == "new b\n")
    }

    @Test func theWorkspaceSwappedForALinkAfterTheListingIsNotFollowedOut() throws {
        let (inside, outside, source) = try Self.setUp()
        defer { inside.remove(); outside.remove() }
        // The workspace folder is moved away and a link to the outside put in its place.
        let moved = inside.url.path + "-moved"
        try FileManager.default.moveItem(atPath: inside.url.path, toPath: moved)
        defer { try? FileManager.default.removeItem(atPath: moved) }
        try FileManager.default.createSymbolicLink(atPath: inside.url.path, withDestinationPath: outside.url.path)
        let result = Self.outcome(source, "accounts/east/b.md")
        #expect(!result.contains("SECRET"), "\(result)")
    }

    @Test func aFolderMovedOutsideAfterAReadIsNotReadAgain() throws {
        let (inside, outside, source) = try Self.setUp()
        defer { inside.remove(); outside.remove() }
        #expect(Self.outcome(source, "accounts/east/b.md") == "inside b\n")
        try FileManager.default.moveItem(atPath: inside.file("accounts/east"), toPath: outside.file("moved-east"))
        try outside.write("moved-east/b.md", "NOW OUTSIDE\n")
        let result = Self.outcome(source, "accounts/east/b.md")
        #expect(!result.contains("OUTSIDE"), "\(result)")
    }

    @Test func manyFoldersKeepNoDescriptorOpen() throws {
        let inside = try Folder()
        defer { inside.remove() }
        for index in 0..<300 {
            try FileManager.default.createDirectory(atPath: inside.file("accounts/f\(index)"), withIntermediateDirectories: true)
            try inside.write("accounts/f\(index)/a.md", "plan \(index)\n")
        }
        // Only this workspace's descriptors are counted: other tests run in parallel in the same
        // process and open and close their own, so a process-wide count is not this test's.
        let root = inside.url.resolvingSymlinksInPath().path
        func descriptorsIntoTheWorkspace() -> [String] {
            let fds = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
            return fds.compactMap { try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\($0)") }
                .filter { $0 == root || $0.hasPrefix(root + "/") }
        }
        let source = FileSystemSource(root: inside.url)
        #expect(try source.listFiles(under: "accounts").paths.count == 300)
        for index in 0..<300 { #expect(Self.outcome(source, "accounts/f\(index)/a.md") == "plan \(index)\n") }
        let open = descriptorsIntoTheWorkspace()
        #expect(open.count <= 1, "the reads left descriptors open: \(open.prefix(5))")
    }
}
