import Foundation
import PlanModel
import PlanReports
import PlanWorkspace
import PlanSupport

/// The folder `acctplan report` writes into. It must be new, empty, or hold an earlier report
/// (marked by a `.acctplan-report` file, which lists the report's pages); files of an earlier
/// report are replaced, and its pages that this run does not write (an account that was
/// removed) are deleted; other files are left alone. Every file is written
/// atomically (a temporary file in the same folder, then a rename) and only below the folder:
/// page paths are checked, and sub-folders that are links are refused.
public struct ReportFolder {
    static let markerName = ".acctplan-report"
    static let subfolders = ["accounts", "industries", "segments", "views", "whitespace"]

    public let url: URL

    /// Creates the folder when missing; refuses a file, or a non-empty folder without the marker.
    public static func prepare(_ path: String) throws -> ReportFolder {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let url = URL(fileURLWithPath: path, relativeTo: cwd).standardizedFileURL
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw ToolFailure("--output '\(path)' is a file, not a folder; give a new or empty folder, e.g. --output report")
            }
            let entries: [String]
            do {
                entries = try fileManager.contentsOfDirectory(atPath: url.path)
            } catch {
                throw ToolFailure("cannot read the folder '\(path)': \(error.localizedDescription)")
            }
            if !entries.isEmpty && !isRegularFile(url.appendingPathComponent(markerName).path) {
                throw ToolFailure("'\(path)' is not empty and holds no acctplan report (no \(markerName) file), so acctplan "
                    + "will not write into it; give a new or empty folder (e.g. --output report), or the folder of an earlier report")
            }
        } else {
            do {
                try fileManager.createDirectory(at: url, withIntermediateDirectories: true)
            } catch {
                throw ToolFailure("cannot create the folder '\(path)': \(error.localizedDescription)")
            }
        }
        return ReportFolder(url: url)
    }

    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    static func isRealDirectory(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// What ``write(_:)`` did: files written, and pages kept from the earlier report.
    public struct Outcome: Sendable, Equatable {
        public var written: Int
        public var kept: Int
    }

    /// Renders and writes every page on all cores, then deletes pages of an earlier report that
    /// were not written now. A page with a key (``HTMLReport/Page/key``) that the earlier
    /// report recorded for it, whose file is as that report left it (size, time stamp, inode),
    /// is kept without being rendered: a report written again into its folder makes only the
    /// account pages whose plan, findings or common inputs changed.
    public func write(_ pages: [HTMLReport.Page]) throws -> Outcome {
        let root = url.path
        let markerPath = root + "/" + Self.markerName
        // The pages the earlier report wrote, and this run's: listed before any page is written,
        // so that a run cut short still knows which pages are the report's; after, this run's.
        let earlier = Self.listedPages(markerPath)
        let written = Set(pages.map(\.path))
        try Self.writeAtomically(Self.marker(listing: (earlier ?? []).union(written)), to: markerPath)
        // The folders the pages use (an empty `views/` is not made for a workspace without views).
        let used = Set(pages.compactMap { page in page.path.split(separator: "/").dropLast().first.map(String.init) })
        for folder in Self.subfolders where used.contains(folder) {
            let path = root + "/" + folder
            if Self.isRealDirectory(path) { continue }
            guard mkdir(path, 0o755) == 0 else {
                throw ToolFailure("cannot create '\(path)': "
                    + (errno == EEXIST ? "it exists and is not a folder (a link or a file); remove it" : String(cString: strerror(errno))))
            }
        }
        for page in pages where !Self.isSafe(page.path) {
            throw ToolFailure("refusing to write '\(page.path)' outside the report folder")
        }
        let keysPath = root + "/" + Self.keysName
        let recorded = PageKeys.read(keysPath)
        let results = concurrentMap(pages.count) { index -> (failure: String?, key: PageKeys.Entry?, kept: Bool) in
            let page = pages[index]
            let path = root + "/" + page.path
            let key = page.key?()
            if let key, let old = recorded[page.path], old.key == key, PageKeys.FileState(path) == old.state {
                return (nil, old, true)
            }
            do {
                // The state of the file this run wrote (not of what is at `path` a moment later,
                // which another report writing the same folder may have replaced).
                var state: PageKeys.FileState?
                try AtomicFile.write(Array(page.render().utf8), to: path, mode: Self.fileMode, sync: false,
                                     written: { state = PageKeys.FileState($0) })
                // Asked again: a page found to mix two versions of its plan while rendered has none.
                let recorded = key == nil ? nil : page.key?()
                return (nil, recorded.flatMap { key in state.map { PageKeys.Entry(path: page.path, key: key, state: $0) } }, false)
            } catch let failure as any UserFacingError {
                return (failure.message, nil, false)
            } catch {
                return ("cannot write '\(page.path)': \(error)", nil, false)
            }
        }
        if let failure = results.lazy.compactMap({ $0.failure }).first { throw ToolFailure(failure) }
        removeLeftovers(keeping: written, earlier: earlier)
        try Self.writeAtomically(Self.marker(listing: written), to: markerPath)
        // Last: a run cut short leaves the earlier keys, which the files it wrote no longer match.
        // The keys only spare work: where they cannot be written (a folder of that name, a full
        // disk) the report stands, and the earlier keys match none of the pages written now.
        try? Self.writeAtomically(PageKeys.text(results.compactMap(\.key)), to: keysPath)
        let kept = results.filter(\.kept).count
        return Outcome(written: pages.count - kept + 1, kept: kept) // and the marker (not its companion)
    }

    /// The file that records each kept-able page's key and the state of the file written for it.
    static let keysName = ".acctplan-report-keys"

    /// The marker file: what the folder is, and the pages the report wrote, one per line.
    static func marker(listing pages: Set<String>) -> String {
        "This folder holds a report written by `acctplan report`. acctplan replaces the pages listed\n"
            + "below when it writes the report again, and deletes those it no longer writes; other files\n"
            + "are left alone.\n" + markerListHeading + "\n" + pages.sorted().map { $0 + "\n" }.joined()
    }

    static let markerListHeading = "pages:"

    /// The pages a marker lists; nil for a marker written before markers listed them.
    static func listedPages(_ path: String) -> Set<String>? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let heading = lines.firstIndex(of: markerListHeading) else { return nil }
        return Set(lines[(heading + 1)...].filter { !$0.isEmpty && isSafe($0) && $0.hasSuffix(".html") })
    }

    /// A page path: `NAME` or `FOLDER/NAME` with one of the report's folders, no `..`, no
    /// hidden or empty component.
    static func isSafe(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard let name = parts.last, !name.isEmpty, !name.hasPrefix("."), parts.count <= 2 else { return false }
        return parts.count == 1 || subfolders.contains(String(parts[0]))
    }

    /// Pages of an earlier report that this run did not write, and temporary files of an
    /// interrupted run. An earlier page is one the marker listed; under a marker from before the
    /// lists, a `*.html` in the report's folders that says acctplan wrote it (its generator
    /// line). A page of the user's own in those folders was deleted too (a newcomer trial).
    private func removeLeftovers(keeping written: Set<String>, earlier: Set<String>?) {
        for folder in [""] + Self.subfolders {
            let path = folder.isEmpty ? url.path : url.path + "/" + folder
            // A folder this run did not use may be anything: only a real one is looked into
            // (a link named views/ must not lead the clean-up elsewhere).
            guard folder.isEmpty || Self.isRealDirectory(path),
                  let entries = try? FileManager.default.contentsOfDirectory(atPath: path) else { continue }
            for name in entries {
                let relative = folder.isEmpty ? name : folder + "/" + name
                let isTemporary = AtomicFile.isLeftover(name)
                let isOldPage = !folder.isEmpty && name.hasSuffix(".html") && !written.contains(relative)
                    && (earlier.map { $0.contains(relative) } ?? Self.saysAcctplanWroteIt(path + "/" + name))
                // unlink removes a link itself, never what it points to.
                if (isTemporary || isOldPage) && !Self.isRealDirectory(path + "/" + name) { unlink(path + "/" + name) }
            }
        }
    }

    /// Whether the page's head names acctplan as its generator (a regular file only).
    static func saysAcctplanWroteIt(_ path: String) -> Bool {
        guard isRegularFile(path), let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 2048)) ?? Data()
        return String(decoding: head, as: UTF8.self).contains("<meta name=\"generator\" content=\"acctplan ")
    }

    /// Writes `text` atomically (``AtomicFile``); a link at `path` is replaced, not followed.
    /// Not flushed to disk: a report can always be written again.
    /// 0666 less the umask, as `open` would create the file (read once: `umask` can only be
    /// read by setting it).
    static let fileMode: mode_t = {
        let mask = umask(0o022)
        umask(mask)
        return 0o666 & ~mask
    }()

    static func writeAtomically(_ text: String, to path: String) throws {
        try AtomicFile.write(Array(text.utf8), to: path, mode: fileMode, sync: false)
    }
}

