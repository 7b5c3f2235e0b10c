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
}
