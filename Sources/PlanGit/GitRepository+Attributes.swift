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

    /// The filter driver git would run to stage `path` — the attribute `filter=NAME` with
    /// `filter.NAME.clean` or `filter.NAME.process` configured, or `filter.NAME.required` — or nil
    /// when git stores the file's bytes as they are (no attribute, or a driver not configured).
    /// libgit2 runs no such command: staging the file itself would store the raw bytes where git
    /// stores what the command prints (git-lfs's pointer, say).
    public func cleanFilterDriver(for path: String) -> String? {
        guard let driver = attribute("filter", for: path), !driver.isEmpty else { return nil }
        func setting(_ key: String) -> String? { configString("filter.\(driver).\(key)") }
        if let clean = setting("clean"), !clean.isEmpty { return driver }
        if let process = setting("process"), !process.isEmpty { return driver }
        if let required = setting("required"), ["true", "yes", "on", "1"].contains(required.lowercased()) { return driver }
        return nil
    }
}