/// `.acctplan-report-keys`: one line per page with a key — the key, the written file's size,
/// modification time (nanoseconds) and inode, and the page's path. Anything it cannot read
/// (a damaged or foreign file) counts as no record: those pages are rendered again.
enum PageKeys {
    struct FileState: Equatable, Sendable {
        var size: Int64
        var modified: Int64
        var inode: UInt64

        /// The state of a regular file at `path`; nil for anything else.
        init?(_ path: String) {
            var info = stat()
            guard lstat(path, &info) == 0 else { return nil }
            self.init(info)
        }

        init?(_ info: stat) {
            guard (info.st_mode & S_IFMT) == S_IFREG else { return nil }
            size = Int64(info.st_size)
            modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
            inode = UInt64(info.st_ino)
        }

        init(size: Int64, modified: Int64, inode: UInt64) {
            self.size = size
            self.modified = modified
            self.inode = inode
        }
    }

    struct Entry: Sendable {
        var path: String
        var key: String
        var state: FileState
    }

    static let heading = "acctplan report page keys 1"

    static func text(_ entries: [Entry]) -> String {
        heading + "\n" + entries.sorted { $0.path < $1.path }
            .map { "\($0.key) \($0.state.size) \($0.state.modified) \($0.state.inode) \($0.path)\n" }.joined()
    }

