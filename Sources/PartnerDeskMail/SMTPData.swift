import NIOCore

/// The bytes sent after the server's 354 reply to DATA (RFC 5321 section 4.5.2).
enum SMTPData {
    /// The message with every line that starts with `.` given one more `.` (dot-stuffing, so no line of the
    /// message can end the transfer), followed by the terminating `.` line.
    static func encode(_ message: String, allocator: ByteBufferAllocator) -> ByteBuffer {
        var buffer = allocator.buffer(capacity: message.utf8.count + message.utf8.count / 64 + 5)
        var atLineStart = true
        for byte in message.utf8 {
            if atLineStart, byte == UInt8(ascii: ".") {
                buffer.writeInteger(UInt8(ascii: "."))
            }
            buffer.writeInteger(byte)
            atLineStart = byte == UInt8(ascii: "\n")
        }
        if !atLineStart {
            buffer.writeString("\r\n")
        }
        buffer.writeString(".\r\n")
        return buffer
    }
}
