import Foundation

/// The LSP base protocol: messages framed by a `Content-Length` header, read from and written to
/// byte streams (the editor's pipe on stdin and stdout).
public struct MessageReader: Sendable {
    /// Messages larger than this are skipped unread (a plan is at most 4 MiB; its JSON escaping
    /// can double that).
    public static let maxMessageBytes = 16 << 20

    private let read: @Sendable (inout [UInt8]) -> Int
    private var buffer: [UInt8] = []
    private var start = 0

    /// `read` appends bytes to its argument and returns how many (0 at the end of the stream).
    public init(read: @escaping @Sendable (inout [UInt8]) -> Int) {
        self.read = read
    }

    /// Reads from a file descriptor.
    public init(fileDescriptor: Int32) {
        self.init { buffer in
            var chunk = [UInt8](repeating: 0, count: 64 << 10)
            let count = chunk.withUnsafeMutableBytes { Foundation.read(fileDescriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { return 0 }
            buffer += chunk.prefix(count)
            return count
        }
    }

    /// A framed message: its body, or why it could not be read.
    public enum Frame: Equatable {
        case message(Data)
        /// The header was malformed or the body too large; the bytes were skipped.
        case malformed(String)
    }

    /// The next frame; nil at the end of the stream.
    public mutating func next() -> Frame? {
        while true {
            if let frame = parseBuffered() { return frame }
            if fill() == 0 { return nil }
        }
    }

    /// Whether a whole frame is already buffered (more input is waiting): a message, or a header
    /// without a length, which is skipped.
    public var hasBufferedMessage: Bool {
        guard let end = headerEnd() else { return false }
        guard let length = contentLength(buffer[start..<end]), length >= 0 else { return true }
        return length <= Self.maxMessageBytes && buffer.count - (end + 4) >= length
    }

    private mutating func fill() -> Int {
        if start > 0 && start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        } else if start > 1 << 20 {
            buffer.removeFirst(start)
            start = 0
        }
        return read(&buffer)
    }

    private func headerEnd() -> Int? {
        var index = start
        while index + 3 < buffer.count {
            if buffer[index] == 13, buffer[index + 1] == 10, buffer[index + 2] == 13, buffer[index + 3] == 10 { return index }
            index += 1
        }
        return nil
    }

    private func contentLength(_ header: ArraySlice<UInt8>) -> Int? {
        for line in String(decoding: header, as: UTF8.self).split(separator: "\r\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "content-length" else { continue }
            return Int(parts[1].trimmingCharacters(in: .whitespaces))
        }
        return nil
    }

    private mutating func parseBuffered() -> Frame? {
        guard let end = headerEnd() else {
            if buffer.count - start > 64 << 10 {
                // No header end in 64 KiB: not the base protocol. Drop it and resynchronise.
                start = buffer.count
                return .malformed("a header of more than 64 KiB")
            }
            return nil
        }
        let bodyStart = end + 4
        guard let length = contentLength(buffer[start..<end]), length >= 0 else {
            start = bodyStart
            return .malformed("a message without a Content-Length header")
        }
        if length > Self.maxMessageBytes {
            // Skip the body as it arrives.
            var remaining = length
            start = bodyStart
            while remaining > 0 {
                let available = min(remaining, buffer.count - start)
                start += available
                remaining -= available
                if remaining > 0 && fill() == 0 { break }
            }
            return .malformed("a message of \(length) bytes (the limit is \(Self.maxMessageBytes))")
        }
        guard buffer.count - bodyStart >= length else { return nil }
        let body = Data(buffer[bodyStart..<(bodyStart + length)])
        start = bodyStart + length
        return .message(body)
    }
}

/// Writes framed messages.
public struct MessageWriter: Sendable {
    private let write: @Sendable (Data) -> Void

    public init(write: @escaping @Sendable (Data) -> Void) {
        self.write = write
    }

    /// Writes to a file descriptor, retrying short writes.
    public init(fileDescriptor: Int32) {
        self.init { data in
            data.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let written = Foundation.write(fileDescriptor, raw.baseAddress! + offset, raw.count - offset)
                    if written <= 0 { return }
                    offset += written
                }
            }
        }
    }

    public func send(_ message: JSON) {
        let body = message.data
        write(Data("Content-Length: \(body.count)\r\n\r\n".utf8) + body)
    }
}
