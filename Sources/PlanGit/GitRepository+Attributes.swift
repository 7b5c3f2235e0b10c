import CGit2
import Foundation

extension GitRepository {
    /// The string value of a git attribute (`.gitattributes`, `.git/info/attributes`) for a
    /// repository-relative path, as `git check-attr` reads it from the working tree; nil when
    /// the attribute is unset, set without a value, or cannot be read.
    public func attribute(_ name: String, for path: String) -> String? {
        var value: UnsafePointer<CChar>?
        do {
            _ = try check(git_attr_get(&value, handle, 0, path, name), "git_attr_get")
        } catch {
            return nil
        }
        guard let value, git_attr_value(value) == GIT_ATTR_VALUE_STRING else { return nil }
        // libgit2 keeps the value in its attribute cache: copied before anything else runs.
        return String(cString: value)
    }

    /// The attribute by which git would convert `path` to stage it — `filter=NAME` with
    /// `filter.NAME.clean` or `filter.NAME.process` configured, or `filter.NAME.required` — or nil
    /// when git stores the file's bytes as they are (no attribute, or a driver not configured).
    /// libgit2 runs no such command: staging the file itself would store the raw bytes where git
    /// stores what the command prints (git-lfs's pointer, say).
    /// `working-tree-encoding=ENC` counts as one too (returned as `working-tree-encoding=ENC`):
    /// git stores such a file converted to UTF-8, and libgit2 (1.5) does not convert it.
    public func conversionAttribute(for path: String) -> String? {
        if let encoding = attribute("working-tree-encoding", for: path), !encoding.isEmpty {
            return "working-tree-encoding=\(encoding)"
        }
        guard let driver = attribute("filter", for: path), !driver.isEmpty else { return nil }
        func setting(_ key: String) -> String? { configString("filter.\(driver).\(key)") }
        if let clean = setting("clean"), !clean.isEmpty { return "filter=\(driver)" }
        if let process = setting("process"), !process.isEmpty { return "filter=\(driver)" }
        if let required = setting("required"), ["true", "yes", "on", "1"].contains(required.lowercased()) { return "filter=\(driver)" }
        return nil
    }
}
