import Foundation

/// Builds tiny PNG, JPEG and WebP files in memory for the screenshot inspector tests.
///
/// The plain samples are genuinely decodable: the PNG uses a stored (uncompressed) deflate block with a
/// correct Adler-32, the JPEG is a 3 x 2 grey baseline image whose single 8 x 8 block is coded with
/// one-symbol Huffman tables, and the WebP bitstreams were produced by an encoder for a 3 x 2 image.
public enum ScreenshotTestImages {
    // MARK: - Bytes

    /// The UTF-8 bytes of `text`.
    public static func ascii(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// `value` as four big-endian bytes.
    public static func bigEndian32(_ value: Int) -> [UInt8] {
        [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: value >> $0) }
    }

    /// `value` as `width` little-endian bytes.
    public static func littleEndian(_ value: Int, width: Int) -> [UInt8] {
        (0..<width).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }

    /// Whether `haystack` contains `needle` anywhere.
    public static func contains(_ haystack: some Collection<UInt8>, _ needle: [UInt8]) -> Bool {
        let bytes = Array(haystack)
        guard !needle.isEmpty, bytes.count >= needle.count else { return false }
        return (0...(bytes.count - needle.count)).contains { bytes[$0..<$0 + needle.count].elementsEqual(needle) }
    }

    // MARK: - PNG

