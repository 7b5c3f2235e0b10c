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
        let rootDescriptor = DirectFiles.openRoot(realRoot)
        walk(folder, into: &listing, visited: &visited, direct: &direct, throughLink: false)
        linkFree.replace(folder, with: rootDescriptor.map { DirectFiles(paths: Set(direct), root: $0) })
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

    /// A file the listing reached through no link is opened once: its size comes from the open
    /// descriptor, and a file over `limit` is not read.
    public func read(_ path: String, unlessOver limit: Int) throws -> BoundedRead? {
        if let files = linkFree.listing(containing: path), let read = files.contents(path, unlessOver: limit) { return read }
        if let size = byteCount(path), size > limit { return .tooLarge(size) }
        return try read(path).map { .bytes($0) }
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

    func replace(_ folder: String, with files: DirectFiles?) {
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

/// Files of one listing that are read without resolving links. The resolved root is opened once,
/// with `O_NOFOLLOW`, when the listing is made (so a link put in the workspace's place later is
/// not followed, and only one descriptor is held per listing, whatever the number of folders);
/// for each read, every folder on the way is opened below it with `O_NOFOLLOW` and closed again
/// (a folder moved or replaced by a link since the listing is refused, not followed), and the
/// file itself is opened with `O_NOFOLLOW`. Anything unusual returns nil and the caller takes the
/// careful path, which says why.
final class DirectFiles: @unchecked Sendable {
    let paths: Set<String>
    private let root: Int32

    /// Opens the resolved root (before the listing walks it, so that the reads pin the folder
    /// that was listed); nil when it cannot be opened as a folder that is no link.
    static func openRoot(_ realRoot: String) -> Int32? {
        let root = open(realRoot, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        return root >= 0 ? root : nil
    }

    /// Takes over `root` (from ``openRoot(_:)``).
    init(paths: Set<String>, root: Int32) {
        self.paths = paths
        self.root = root
    }

    deinit { close(root) }

    /// Runs `body` with the descriptor of the folder holding `path` and the file's name; the
    /// folders opened on the way are closed afterwards.
    private func inFolder<T>(of path: String, _ body: (Int32, String) -> T?) -> T? {
        var components = path.split(separator: "/", omittingEmptySubsequences: false)
        guard let name = components.popLast(), !name.isEmpty else { return nil }
        var opened: [Int32] = []
        defer { for descriptor in opened { close(descriptor) } }
        var folder = root
        for component in components {
            let next = openat(folder, String(component), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard next >= 0 else { return nil }
            opened.append(next)
            folder = next
        }
        return body(folder, String(name))
    }

    /// The size of a regular file (not a link), or nil.
    func byteCount(_ path: String) -> Int? {
        inFolder(of: path) { parent, name in
            var status = stat()
            guard fstatat(parent, name, &status, AT_SYMLINK_NOFOLLOW) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
            return Int(status.st_size)
        }
    }

    /// The whole content of a regular file, or nil.
    func contents(_ path: String) -> Data? {
        guard case .bytes(let data) = contents(path, unlessOver: .max) else { return nil }
        return data
    }

    /// The whole content of a regular file, or its size when that is over `limit` (nothing read);
    /// nil when it is not a regular file reached through no link.
    func contents(_ path: String, unlessOver limit: Int) -> BoundedRead? {
        withFile(path) { descriptor, status in
            if Int(status.st_size) > limit { return .tooLarge(Int(status.st_size)) }
            // Read straight into the Data (one byte more than the size, to see a file that grew).
            var data = Data(count: max(Int(status.st_size), 0) + 1)
            var count = 0
            while true {
                if count == data.count { data.count += max(4096, data.count) }
                let got = data.withUnsafeMutableBytes { buffer in
                    Foundation.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
                }
                if got < 0 {
                    if errno == EINTR { continue }
                    return nil
                }
                if got == 0 { break }
                count += got
            }
            data.count = count
            return .bytes(data)
        }
    }

    private func withFile<T>(_ path: String, _ body: (Int32, stat) -> T?) -> T? {
        inFolder(of: path) { parent, name in
            let descriptor = openat(parent, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
            guard descriptor >= 0 else { return nil }
            defer { close(descriptor) }
            var status = stat()
            guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
            return body(descriptor, status)
        }
    }
}
