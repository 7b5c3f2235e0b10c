/// The usual forms of the commands that start often — `diff`, and `textconv`, which git's diff
/// driver starts once per changed plan — read by hand, as `merge-driver`'s are
/// (``MergeDriverInvocation``): ArgumentParser's first parse of a command costs ~2.7 ms of Swift
/// runtime type lookups, a sixth of `acctplan diff` on a small change and a quarter of a
/// `textconv` run. Anything else (help, `--`, `-x`, an unknown, repeated or malformed option, a
/// format that does not exist) gives nil and goes through ArgumentParser, for its messages. A test
/// holds every form read here to ArgumentParser's reading of it (`HotPathTests`).
enum HotPath: Equatable {
    case diff(arguments: [String], staged: Bool, format: FormatChoice<DiffFormatList>, workspace: String?)
    case textconv(file: String, workspace: String?)

    init?(_ arguments: [String]) {
        guard let command = arguments.first else { return nil }
        var positional: [String] = []
        var options: [String: String] = [:]
        var flags: Set<String> = []
        let valued: Set<String>, flagNames: Set<String>
        switch command {
        case DiffCommand.configuration.commandName: (valued, flagNames) = (["--format", "--workspace"], ["--staged"])
        case TextconvCommand.configuration.commandName: (valued, flagNames) = (["--workspace"], [])
        default: return nil
        }
        var rest = arguments.dropFirst()[...]
        while let argument = rest.popFirst() {
            guard argument.hasPrefix("-") else {
                positional.append(argument)
                continue
            }
            if flagNames.contains(argument) {
                guard flags.insert(argument).inserted else { return nil }
                continue
            }
            let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard valued.contains(parts[0]), options[parts[0]] == nil,
                  let value = parts.count == 2 ? parts[1] : rest.popFirst(), !value.isEmpty, !value.hasPrefix("-")
            else { return nil }
            options[parts[0]] = value
        }
        switch command {
        case DiffCommand.configuration.commandName:
            let format = options["--format"].map(FormatChoice<DiffFormatList>.init(argument:)) ?? .first
            guard let format else { return nil }
            self = .diff(arguments: positional, staged: flags.contains("--staged"), format: format, workspace: options["--workspace"])
        default:
            guard positional.count == 1 else { return nil }
            self = .textconv(file: positional[0], workspace: options["--workspace"])
        }
    }

    func run() throws {
        switch self {
        case .diff(let arguments, let staged, let format, let workspace):
            try DiffCommand.diff(arguments, staged: staged, format: format, workspace: workspace)
        case .textconv(let file, let workspace):
            try TextconvCommand.textconv(file, workspace: workspace)
        }
    }
}

extension FormatChoice: Equatable {
    static func == (left: Self, right: Self) -> Bool { left.defaultValueDescription == right.defaultValueDescription }
}
