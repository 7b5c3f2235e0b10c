import PlanServices

/// git starts `acctplan merge-driver` once per file it merges, so the usual form of that call
/// is read here by hand: ArgumentParser's first parse of a command costs ~3 ms of Swift runtime
/// type lookups, a fifth of a driver run. Anything else (help, `--`, an unknown or malformed
/// option, a missing argument) returns nil and goes through ArgumentParser, for its messages.
struct MergeDriverInvocation: Equatable {
    var files: [String] = []
    var style: String?
    var markerSize = 7
    var labels = (ours: "ours", base: "base", theirs: "theirs")
    var workspace: String?

    init?(_ arguments: [String]) {
        guard arguments.first == MergeDriverCommand.configuration.commandName else { return nil }
        var rest = arguments.dropFirst()[...]
        while let argument = rest.popFirst() {
            guard argument.hasPrefix("-") else {
                files.append(argument)
                continue
            }
            let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
            guard let value = parts.count == 2 ? parts[1] : rest.popFirst(), !(parts.count == 1 && value.hasPrefix("-")) else { return nil }
            switch parts[0] {
            case "--conflict-style": style = value
            case "--marker-size":
                guard let size = Int(value) else { return nil }
                markerSize = size
            case "--ours-label": labels.ours = value
            case "--base-label": labels.base = value
            case "--theirs-label": labels.theirs = value
            case "--workspace": workspace = value
            default: return nil
            }
        }
        guard files.count == 4 else { return nil }
    }

    static func == (left: Self, right: Self) -> Bool {
        left.files == right.files && left.style == right.style && left.markerSize == right.markerSize
            && left.labels == right.labels && left.workspace == right.workspace
    }

    func run() throws {
        try MergeDriverCommand.merge(base: files[0], ours: files[1], theirs: files[2], path: files[3],
                                     markers: MergeService.Markers(style: style, size: markerSize, ours: labels.ours,
                                                                   base: labels.base, theirs: labels.theirs),
                                     workspace: workspace)
    }
}
