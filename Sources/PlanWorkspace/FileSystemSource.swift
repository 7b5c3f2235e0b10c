import Foundation
import PlanModel
import PlanSupport

/// The working tree: files under a workspace root on disk. A symbolic link is followed only
/// when it resolves inside the workspace; one that leads outside is listed as refused and never read.
public struct FileSystemSource: PlanSource {
    public let root: URL
    private let realRoot: String
    /// The files the last listing reached through no link at all (the common case): those are
    /// read straight below the resolved root with `O_NOFOLLOW` instead of resolving every
    /// component of their path twice (`realpath` cost 15 system calls a file).
    private let linkFree = LinkFreeFiles()

    public init(root: URL) {
        self.root = root.standardizedFileURL
        self.realRoot = RealPath.resolve(root.path) ?? root.standardizedFileURL.path
    }

    public var label: String { "the working tree" }

    public func listFiles(under folder: String) throws -> FileListing {
        var listing = FileListing()
        var visited = Set<String>()
        var direct: [String] = []
        walk(folder, into: &listing, visited: &visited, direct: &direct, throughLink: false)
        linkFree.replace(folder, with: DirectFiles(paths: Set(direct), realRoot: realRoot))
        listing.paths.sort()
        listing.refused.sort { $0.path < $1.path }
        return listing
    }

    /// `direct` collects the files reached through no link (`throughLink`: a link was followed
    /// on the way to `relative`, or `relative` itself is not its own real path).
    private func walk(_ relative: String, into listing: inout FileListing, visited: inout Set<String>, direct: inout [String],
                      throughLink: Bool) {
        let absolute = root.path + "/" + relative
        guard let real = RealPath.resolve(absolute) else { return }
        guard isInside(real) else {
            listing.refused.append(RefusedFile(path: relative, reason: "it is a link that leads outside the workspace"))
            return
        }
        guard visited.insert(real).inserted else { return } // a link cycle
        let linked = throughLink || real != realRoot + "/" + relative
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
                walk(child, into: &listing, visited: &visited, direct: &direct, throughLink: linked || isLink)
            } else if isLink ? isRegularFile(childPath) : (status.st_mode & S_IFMT) == S_IFREG {
                listing.paths.append(child)
                if !linked && !isLink { direct.append(child) }
            } else if name.hasSuffix(".md") {
                listing.refused.append(RefusedFile(path: child, reason: "it is not a regular file"))
            }
        }
    }

    public func read(_ path: String) throws -> Data? {
        if let data = linkFree.listing(containing: path)?.contents(path) { return data }
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
        if let size = linkFree.listing(containing: path)?.byteCount(path) { return size }
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

/// What the last listing of each folder found: the files it reached through no link. Replaced
/// by the folder's next listing (a language server lists again after every change on disk).
final class LinkFreeFiles: @unchecked Sendable {
    private let lock = NSLock()
    private var byFolder: [String: DirectFiles] = [:]

    func replace(_ folder: String, with files: DirectFiles) {
        lock.lock()
        defer { lock.unlock() }
        byFolder[folder] = files
    }

    /// The listing that reached `path` through no link, if one did.
    func listing(containing path: String) -> DirectFiles? {
        lock.lock()
        defer { lock.unlock() }
        guard let slash = path.firstIndex(of: "/"), let files = byFolder[String(path[..<slash])] else { return nil }
        return files.paths.contains(path) ? files : nil
    }
}

/// Files of one listing that are read without resolving links: each folder on the way is
/// opened below the resolved root with `O_NOFOLLOW` (so a link put there since the listing is
/// refused, not followed), its descriptor kept for the files beside it, and the file itself
/// opened with `O_NOFOLLOW` below that descriptor. Anything unusual returns nil and the caller
/// takes the careful path, which says why.
final class DirectFiles: @unchecked Sendable {
    let paths: Set<String>
    private let realRoot: String
    private let lock = NSLock()
    private var folders: [String: Int32] = [:]
    /// Folder descriptors kept at most (a workspace has tens to hundreds of folders).
    static let maxFolders = 256

    init(paths: Set<String>, realRoot: String) {
        self.paths = paths
        self.realRoot = realRoot
    }

    deinit {
        for descriptor in folders.values { close(descriptor) }
    }

    /// The descriptor of the folder `relative` ("" for the root), opened link by link.
    private func folder(_ relative: Substring) -> Int32? {
        lock.lock()
        defer { lock.unlock() }
        return openFolder(relative)
    }

    private func openFolder(_ relative: Substring) -> Int32? {
        if let known = folders[String(relative)] { return known }
        guard folders.count < Self.maxFolders else { return nil }
        let descriptor: Int32
        if relative.isEmpty {
            descriptor = open(realRoot, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        } else {
            let slash = relative.lastIndex(of: "/")
            let parentPath = slash.map { relative[..<$0] } ?? ""
            let name = slash.map { relative[relative.index(after: $0)...] } ?? relative
            guard let parent = openFolder(parentPath) else { return nil }
            descriptor = openat(parent, String(name), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        }
        guard descriptor >= 0 else { return nil }
        folders[String(relative)] = descriptor
        return descriptor
    }

    /// The size of a regular file (not a link), or nil.
    func byteCount(_ path: String) -> Int? {
        let slash = path.lastIndex(of: "/")
        guard let parent = folder(slash.map { path[..<$0] } ?? "") else { return nil }
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var status = stat()
        guard fstatat(parent, name, &status, AT_SYMLINK_NOFOLLOW) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(status.st_size)
    }

    /// The whole content of a regular file, or nil.
    func contents(_ path: String) -> Data? {
        withFile(path) { descriptor, status in
            var bytes = [UInt8](repeating: 0, count: max(Int(status.st_size), 0) + 1)
            var count = 0
            while true {
                if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(4096, bytes.count))) }
                let got = bytes.withUnsafeMutableBytes { buffer in
                    Foundation.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
                }
                if got < 0 {
                    if errno == EINTR { continue }
                    return nil
                }
                if got == 0 { break }
                count += got
            }
            return Data(bytes[..<count])
        }
    }

    private func withFile<T>(_ path: String, _ body: (Int32, stat) -> T?) -> T? {
        let slash = path.lastIndex(of: "/")
        guard let parent = folder(slash.map { path[..<$0] } ?? "") else { return nil }
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let descriptor = openat(parent, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        return body(descriptor, status)
    }
}
