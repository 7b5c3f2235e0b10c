import Foundation
import PlanModel
import PlanParser
import Testing

/// Plan positions; Testing has a `SourceLocation` of its own.
typealias SourceLocation = PlanModel.SourceLocation

/// Parses plan text written inline in a test, as the file `<folder>/<id>.md`.
func parse(_ text: String, kind: PlanKind = .account, id: String = "shanghai-tobacco",
           config: WorkspaceConfig = WorkspaceConfig()) -> ParsedPlan {
    parse(Data(text.utf8), kind: kind, id: id, config: config)
}

func parse(_ data: Data, kind: PlanKind = .account, id: String = "shanghai-tobacco",
           config: WorkspaceConfig = WorkspaceConfig()) -> ParsedPlan {
    PlanParser(config: config).parse(data, path: "\(kind.folder)/\(id).md", kind: kind, id: id)
}

/// Reads acctplan.yml text written inline in a test.
func parseConfig(_ text: String) -> (WorkspaceConfig, [Finding]) {
    ConfigParser.parse(Data(text.utf8))
}

/// Runs `body` and records an issue when it takes longer than `limit`: a guard against hangs on
/// hostile input, not a benchmark (the limit is generous: a test that takes 1 s alone took 14 s
/// among the whole suite on a loaded 2-core machine). `ACCTPLAN_TEST_TIME_SCALE` multiplies
/// it (scripts/sanitize sets 10: code under a sanitizer runs several times slower).
func withinTimeLimit<T>(_ limit: Duration = .seconds(30), sourceLocation: Testing.SourceLocation = #_sourceLocation,
                        _ body: () throws -> T) rethrows -> T {
    let clock = ContinuousClock()
    let start = clock.now
    let result = try body()
    let elapsed = clock.now - start
    let scaled = limit * testTimeScale
    #expect(elapsed < scaled, "took \(elapsed)", sourceLocation: sourceLocation)
    return result
}

/// `ACCTPLAN_TEST_TIME_SCALE` (a whole number, default 1).
let testTimeScale = ProcessInfo.processInfo.environment["ACCTPLAN_TEST_TIME_SCALE"].flatMap { Int($0) }.map { max(1, $0) } ?? 1

extension Finding {
    /// `rule line:column`, e.g. `invalid-value 25:30`.
    var located: String { "\(rule) \(location)" }
}

extension Array where Element == Finding {
    /// Every finding as `rule line:column`, in file order.
    var located: [String] {
        sorted { ($0.location, $0.rule) < ($1.location, $1.rule) }.map(\.located)
    }
}

extension ParsedPlan {
    /// Every finding as `rule line:column`, in file order.
    var located: [String] { findings.located }
}

extension Located {
    /// `value@line:column`, for compact comparisons.
    var at: String { "\(value)@\(location)" }
}

/// An exact decimal from its text, never through a binary float.
func decimal(_ text: String) -> Decimal {
    Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))!
}

// SplitMix64 (deterministic "random" inputs) comes from the shared TestSupport target.
@_exported import TestSupport

/// Where the first byte that is not valid UTF-8 (or is NUL) sits, as an editor shows it
/// (1-based line, column in code points); nil for valid text. Independent of the parser: it uses
/// the standard library's UTF-8 decoder.
func firstEncodingProblem(_ bytes: [UInt8]) -> SourceLocation? {
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    var line = 1
    var column = 1
    while true {
        switch parser.parseScalar(from: &iterator) {
        case .valid(let encoded):
            if encoded.count == 1, encoded.first == 0 { return SourceLocation(line: line, column: column) }
            if encoded.count == 1, encoded.first == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
        case .error:
            return SourceLocation(line: line, column: column)
        case .emptyInput:
            return nil
        }
    }
}

/// The rules whose default severity (PLAN_FORMAT.md §7) is `warning`; everything else is an error.
let warningRules: Set<RuleID> = [
    .unknownField, .unknownReference, .unknownPerson, .staleReview, .overdueAction, .undatedAction, .pastClose,
    .noSponsor, .targetGap,
]