    /// The CRC-32 PNG uses, computed bit by bit so it is independent of the production table.
    public static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 {
                crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1
            }
        }
        return ~crc
    }

    /// The Adler-32 checksum that closes a zlib stream.
    public static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var low: UInt32 = 1
        var high: UInt32 = 0
        for byte in bytes {
            low = (low + UInt32(byte)) % 65_521
            high = (high + low) % 65_521
        }
        return high << 16 | low
    }

    /// A PNG chunk with its length and a correct CRC.
    public static func pngChunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let body = ascii(type) + data
        return bigEndian32(data.count) + body + bigEndian32(Int(crc32(body)))
    }

    /// The PNG signature followed by an IHDR chunk.
    public static func pngHeader(width: Int, height: Int, bitDepth: UInt8 = 8, colourType: UInt8 = 0) -> [UInt8] {
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
            + pngChunk("IHDR", bigEndian32(width) + bigEndian32(height) + [bitDepth, colourType, 0, 0, 0])
    }

    /// An IDAT chunk holding a zlib stream (one stored block) of `height` rows of `rowBytes` bytes each.
    public static func pngImageData(rowBytes: Int, height: Int, fill: UInt8 = 0x80) -> [UInt8] {
        let row: [UInt8] = [0] + [UInt8](repeating: fill, count: rowBytes)
        let raw = Array([[UInt8]](repeating: row, count: height).joined())
        let stored: [UInt8] = [0x01] + littleEndian(raw.count, width: 2) + littleEndian(~raw.count & 0xFFFF, width: 2)
        return pngChunk("IDAT", [0x78, 0x01] + stored + raw + bigEndian32(Int(adler32(raw))))
    }

    /// A complete 8-bit greyscale PNG with `before` chunks after IHDR and `after` chunks after IDAT.
    public static func png(width: Int = 3, height: Int = 2, before: [[UInt8]] = [], after: [[UInt8]] = []) -> [UInt8] {
        pngHeader(width: width, height: height) + before.joined() + pngImageData(rowBytes: width, height: height)
            + after.joined() + pngChunk("IEND", [])
    }

    // MARK: - JPEG

    /// A JPEG marker segment with its length field.
    public static func jpegSegment(_ marker: UInt8, _ payload: [UInt8]) -> [UInt8] {
        [0xFF, marker] + [
            UInt8(truncatingIfNeeded: (payload.count + 2) >> 8), UInt8(truncatingIfNeeded: payload.count + 2),
        ]
            + payload
    }

    /// A JFIF APP0 segment without a thumbnail.
    public static let jfif = jpegSegment(0xE0, ascii("JFIF\0") + [1, 1, 0, 0, 1, 0, 1, 0, 0])

    /// A quantisation table of all ones.
    public static let quantisationTable = jpegSegment(0xDB, [0x00] + [UInt8](repeating: 1, count: 64))

    /// A baseline (SOF0) frame header for one greyscale component.
    public static func frameHeader(width: Int, height: Int, marker: UInt8 = 0xC0) -> [UInt8] {
        jpegSegment(
            marker,
            [
                8, UInt8(truncatingIfNeeded: height >> 8), UInt8(truncatingIfNeeded: height),
                UInt8(truncatingIfNeeded: width >> 8), UInt8(truncatingIfNeeded: width), 1, 1, 0x11, 0,
            ])
    }

    /// DC and AC Huffman tables that each hold one one-bit code for symbol zero.
    public static let huffmanTables =
        jpegSegment(0xC4, [0x00, 1] + [UInt8](repeating: 0, count: 15) + [0x00])
        + jpegSegment(0xC4, [0x10, 1] + [UInt8](repeating: 0, count: 15) + [0x00])

    /// A scan header for the single component followed by its entropy-coded data.
    ///
    /// The default data byte `3F` codes "DC difference 0, end of block" padded with one bits.
    public static func scan(data: [UInt8] = [0x3F]) -> [UInt8] {
        jpegSegment(0xDA, [1, 1, 0x00, 0, 63, 0]) + data
    }

    /// A complete JPEG: SOI, `parts` in order, EOI.
    public static func jpeg(_ parts: [[UInt8]]) -> [UInt8] {
        [0xFF, 0xD8] + parts.joined() + [0xFF, 0xD9]
    }

    /// The decodable 3 x 2 grey baseline JPEG with no metadata besides JFIF.
    public static func plainJPEG(width: Int = 3, height: Int = 2) -> [UInt8] {
        jpeg([jfif, quantisationTable, frameHeader(width: width, height: height), huffmanTables, scan()])
    }

    // MARK: - WebP

    /// The VP8 (lossy) bitstream of a 3 x 2 image.
    public static let lossyBitstream: [UInt8] = [
        0x90, 0x01, 0x00, 0x9D, 0x01, 0x2A, 0x03, 0x00, 0x02, 0x00, 0x02, 0xC0, 0x4C, 0x25, 0xA0, 0x02,
        0x74, 0xBA, 0x00, 0x03, 0x98, 0x00, 0xFE, 0xED, 0x4D, 0xDE, 0xBB, 0xC5, 0xA5, 0x1A, 0xFF, 0xE7,
        0xA6, 0x7F, 0x5B, 0x7F, 0x1F, 0xF8, 0xC8, 0x00,
    ]

    /// The VP8L (lossless) bitstream of a 3 x 2 image; its odd length exercises chunk padding.
    public static let losslessBitstream: [UInt8] = [
        0x2F, 0x02, 0x40, 0x00, 0x00, 0x07, 0x50, 0x8F, 0x22, 0x17, 0xA5, 0xFF, 0x81, 0x88, 0xE8, 0x7F, 0x00,
    ]

    /// An ALPH payload for the 3 x 2 lossy image (half transparent).
    public static let alphaPlane: [UInt8] = [0x00, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80]

    /// A RIFF chunk with its little-endian size and, for odd sizes, a padding byte.
    public static func riffChunk(_ fourCC: String, _ payload: [UInt8]) -> [UInt8] {
        ascii(fourCC) + littleEndian(payload.count, width: 4) + payload + (payload.count % 2 == 1 ? [0] : [])
    }

    /// A WebP file: the RIFF header with the correct size, `WEBP`, then `chunks`.
    public static func webp(_ chunks: [[UInt8]]) -> [UInt8] {
        let body = Array(chunks.joined())
        return ascii("RIFF") + littleEndian(body.count + 4, width: 4) + ascii("WEBP") + body
    }

    /// A VP8X chunk with the given flags and canvas size.
    public static func extendedHeader(flags: UInt8, width: Int, height: Int) -> [UInt8] {
        riffChunk(
            "VP8X", [flags, 0, 0, 0] + littleEndian(width - 1, width: 3) + littleEndian(height - 1, width: 3))
    }

    /// A lossless header claiming `width` x `height`; structurally valid only, not decodable.
    public static func losslessHeader(width: Int, height: Int) -> [UInt8] {
        [0x2F] + littleEndian((width - 1) | (height - 1) << 14, width: 4) + [0x00, 0x00, 0x00]
    }

    /// A lossy key-frame header claiming `width` x `height`; structurally valid only, not decodable.
    public static func lossyHeader(width: Int, height: Int) -> [UInt8] {
        Array(lossyBitstream[0..<6]) + littleEndian(width, width: 2) + littleEndian(height, width: 2)
            + Array(lossyBitstream[10...])
    }

    /// The simple lossy 3 x 2 WebP.
    public static var lossyWebP: [UInt8] { webp([riffChunk("VP8 ", lossyBitstream)]) }

    /// The simple lossless 3 x 2 WebP.
    public static var losslessWebP: [UInt8] { webp([riffChunk("VP8L", losslessBitstream)]) }

    /// The extended 3 x 2 WebP with alpha and no metadata.
    public static var extendedWebP: [UInt8] {
        webp([
            extendedHeader(flags: 0x10, width: 3, height: 2), riffChunk("ALPH", alphaPlane),
            riffChunk("VP8 ", lossyBitstream),
        ])
    }
}
