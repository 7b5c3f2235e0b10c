import Foundation
import PlanModel
import PlanReports
import PlanSupport
import PlanWorkspace

/// The history store: what `rollup --since`/`--trend` (and `report`'s) read of each blob — its
/// ``StageAndGroups`` — kept in `acctplan/history-store` under the repository's git folder, so a
/// later run takes it from there instead of inflating and parsing the blob again. A blob id names
/// its bytes forever, so an entry never goes stale; the file also names the binary that wrote it
/// (version, size and modification time of the executable): another build starts afresh.
///
/// Safe by construction (docs/reliability.md): the file ends with a count and a checksum of
/// everything before; a file that is damaged, cut short, too large, written by another build or
/// not a regular file is ignored (and replaced at the end of the run), so output never differs
/// from a run without it (tested). It is rewritten whole, through a temporary file and a rename,
/// only when the run added something; failing to write it only costs the next run its speed.
/// `ACCTPLAN_HISTORY_STORE=off` leaves it unread and unwritten.
public final class HistoryStore: StageAndGroupsStore, @unchecked Sendable {
    static let formatLine = "acctplan history store 1"
    static let folderName = "acctplan"
    static let fileName = "history-store"
    /// Larger files are not read (about 200 bytes an entry: ~300,000 entries).
    static let maxBytes = 64 << 20
    /// Beyond this many entries, only those this run used are written back.
    static let maxEntries = 250_000

    private let folder: URL
    private let identity: String
    private let lock = NSLock()
    private var entries: [String: StageAndGroups]
    private var used = Set<String>()
    private var changed: Bool
    /// Lookups answered and blobs recorded, for tests and benchmarks.
    public private(set) var hits = 0
    public private(set) var recorded = 0

    /// The store of the repository whose git folder is `gitDirectory`; nil when the environment
    /// turns it off (`ACCTPLAN_HISTORY_STORE=off`).
    public static func open(gitDirectory: String,
                            environment: (String) -> String? = Environment.value) -> HistoryStore? {
        if environment("ACCTPLAN_HISTORY_STORE")?.lowercased() == "off" { return nil }
        return HistoryStore(folder: URL(fileURLWithPath: gitDirectory).appendingPathComponent(folderName),
                            identity: builderIdentity())
    }

    init(folder: URL, identity: String) {
        self.folder = folder
        self.identity = identity
        let read = HistoryStore.isRealFolder(folder, create: false)
            ? HistoryStore.read(folder.appendingPathComponent(HistoryStore.fileName), identity: identity) : nil
        entries = read ?? [:]
        // A file that was there but could not be used is replaced even if nothing is added.
        changed = read == nil && FileManager.default.fileExists(atPath: folder.appendingPathComponent(HistoryStore.fileName).path)
    }

    public func stageAndGroups(forKey key: String) -> StageAndGroups? {
        lock.withLock {
            guard let value = entries[key] else { return nil }
            hits += 1
            used.insert(key)
            return value
        }
    }

    public func record(_ value: StageAndGroups, forKey key: String) {
        guard HistoryStore.storable(value) else { return }
        lock.withLock {
            used.insert(key)
            guard entries.updateValue(value, forKey: key) != value else { return }
            recorded += 1
            changed = true
        }
    }

