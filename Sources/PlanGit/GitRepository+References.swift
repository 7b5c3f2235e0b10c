import CGit2

extension GitRepository {
    /// The short names of the branches (local and remote-tracking) and tags, sorted: what a
    /// shell offers to complete a revision. Empty when the list cannot be read.
    public func referenceShortNames() -> [String] {
        var array = git_strarray()
        do { _ = try check(git_reference_list(&array, handle), "git_reference_list") } catch { return [] }
        defer { git_strarray_dispose(&array) }
        var names: [String] = []
        for index in 0..<array.count {
            guard let pointer = array.strings[index] else { continue }
            let name = String(cString: pointer)
            for prefix in ["refs/heads/", "refs/tags/", "refs/remotes/"] where name.hasPrefix(prefix) {
                let short = String(name.dropFirst(prefix.count))
                if !short.hasSuffix("/HEAD") { names.append(short) }
            }
        }
        return names.sorted()
    }
}
