import Foundation

/// A 128-bit fingerprint of a sequence of values (bytes, strings, numbers), stable across runs
/// and platforms, eight bytes a step: for telling whether the inputs of a report page changed
/// (``FNV1a`` goes a byte at a time; this reads a plan of 4 KB in about a microsecond). Not a
/// defence against someone crafting a collision: the worst a collision can do is keep a page of
/// one's own report that should have been written again.
public struct ContentDigest: Sendable {
    private var a: UInt64 = 0x243F_6A88_85A3_08D3
    private var b: UInt64 = 0x1319_8A2E_0370_7344

    public init() {}

    /// Adds `bytes`, then their count: `add("ab"); add("c")` differs from `add("a"); add("bc")`.
    public mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        let count = bytes.count
        while offset + 8 <= count {
            mix(bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self).littleEndian)
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < count {
            tail |= UInt64(bytes[offset]) << shift
            shift += 8
            offset += 1
        }
        mix(tail)
        mix(UInt64(count))
    }

    public mutating func add(_ data: Data) { data.withUnsafeBytes { add($0) } }

    public mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(UnsafeRawBufferPointer($0)) }
    }

    public mutating func add(_ number: Int) { mix(UInt64(bitPattern: Int64(number))) }

    private mutating func mix(_ word: UInt64) {
        a = Self.scramble(a ^ word)
        b = Self.scramble(b &+ word &* 0x9E37_79B9_7F4A_7C15) ^ (a >> 17)
    }

    /// splitmix64's finalizer: every input bit reaches every output bit.
    private static func scramble(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The digest of `data` alone, as 32 hexadecimal digits.
    public static func hex(of data: Data) -> String {
        var digest = ContentDigest()
        digest.add(data)
        return digest.hex
    }

    /// 32 hexadecimal digits.
    public var hex: String {
        let high = String(Self.scramble(a ^ 0x5555_5555_5555_5555), radix: 16)
        let low = String(Self.scramble(b ^ a), radix: 16)
        return String(repeating: "0", count: 16 - high.count) + high + String(repeating: "0", count: 16 - low.count) + low
    }
}
