import Foundation

/// The target this process fuzzes, named by `ACCTPLAN_FUZZ_TARGET` (scripts/fuzz sets it).
/// Resolved once, on the first input; an unknown name ends the process before any fuzzing.
let selectedTarget: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["ACCTPLAN_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget.all.first(where: { $0.name == name }) else {
        let names = FuzzTarget.all.map(\.name).joined(separator: ", ")
        FileHandle.standardError.write(Data("AcctplanFuzz: set ACCTPLAN_FUZZ_TARGET to one of: \(names)\n".utf8))
        exit(2)
    }
    return target
}()

/// libFuzzer calls this once before fuzzing. With `ACCTPLAN_FUZZ_LIST` set it prints every
/// target with its summary and exits, for `scripts/fuzz --list`.
@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    if ProcessInfo.processInfo.environment["ACCTPLAN_FUZZ_LIST"] != nil {
        for target in FuzzTarget.all { print(target.name.padding(toLength: 8, withPad: " ", startingAt: 0) + target.summary) }
        exit(0)
    }
    _ = selectedTarget
    return 0
}

/// libFuzzer's entry point: one input, run through the selected target.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    selectedTarget.run(UnsafeBufferPointer(start: data, count: size))
    return 0
}
