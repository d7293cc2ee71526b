import Foundation

/// Bounds-checked reads from an untrusted byte buffer.
///
/// Every accessor returns `nil` instead of trapping when the requested range is not fully inside the
/// buffer, so parsers can turn a short read into a `malformed` rejection. Offsets are plain `Int`s
/// counted from zero; negative offsets are treated as out of range.
struct ScreenshotByteReader: Sendable {
    /// The whole file, indexed from zero.
    let bytes: [UInt8]

    /// The number of bytes in the buffer.
    var count: Int { bytes.count }

    /// Whether `length` bytes starting at `offset` lie entirely inside the buffer.
    func contains(_ offset: Int, length: Int) -> Bool {
        guard offset >= 0, length >= 0, offset <= bytes.count else { return false }
        return length <= bytes.count - offset
    }

    /// The byte at `offset`.
    func uint8(at offset: Int) -> UInt8? {
        contains(offset, length: 1) ? bytes[offset] : nil
    }

    /// A big-endian 16-bit value at `offset`.
    func uint16BE(at offset: Int) -> Int? {
        guard contains(offset, length: 2) else { return nil }
        return Int(bytes[offset]) << 8 | Int(bytes[offset + 1])
    }

    /// A big-endian 32-bit value at `offset`.
    func uint32BE(at offset: Int) -> Int? {
        guard contains(offset, length: 4) else { return nil }
        return (0..<4).reduce(0) { $0 << 8 | Int(bytes[offset + $1]) }
    }

    /// A little-endian value of `width` bytes (1 to 4) at `offset`.
    func uintLE(at offset: Int, width: Int) -> Int? {
        guard (1...4).contains(width), contains(offset, length: width) else { return nil }
        return (0..<width).reversed().reduce(0) { $0 << 8 | Int(bytes[offset + $1]) }
    }

    /// Whether the buffer holds exactly `pattern` at `offset`.
    func matches(_ pattern: [UInt8], at offset: Int) -> Bool {
        guard contains(offset, length: pattern.count) else { return false }
        return bytes[offset..<offset + pattern.count].elementsEqual(pattern)
    }

    /// The bytes in `offset ..< offset + length`, or `nil` when that range is outside the buffer.
    func slice(_ offset: Int, length: Int) -> ArraySlice<UInt8>? {
        contains(offset, length: length) ? bytes[offset..<offset + length] : nil
    }

    /// `offset + length` when the result is a valid end index within the buffer, otherwise `nil`.
    func end(of offset: Int, length: Int) -> Int? {
        contains(offset, length: length) ? offset + length : nil
    }
}