    static func read(_ path: String) -> [String: Entry] {
        guard ReportFolder.isRegularFile(path), let data = FileManager.default.contents(atPath: path) else { return [:] }
        // Cut on bytes (10,000 lines): fields are ASCII digits and hex, the path the rest of the line.
        let bytes = [UInt8](data)
        var lines = bytes.split(separator: UInt8(ascii: "\n"))
        guard let first = lines.first, first.elementsEqual(heading.utf8) else { return [:] }
        lines.removeFirst()
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(lines.count)
        for line in lines {
            let fields = line.split(separator: UInt8(ascii: " "), maxSplits: 4, omittingEmptySubsequences: false)
            guard fields.count == 5, fields[0].count == 32, fields[0].allSatisfy(isHexDigit),
                  let size = number(fields[1]), let modified = number(fields[2]),
                  let inode = UInt64(String(decoding: fields[3], as: UTF8.self)),
                  let page = String(validating: fields[4], as: UTF8.self) else { continue }
            entries[page] = Entry(path: page, key: String(decoding: fields[0], as: UTF8.self),
                                  state: FileState(size: size, modified: modified, inode: inode))
        }
        return entries
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
    }

    /// A non-negative decimal number that fits an Int64 (a time stamp in nanoseconds has 19 digits).
    private static func number(_ digits: ArraySlice<UInt8>) -> Int64? {
        guard !digits.isEmpty, digits.count <= 19 else { return nil }
        var value: Int64 = 0
        for byte in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            let (times, overflowTimes) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowSum) = times.addingReportingOverflow(Int64(byte - UInt8(ascii: "0")))
            guard !overflowTimes, !overflowSum else { return nil }
            value = sum
        }
        return value
    }
}