    /// Writes the store back when this run added to it. Errors are swallowed: the store only
    /// saves time.
    public func save() {
        let (text, write): (String, Bool) = lock.withLock {
            guard changed else { return ("", false) }
            var kept = entries
            if kept.count > HistoryStore.maxEntries { kept = kept.filter { used.contains($0.key) } }
            return (HistoryStore.encode(kept, identity: identity), true)
        }
        guard write, HistoryStore.isRealFolder(folder, create: true) else { return }
        let target = folder.appendingPathComponent(HistoryStore.fileName)
        let temporary = folder.appendingPathComponent("\(HistoryStore.fileName).\(getpid()).tmp")
        let descriptor = Foundation.open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return }
        var bytes = Array(text.utf8)
        let complete = bytes.withUnsafeMutableBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { return false }
                offset += written
            }
            return true
        }
        close(descriptor)
        if !complete || rename(temporary.path, target.path) != 0 { unlink(temporary.path) }
    }

    /// Whether `folder` is a directory of its own (not a link), creating it when asked.
    static func isRealFolder(_ folder: URL, create: Bool) -> Bool {
        var status = stat()
        if lstat(folder.path, &status) != 0 {
            guard create, errno == ENOENT, mkdir(folder.path, 0o755) == 0 || errno == EEXIST else { return false }
            guard lstat(folder.path, &status) == 0 else { return false }
        }
        return status.st_mode & S_IFMT == S_IFDIR
    }

    // MARK: - The file

    /// Values that cannot be written on one line are not stored (read again each run).
    static func storable(_ value: StageAndGroups) -> Bool {
        let strings = [value.stage, value.industry, value.manager, value.region, value.abu].compactMap { $0 } + value.segments
        return strings.allSatisfy { string in
            !string.unicodeScalars.contains { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{1F}" }
        }
    }

    static func encode(_ entries: [String: StageAndGroups], identity: String) -> String {
        var text = formatLine + "\n" + "identity " + identity + "\n"
        func optional(_ value: String?) -> String { value.map { "=" + $0 } ?? "" }
        for key in entries.keys.sorted() {
            let value = entries[key]!
            let flags = value.isReadable ? "r" : value.hasMergeConflicts ? "m" : "u"
            let segments = value.segments.isEmpty ? "" : "=" + value.segments.joined(separator: "\u{1F}")
            text += [key, flags, optional(value.stage), optional(value.industry), segments, optional(value.manager),
                     optional(value.region), optional(value.abu)].joined(separator: "\t") + "\n"
        }
        text += "end \(entries.count) \(checksumHex(Array(text.utf8)[...]))\n"
        return text
    }

    /// The entries of the file at `url`; nil when it is missing, damaged or another build's.
    static func read(_ url: URL, identity: String) -> [String: StageAndGroups]? {
        guard let bytes = readFile(url) else { return nil }
        return decode(bytes, identity: identity)
    }

    static func decode(_ bytes: [UInt8], identity: String) -> [String: StageAndGroups]? {
        // The last line: "end COUNT CHECKSUM".
        guard bytes.last == UInt8(ascii: "\n") else { return nil }
        let body = bytes.dropLast()
        let lastStart = body.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? body.startIndex
        let endFields = String(decoding: body[lastStart...], as: UTF8.self).split(separator: " ")
        guard endFields.count == 3, endFields[0] == "end", let count = Int(endFields[1]),
              endFields[2] == checksumHex(bytes[..<lastStart]) else { return nil }
        // Read byte by byte (a store of 20,000 entries is read by every history run: splitting it
        // into Strings first cost more than the lookups it saves).
        let tab = UInt8(ascii: "\t"), newline = UInt8(ascii: "\n"), equals = UInt8(ascii: "=")
        var entries: [String: StageAndGroups] = [:]
        entries.reserveCapacity(count)
        let valid: Bool = bytes.withUnsafeBufferPointer { all in
            let buffer = UnsafeBufferPointer(rebasing: all[..<lastStart])
            var lineNumber = 0
            var lineStart = 0
            var fields: [Range<Int>] = []
            fields.reserveCapacity(8)
            func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self) }
            /// "" is nil, "=VALUE" is VALUE; anything else is damage.
            func optional(_ range: Range<Int>) -> String?? {
                range.isEmpty ? .some(nil) : buffer[range.lowerBound] == equals ? .some(text(range.dropFirst())) : nil
            }
            while lineStart < buffer.count {
                var lineEnd = lineStart
                while lineEnd < buffer.count && buffer[lineEnd] != newline { lineEnd += 1 }
                guard lineEnd < buffer.count else { return false }
                defer { (lineStart, lineNumber) = (lineEnd + 1, lineNumber + 1) }
                switch lineNumber {
                case 0: guard text(lineStart..<lineEnd) == formatLine else { return false }
                case 1: guard text(lineStart..<lineEnd) == "identity " + identity else { return false }
                default:
                    fields.removeAll(keepingCapacity: true)
                    var fieldStart = lineStart
                    for index in lineStart...lineEnd where index == lineEnd || buffer[index] == tab {
                        fields.append(fieldStart..<index)
                        fieldStart = index + 1
                    }
                    guard fields.count == 8, !fields[0].isEmpty, fields[1].count == 1 else { return false }
                    let flag = buffer[fields[1].lowerBound]
                    guard flag == UInt8(ascii: "r") || flag == UInt8(ascii: "u") || flag == UInt8(ascii: "m"),
                          let stage = optional(fields[2]), let industry = optional(fields[3]), let segments = optional(fields[4]),
                          let manager = optional(fields[5]), let region = optional(fields[6]), let abu = optional(fields[7])
                    else { return false }
                    entries[text(fields[0])] = StageAndGroups(
                        isReadable: flag == UInt8(ascii: "r"), hasMergeConflicts: flag == UInt8(ascii: "m"), stage: stage,
                        industry: industry,
                        segments: segments.map { $0.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init) } ?? [],
                        manager: manager, region: region, abu: abu)
                }
            }
            return lineNumber == count + 2
        }
        guard valid else { return nil }
        return entries.count == count ? entries : nil
    }

    /// FNV-1a, 64 bits, as 16 hex digits: enough to tell a damaged file, not a defence against
    /// someone who can write the git folder (they could change the repository itself).
    static func checksumHex(_ bytes: ArraySlice<UInt8>) -> String {
        let hex = String(FNV1a.hash(bytes), radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// A regular file's bytes (not through a link, not over the size limit); nil otherwise.
    private static func readFile(_ url: URL) -> [UInt8]? {
        let descriptor = Foundation.open(url.path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size <= maxBytes else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
        var offset = 0
        while offset < bytes.count {
            let got = bytes.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else { return nil }
            offset += got
        }
        return bytes
    }

    /// The version and the executable's size and modification time: a store written by another
    /// build of acctplan (whose parser may read a front matter differently) is not used.
    static func builderIdentity() -> String {
        var status = stat()
        let executable = "/proc/self/exe"
        guard stat(executable, &status) == 0 || stat(CommandLine.arguments.first ?? "", &status) == 0 else {
            return ToolInfo.version
        }
        #if canImport(Glibc)
        let modified = status.st_mtim
        #else
        let modified = status.st_mtimespec
        #endif
        return "\(ToolInfo.version) \(status.st_size) \(modified.tv_sec).\(modified.tv_nsec)"
    }
}
