/// Slash-separated paths against a folder: the one home of "is this path below that folder" for
/// command-line scopes (`lint accounts/east`), workspace-relative paths and repository paths.
public enum FolderPath {
    /// `path` relative to `folder` (both in the same form, absolute or relative): "" when they
    /// are the same, nil when `path` is not below `folder`. A trailing `/` on `folder` is ignored;
    /// "/" is the root of everything.
    public static func relative(_ path: String, to folder: String) -> String? {
        let folder = folder.count > 1 && folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        if path == folder { return "" }
        let lead = folder == "/" ? "/" : folder + "/"
        guard path.hasPrefix(lead) else { return nil }
        return String(path.dropFirst(lead.count))
    }

    /// Whether `scope` (a workspace-relative file or folder; "" or "." for everything) covers the
    /// workspace-relative `path`.
    public static func covers(_ scope: String, _ path: String) -> Bool {
        let scope = scope.hasSuffix("/") ? String(scope.dropLast()) : scope
        return scope.isEmpty || scope == "." || relative(path, to: scope) != nil
    }
}
