import PlanSupport
import Testing

struct FolderPathTests {
    @Test func relativeToAFolder() {
        #expect(FolderPath.relative("/repo/ws/accounts/a.md", to: "/repo/ws") == "accounts/a.md")
        #expect(FolderPath.relative("/repo/ws", to: "/repo/ws") == "")
        #expect(FolderPath.relative("/repo/ws", to: "/repo/ws/") == "")
        #expect(FolderPath.relative("/repo/wsx/a.md", to: "/repo/ws") == nil)
        #expect(FolderPath.relative("/repo", to: "/repo/ws") == nil)
        #expect(FolderPath.relative("/etc/passwd", to: "/") == "etc/passwd")
        #expect(FolderPath.relative("accounts/east/a.md", to: "accounts") == "east/a.md")
    }

    @Test func scopesCoverFilesAndFolders() {
        #expect(FolderPath.covers("", "accounts/a.md"))
        #expect(FolderPath.covers(".", "accounts/a.md"))
        #expect(FolderPath.covers("accounts", "accounts/a.md"))
        #expect(FolderPath.covers("accounts/", "accounts/a.md"))
        #expect(FolderPath.covers("accounts/a.md", "accounts/a.md"))
        #expect(!FolderPath.covers("accounts/a", "accounts/a.md"))
        #expect(!FolderPath.covers("account", "accounts/a.md"))
    }

    @Test func insideIsTheSameTestOnResolvedPaths() {
        #expect(RealPath.isInside("/repo/ws/a.md", "/repo/ws"))
        #expect(RealPath.isInside("/repo/ws", "/repo/ws"))
        #expect(!RealPath.isInside("/repo/wsx", "/repo/ws"))
        #expect(RealPath.isInside("/anything", "/"))
    }
}
