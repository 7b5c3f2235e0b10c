import Foundation
import PlanModel

/// Files held in memory, by workspace-relative path: for tests, rule examples and generated content.
public struct MemorySource: PlanSource {
    public let files: [String: Data]
    public let label: String

    public init(_ files: [String: String], label: String = "memory") {
        self.files = files.mapValues { Data($0.utf8) }
        self.label = label
    }

    public init(data files: [String: Data], label: String = "memory") {
        self.files = files
        self.label = label
    }

    public func listFiles(under folder: String) throws -> FileListing {
        FileListing(paths: files.keys.filter { $0.hasPrefix(folder + "/") }.sorted())
    }

    public func read(_ path: String) throws -> Data? { files[path] }

    public func byteCount(_ path: String) -> Int? { files[path]?.count }
}
