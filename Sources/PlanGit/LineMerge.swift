import CGit2
import Foundation

/// git's line-based three-way merge of three texts (libgit2's `git_merge_file`), with git's
/// conflict markers. The plan merge driver uses it for prose, and for a whole file it cannot
/// read as a plan.
public enum LineMerge {
    /// How conflicts are written: `merge` (ours/theirs) or `diff3` (with the base in between).
    public enum Style: String, Sendable { case merge, diff3, zdiff3 }

    /// The marker labels and style, as git passes them to a merge driver.
    public struct Options: Sendable {
        public var style: Style
        public var markerSize: Int
        public var oursLabel: String
        public var baseLabel: String
        public var theirsLabel: String

        public init(style: Style = .merge, markerSize: Int = 7,
                    oursLabel: String = "ours", baseLabel: String = "base", theirsLabel: String = "theirs") {
            self.style = style
            self.markerSize = markerSize
            self.oursLabel = oursLabel
            self.baseLabel = baseLabel
            self.theirsLabel = theirsLabel
        }
    }

    public struct Result: Sendable, Equatable {
        public var text: Data
        /// False when conflict blocks were written.
        public var isClean: Bool
    }

    /// Merges `ours` and `theirs`, both descended from `base`.
    public static func merge(base: Data, ours: Data, theirs: Data, options: Options = Options()) -> Result {
        if ours == theirs || base == theirs { return Result(text: ours, isClean: true) }
        if base == ours { return Result(text: theirs, isClean: true) }
        _ = libgit2Initialized
        var opts = git_merge_file_options()
        git_merge_file_options_init(&opts, UInt32(GIT_MERGE_FILE_OPTIONS_VERSION))
        switch options.style {
        case .merge: opts.flags = GIT_MERGE_FILE_STYLE_MERGE.rawValue
        case .diff3: opts.flags = GIT_MERGE_FILE_STYLE_DIFF3.rawValue
        case .zdiff3: opts.flags = GIT_MERGE_FILE_STYLE_ZDIFF3.rawValue
        }
        opts.marker_size = UInt16(clamping: options.markerSize)
        var out = git_merge_file_result()
        let code: Int32 = options.baseLabel.withCString { baseLabel in
            options.oursLabel.withCString { oursLabel in
                options.theirsLabel.withCString { theirsLabel in
                    opts.ancestor_label = baseLabel
                    opts.our_label = oursLabel
                    opts.their_label = theirsLabel
                    return withInput(base) { baseInput in
                        withInput(ours) { oursInput in
                            withInput(theirs) { theirsInput in
                                git_merge_file(&out, baseInput, oursInput, theirsInput, &opts)
                            }
                        }
                    }
                }
            }
        }
        defer { git_merge_file_result_free(&out) }
        // A failure (libgit2 refuses binary input, for one) is no error of the user's: the
        // caller's own fallback keeps both sides. `check` reads and clears libgit2's error.
        let failed: Bool
        do { try check(code, "git_merge_file"); failed = false } catch { failed = true }
        guard !failed, let pointer = out.ptr else {
            return fallback(base: base, ours: ours, theirs: theirs, options: options)
        }
        let text = Data(bytes: pointer, count: out.len)
        return Result(text: text, isClean: out.automergeable != 0)
    }

    private static func withInput<T>(_ data: Data, _ body: (UnsafePointer<git_merge_file_input>) -> T) -> T {
        data.withUnsafeBytes { raw in
            var input = git_merge_file_input()
            git_merge_file_input_init(&input, UInt32(GIT_MERGE_FILE_INPUT_VERSION))
            input.ptr = raw.baseAddress?.assumingMemoryBound(to: CChar.self)
            input.size = raw.count
            input.mode = 0o100644
            return withUnsafePointer(to: &input) { body($0) }
        }
    }

    /// When libgit2 refuses (a binary file): one conflict block holding both sides whole, so
    /// nothing is lost.
    private static func fallback(base: Data, ours: Data, theirs: Data, options: Options) -> Result {
        func marker(_ char: Character, _ label: String?) -> Data {
            let line = String(repeating: char, count: max(options.markerSize, 7)) + (label.map { " " + $0 } ?? "") + "\n"
            return Data(line.utf8)
        }
        func terminated(_ data: Data) -> Data { data.isEmpty || data.last == 0x0A ? data : data + Data([0x0A]) }
        var text = marker("<", options.oursLabel) + terminated(ours)
        if options.style != .merge { text += marker("|", options.baseLabel) + terminated(base) }
        text += marker("=", nil) + terminated(theirs) + marker(">", options.theirsLabel)
        return Result(text: text, isClean: false)
    }
}
