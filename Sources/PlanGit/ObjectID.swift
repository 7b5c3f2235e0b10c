import CGit2

/// A git object id: a small value (20 bytes inline, no heap allocation) that never holds a pointer.
public struct ObjectID: Hashable, Sendable, CustomStringConvertible {
    private let high: UInt64
    private let middle: UInt64
    private let low: UInt32

    init(_ oid: git_oid) {
        var copy = oid
        (high, middle, low) = withUnsafeBytes(of: &copy.id) { raw in
            (raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
             raw.loadUnaligned(fromByteOffset: 16, as: UInt32.self))
        }
    }

    init(_ pointer: UnsafePointer<git_oid>) { self.init(pointer.pointee) }

    /// The 20 bytes of the SHA-1 id.
    var bytes: [UInt8] {
        var storage = (high, middle, low)
        return withUnsafeBytes(of: &storage) { Array($0.prefix(20)) }
    }

    /// The full 40-character hexadecimal id.
    public var description: String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(40)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The first seven characters, as git shows them.
    public var short: String { String(description.prefix(7)) }

    var oid: git_oid {
        var oid = git_oid()
        let source = bytes
        withUnsafeMutableBytes(of: &oid.id) { buffer in
            for (index, byte) in source.enumerated() where index < buffer.count { buffer[index] = byte }
        }
        return oid
    }
}
