import PlanModel
import Testing

struct FNV1aTests {
    /// The published FNV-1a 64-bit test vectors: prose fingerprints and HTML file names depend on
    /// these exact values staying the same.
    @Test func matchesThePublishedVectors() {
        #expect(FNV1a.hash("".utf8) == 0xcbf2_9ce4_8422_2325)
        #expect(FNV1a.hash("a".utf8) == 0xaf63_dc4c_8601_ec8c)
        #expect(FNV1a.hash("foobar".utf8) == 0x8594_4171_f739_67e8)
    }

    @Test func addingPiecesIsHashingTheWhole() {
        var hasher = FNV1a()
        hasher.add("foo".utf8)
        hasher.add(UInt8(ascii: "b"))
        hasher.add("ar".utf8)
        #expect(hasher.value == FNV1a.hash("foobar".utf8))
    }
}
