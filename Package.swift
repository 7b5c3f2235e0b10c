// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "acctplan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "acctplan", targets: ["acctplan"]),
        .library(name: "PlanEngine", targets: [
            "PlanModel", "PlanParser", "PlanWorkspace", "PlanGit", "PlanEngine", "PlanFormat", "PlanReports", "PlanSupport",
            "PlanServices", "PlanLanguageServer", "PlanMerge", "PlanQuery",
        ]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // mimalloc, the process's allocator (see the executable below), for its options.
        .systemLibrary(
            name: "CMimalloc",
            providers: [.apt(["libmimalloc-dev"])]
        ),
        .systemLibrary(
            name: "CGit2",
            providers: [.apt(["libgit2-dev"])]
        ),
        // libgit2 and the libraries it needs, linked statically: the dynamic loader spent more of
        // every process's start on libgit2 and the 15 shared libraries it loads (OpenSSL, Kerberos, mbedTLS,
        // libssh2, ...) than acctplan's own start-up — 3.5 ms of `acctplan --version` (10.2 → 6.7 ms;
        // docs/performance.md, "Issue 17, seventh round"); `git diff` starts `acctplan textconv` once
        // per changed plan. Debian's -dev packages ship these archives (libgit2-dev pulls in the
        // rest). Without the network (acctplan never uses it), libgit2 sets up neither TLS nor SSH
        // and has no Kerberos: Sources/CGitOffline says how, and fails closed. It also checks the
        // objects it reads with plain SHA-1 instead of SHA-1DC (read_check_sha1.c says why), and
        // inflates a packed object whole with libdeflate (inflate_whole.c).
        .target(name: "CGitOffline", linkerSettings: [
            .unsafeFlags(["git_mbedtls_stream_global_init", "git_mbedtls_stream_new", "git_mbedtls_stream_wrap",
                          "git_mbedtls__set_cert_location", "git_transport_ssh_global_init", "git_smart_subtransport_ssh",
                          "git_hash_sha1_ctx_init", "git_hash_sha1_ctx_cleanup", "git_hash_sha1_init",
                          "git_hash_sha1_update", "git_hash_sha1_final",
                          "git_zstream_set_input", "git_zstream_get_output_chunk", "git_zstream_get_output",
                          "git_zstream_free"].flatMap { ["-Xlinker", "--wrap=\($0)"] }
                + ["git2", "mbedtls", "mbedx509", "mbedcrypto", "http_parser", "ssh2", "crypto", "pcre2-8", "z", "deflate"]
                .flatMap { ["-Xlinker", "-l:lib\($0).a"] }),
            .linkedLibrary("rt"), .linkedLibrary("dl"), .linkedLibrary("pthread"),
        ]),
        // Threads: the one place work is spread over cores (and where ACCTPLAN_THREADS is read),
        // so that PlanModel stays values only, with no I/O.
        .target(name: "PlanSupport"),
        .target(name: "PlanModel"),
        // The user interface's languages (issue 18): the message catalogue and report labels.
        .target(name: "PlanLocalization", dependencies: ["PlanModel"]),
        .target(name: "PlanParser", dependencies: [
            "PlanModel", "CCmarkGFM", .product(name: "Yams", package: "Yams"),
        ]),
        // renameat2's exchange, which Swift's Glibc module does not declare (AtomicFile).
        .target(name: "CRenameExchange"),
        .target(name: "PlanWorkspace", dependencies: ["PlanModel", "PlanParser", "PlanSupport", "CRenameExchange"]),
        .target(name: "PlanGit", dependencies: ["PlanModel", "PlanSupport", "CGit2", "CGitOffline"]),
        .target(name: "PlanEngine", dependencies: ["PlanModel", "PlanSupport"]),
        // The canonical writer works on a plan's lines as written (the model has no comments or
        // column widths), so it sits on the parser as well as the engine (for its meaning check).
        .target(name: "PlanFormat", dependencies: ["PlanModel", "PlanParser", "PlanEngine"]),
        .target(name: "PlanReports", dependencies: ["PlanModel", "PlanEngine", "PlanFormat", "PlanQuery", "PlanLocalization"]),
        // The query language over plans: entities, fields from the schema, terms (docs/query.md).
        .target(name: "PlanQuery", dependencies: ["PlanModel", "PlanEngine"]),
        // The three-way merge driver's engine: plans merged per key, row and item (docs/merge.md).
        .target(name: "PlanMerge", dependencies: ["PlanModel", "PlanParser", "PlanFormat", "PlanGit"]),
        // The use cases (open a workspace at the working tree, the index or a revision; diff, log,
        // rollup history, fmt, commit through the lint gate, report, merge and resolve), each
        // returning a value, with plain parameters: what the command line and the language
        // server call.
        .target(name: "PlanServices", dependencies: [
            "PlanModel", "PlanParser", "PlanWorkspace", "PlanGit", "PlanEngine", "PlanFormat", "PlanReports", "PlanSupport",
            "PlanMerge", "PlanQuery",
        ]),
        // The language server (`acctplan lsp`): the same schema, engine and services behind the
        // Language Server Protocol.
        .target(name: "PlanLanguageServer", dependencies: [
            "PlanModel", "PlanParser", "PlanWorkspace", "PlanEngine", "PlanFormat", "PlanReports", "PlanServices", "PlanLocalization",
        ]),
        // The front end: options, one service call, a renderer. It sees the engine and the model
        // for their types (a rule list, a dimension to parse), never the parser, git or the files.
        .target(name: "AcctplanCLI", dependencies: [
            "PlanModel", "PlanEngine", "PlanReports", "PlanServices", "PlanLanguageServer", "PlanQuery", "PlanLocalization",
            "PlanSupport", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(
            name: "acctplan",
            dependencies: ["AcctplanCLI", "CMimalloc"],
            // mimalloc replaces malloc for the whole process (cmark-gfm allocates every node):
            // ~10% less CPU on the 10,000-plan lint benchmark (docs/performance.md).
            // Linked by the toolchain's lld with packed relative relocations (glibc 2.36, Debian
            // 12): the 100 MB binary's ~105,000 relocations took a 2.4 MB table that every start
            // read; packed, 22 KB — `acctplan --version` 7 % faster ("Issue 17, tenth round").
            // Two more cuts to what the dynamic loader does at every start ("eleventh round"):
            // libstdc++ (which the Swift runtime needs) is linked from its archive — the shared
            // one cost 4,300 symbol lookups per start — through Linking/libstdc++.so, a one-line
            // linker script that the toolchain's `-lstdc++` finds before GCC's shared library;
            // and the executable exports no symbols (the toolchain's `-export-dynamic` made 9,300
            // of them a scope every lookup searched; acctplan loads no plugins).
            linkerSettings: [
                .linkedLibrary("mimalloc"),
                .unsafeFlags(["-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs",
                              "-Xlinker", "--no-export-dynamic", "-L\(Context.packageDirectory)/Linking"]),
            ]
        ),
        .testTarget(name: "PlanModelTests", dependencies: ["PlanModel", "TestSupport"]),
        .testTarget(name: "PlanSupportTests", dependencies: ["PlanSupport"]),
        // Shared by the test targets: starting processes (Subprocess), seeded randomness (SplitMix64).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "PlanParserTests", dependencies: ["PlanModel", "PlanParser", "TestSupport"]),
        .testTarget(name: "PlanQueryTests", dependencies: [
            "PlanModel", "PlanWorkspace", "PlanEngine", "PlanQuery", "PlanReports", "TestSupport",
        ]),
        .testTarget(name: "PlanEngineTests", dependencies: [
            "PlanModel", "PlanParser", "PlanWorkspace", "PlanEngine", "TestSupport",
        ]),
        .testTarget(name: "PlanFormatTests", dependencies: [
            "PlanModel", "PlanParser", "PlanEngine", "PlanFormat", "TestSupport",
        ]),
        .testTarget(name: "PlanWorkspaceTests", dependencies: ["PlanWorkspace"]),
        .testTarget(name: "PlanGitTests", dependencies: ["PlanModel", "PlanGit", "TestSupport"]),
        .testTarget(name: "PlanReportsTests", dependencies: [
            "PlanModel", "PlanParser", "PlanEngine", "PlanFormat", "PlanReports",
        ]),
        .testTarget(name: "PlanServicesTests", dependencies: [
            "PlanModel", "PlanGit", "PlanWorkspace", "PlanEngine", "PlanReports", "PlanServices", "TestSupport",
        ]),
        .testTarget(name: "PlanLocalizationTests", dependencies: [
            "PlanModel", "PlanParser", "PlanWorkspace", "PlanEngine", "PlanReports", "PlanLocalization",
        ]),
        .testTarget(name: "PlanLanguageServerTests", dependencies: ["PlanLanguageServer", "PlanModel", "TestSupport"]),
        .testTarget(name: "PlanMergeTests", dependencies: [
            "PlanModel", "PlanParser", "PlanEngine", "PlanFormat", "PlanGit", "PlanMerge", "PlanWorkspace",
        ]),
        // The front end's own reading of arguments (the hot paths against ArgumentParser).
        .testTarget(name: "AcctplanCLITests", dependencies: ["AcctplanCLI"]),
        .testTarget(name: "EndToEndTests", dependencies: ["acctplan", "TestSupport"]),
    ]
)

// libFuzzer harnesses (scripts/fuzz): built only when ACCTPLAN_FUZZ is set, so `swift build`,
// `swift test` and CI never compile them. The target has no main.swift and no @main: libFuzzer's
// runtime, linked by `--sanitize=fuzzer`, supplies `main` and calls `LLVMFuzzerTestOneInput`.
if Context.environment["ACCTPLAN_FUZZ"] != nil {
    package.targets.append(.executableTarget(
        name: "AcctplanFuzz",
        dependencies: ["PlanModel", "PlanParser", "PlanEngine", "PlanReports", "PlanLanguageServer"],
        path: "Fuzz/AcctplanFuzz"
    ))
}
