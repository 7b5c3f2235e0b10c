import CGit2

/// A git object id: a small value that never holds a pointer.
public struct ObjectID: Hashable, Sendable, CustomStringConvertible {
    /// The 20 bytes of a SHA-1 id.
    let bytes: [UInt8]

    init(_ oid: git_oid) {
        var copy = oid
        bytes = withUnsafeBytes(of: &copy.id) { Array($0) }
    }

    init(_ pointer: UnsafePointer<git_oid>) { self.init(pointer.pointee) }

    /// The full 40-character hexadecimal id.
    public var description: String {
        let digits: [Character] = Array("0123456789abcdef")
        var text = ""
        text.reserveCapacity(40)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return text
    }

    /// The first seven characters, as git shows them.
    public var short: String { String(description.prefix(7)) }

    var oid: git_oid {
        var oid = git_oid()
        withUnsafeMutableBytes(of: &oid.id) { buffer in
            for (index, byte) in bytes.enumerated() where index < buffer.count { buffer[index] = byte }
        }
        return oid
    }
}
