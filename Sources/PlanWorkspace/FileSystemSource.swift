import Foundation
import PlanModel
import PlanSupport

/// The working tree: files under a workspace root on disk. A symbolic link is followed only
/// when it resolves inside the workspace; one that leads outside is listed as refused and never read.
public struct FileSystemSource: PlanSource {
    public let root: URL
    private let realRoot: String

    public init(root: URL) {
        self.root = root.standardizedFileURL
        self.realRoot = RealPath.resolve(root.path) ?? root.standardizedFileURL.path
    }

    public var label: String { "the working tree" }

    public func listFiles(under folder: String) throws -> FileListing {
        var listing = FileListing()
        var visited = Set<String>()
        walk(folder, into: &listing, visited: &visited)
        listing.paths.sort()
        listing.refused.sort { $0.path < $1.path }
        return listing
    }

    private func walk(_ relative: String, into listing: inout FileListing, visited: inout Set<String>) {
        let absolute = root.path + "/" + relative
        guard let real = RealPath.resolve(absolute) else { return }
        guard isInside(real) else {
            listing.refused.append(RefusedFile(path: relative, reason: "it is a link that leads outside the workspace"))
            return
        }
        guard visited.insert(real).inserted else { return } // a link cycle
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: absolute) else { return }
        for name in names.sorted() where !name.hasPrefix(".") {
            let child = relative + "/" + name
            let childPath = absolute + "/" + name
            var status = stat()
            guard lstat(childPath, &status) == 0 else { continue }
            let isLink = (status.st_mode & S_IFMT) == S_IFLNK
            var isDirectory = (status.st_mode & S_IFMT) == S_IFDIR
            if isLink {
                guard let target = RealPath.resolve(childPath) else {
                    if name.hasSuffix(".md") {
                        listing.refused.append(RefusedFile(path: child, reason: "it is a link to nothing"))
                    }
                    continue
                }
                guard isInside(target) else {
                    listing.refused.append(RefusedFile(path: child, reason: "it is a link that leads outside the workspace"))
                    continue
                }
                var targetStatus = stat()
                guard stat(target, &targetStatus) == 0 else { continue }
                isDirectory = (targetStatus.st_mode & S_IFMT) == S_IFDIR
            }
            if isDirectory {
                walk(child, into: &listing, visited: &visited)
            } else if isRegularFile(childPath) {
                listing.paths.append(child)
            } else if name.hasSuffix(".md") {
                listing.refused.append(RefusedFile(path: child, reason: "it is not a regular file"))
            }
        }
    }

    public func read(_ path: String) throws -> Data? {
        let absolute = root.path + "/" + path
        guard let real = RealPath.resolve(absolute) else { return nil }
        guard isInside(real) else { throw ReadRefused(path: path, reason: "it leads outside the workspace") }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: real))
        } catch {
            throw WorkspaceError.unreadable(path, error.localizedDescription)
        }
    }

    public func byteCount(_ path: String) -> Int? {
        guard let real = RealPath.resolve(root.path + "/" + path), isInside(real) else { return nil }
        var status = stat()
        guard stat(real, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(status.st_size)
    }

    private func isRegularFile(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
    }

    private func isInside(_ real: String) -> Bool { RealPath.isInside(real, realRoot) }
}
