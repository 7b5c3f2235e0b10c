import Foundation
import PlanModel
import PlanReports
import PlanWorkspace
import PlanSupport

/// The folder `acctplan report` writes into. It must be new, empty, or hold an earlier report
/// (marked by a `.acctplan-report` file); files of an earlier report are replaced, and its pages
/// that this run does not write (an account that was removed) are deleted. Every file is written
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

    /// Renders and writes every page on all cores, then deletes pages of an earlier report that
    /// were not written now. Returns the number of files written.
    public func write(_ pages: [HTMLReport.Page]) throws -> Int {
        let root = url.path
        try Self.writeAtomically("This folder holds a report written by `acctplan report`. acctplan replaces and deletes the\n"
                                 + "files of this folder when it writes the report again.\n",
                                 to: root + "/" + Self.markerName)
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
        let failures = concurrentMap(pages.count) { index -> String? in
            let page = pages[index]
            do {
                try Self.writeAtomically(page.render(), to: root + "/" + page.path)
                return nil
            } catch let failure as any UserFacingError {
                return failure.message
            } catch {
                return "cannot write '\(page.path)': \(error)"
            }
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw ToolFailure(failure) }
        removeLeftovers(keeping: Set(pages.map(\.path)))
        return pages.count + 1
    }

    /// A page path: `NAME` or `FOLDER/NAME` with one of the report's folders, no `..`, no
    /// hidden or empty component.
    static func isSafe(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard let name = parts.last, !name.isEmpty, !name.hasPrefix("."), parts.count <= 2 else { return false }
        return parts.count == 1 || subfolders.contains(String(parts[0]))
    }

    /// Pages of an earlier report that this run did not write (`*.html` in the report's folders),
    /// and temporary files of an interrupted run.
    private func removeLeftovers(keeping written: Set<String>) {
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
                // unlink removes a link itself, never what it points to.
                if (isTemporary || isOldPage) && !Self.isRealDirectory(path + "/" + name) { unlink(path + "/" + name) }
            }
        }
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
