import Foundation

/// Validates a WebP file, reads its size from the first image header and rebuilds it without metadata chunks.
///
/// Structure checked: a `RIFF` header whose size is at least the form type and no larger than the data;
/// chunks that fit inside the RIFF size, padding included; a first chunk that is `VP8 `, `VP8L` or a
/// 10-byte `VP8X`; a lossy key frame with the start code `9D 01 2A` and a plausible first-partition size,
/// or a lossless signature `2F` with version 0; in extended files, exactly one image chunk whose size
/// equals the VP8X canvas.
///
/// Simple files (`VP8 ` or `VP8L` first) keep only the image chunk. Extended files keep `VP8X`, one `ALPH`
/// before the image and the image chunk; they lose `EXIF`, `XMP `, `ICCP` and every unknown chunk, and the
/// rewritten VP8X header keeps only the alpha flag (ICC, EXIF and XMP flags and reserved bits cleared).
/// In every case the RIFF size is recomputed and bytes after the RIFF data are dropped.
/// Animated files (animation flag, `ANIM` or `ANMF`) are refused.
struct WebPScreenshotReader: Sendable {
    /// The limits to enforce as soon as the first image header has been read.
    let limits: ScreenshotLimits

    /// VP8X flag: the file contains an ICC profile.
    private static let iccFlag: UInt8 = 0x20
    /// VP8X flag: the image has an alpha channel.
    private static let alphaFlag: UInt8 = 0x10
    /// VP8X flag: the file contains EXIF metadata.
    private static let exifFlag: UInt8 = 0x08
    /// VP8X flag: the file contains XMP metadata.
    private static let xmpFlag: UInt8 = 0x04
    /// VP8X flag: the file is an animation.
    private static let animationFlag: UInt8 = 0x02

    /// One chunk's position; `end` includes the padding byte that follows an odd-sized payload.
    private struct Chunk {
        let fourCC: [UInt8]
        let start: Int
        let payloadStart: Int
        let size: Int
        let end: Int

        /// Whether the chunk's four-character code is `code`.
        func isA(_ code: String) -> Bool { fourCC.elementsEqual(code.utf8) }
    }

    /// Inspects `input`, which the caller has sniffed as a RIFF file of form type `WEBP` (or a prefix of one).
    func read(_ input: ScreenshotByteReader) throws(ScreenshotRejection) -> InspectedScreenshot {
        guard input.matches(Array("RIFF".utf8), at: 0), input.matches(Array("WEBP".utf8), at: 8),
            let riffSize = input.uintLE(at: 4, width: 4)
        else {
            throw .malformed("WebP is truncated inside its RIFF header")
        }
        guard riffSize >= 4 + 8, let riffEnd = input.end(of: 8, length: riffSize) else {
            throw .malformed("WebP RIFF size does not match the data")
        }
        var removed = RemovedMetadataList()
        let first = try chunk(at: 12, riffEnd: riffEnd, in: input)
        var body: [UInt8]
        let width: Int
        let height: Int
        if first.isA("VP8 ") || first.isA("VP8L") {
            (width, height) = try bitstreamSize(of: first, in: input)
            try limits.check(width: width, height: height)
            body = Array(input.bytes[first.start..<first.end])
            var offset = first.end
            while offset < riffEnd {
                let extra = try chunk(at: offset, riffEnd: riffEnd, in: input)
                removed.record(metadataName(of: extra))
                offset = extra.end
            }
        } else if first.isA("VP8X") {
            (width, height, body) = try readExtended(first, riffEnd: riffEnd, in: input, removed: &removed)
        } else {
            throw .malformed("WebP does not start with a VP8, VP8L or VP8X chunk")
        }
        if riffEnd < input.count {
            removed.record("trailing data")
        }
        let size = UInt32(truncatingIfNeeded: body.count + 4)
        var output = Array("RIFF".utf8)
        output.append(contentsOf: (0..<4).map { UInt8(truncatingIfNeeded: size >> (8 * $0)) })
        output.append(contentsOf: "WEBP".utf8)
        output.append(contentsOf: body)
        return InspectedScreenshot(
            format: .webp, width: width, height: height, cleanedBytes: Data(output), removedMetadata: removed.names)
    }

    /// Walks an extended file after its VP8X chunk and returns the canvas size and the cleaned chunks.
    private func readExtended(
        _ header: Chunk, riffEnd: Int, in input: ScreenshotByteReader, removed: inout RemovedMetadataList
    ) throws(ScreenshotRejection) -> (width: Int, height: Int, body: [UInt8]) {
        guard header.size == 10, let flags = input.uint8(at: header.payloadStart),
            let canvas = input.slice(header.payloadStart + 4, length: 6),
            let widthMinusOne = input.uintLE(at: header.payloadStart + 4, width: 3),
            let heightMinusOne = input.uintLE(at: header.payloadStart + 7, width: 3)
        else {
            throw .malformed("WebP VP8X chunk is not 10 bytes long")
        }
        let width = widthMinusOne + 1
        let height = heightMinusOne + 1
        try limits.check(width: width, height: height)
        guard flags & Self.animationFlag == 0 else {
            throw .animated
        }
        var body = Array("VP8X".utf8) + [10, 0, 0, 0, flags & Self.alphaFlag, 0, 0, 0] + canvas
        var sawImage = false
        var sawAlpha = false
        var offset = header.end
        while offset < riffEnd {
            let chunk = try chunk(at: offset, riffEnd: riffEnd, in: input)
            offset = chunk.end
            if chunk.isA("VP8 ") || chunk.isA("VP8L") {
                guard !sawImage else {
                    throw .malformed("WebP has more than one image chunk")
                }
                let size = try bitstreamSize(of: chunk, in: input)
                guard size.width == width, size.height == height else {
                    throw .malformed("WebP image size differs from the VP8X canvas")
                }
                sawImage = true
            } else if chunk.isA("ALPH") && !sawImage && !sawAlpha {
                sawAlpha = true
            } else if chunk.isA("ANIM") || chunk.isA("ANMF") {
                throw .animated
            } else if chunk.isA("VP8X") {
                throw .malformed("WebP has more than one VP8X chunk")
            } else {
                removed.record(metadataName(of: chunk))
                continue
            }
            body.append(contentsOf: input.bytes[chunk.start..<chunk.end])
        }
        guard sawImage else {
            throw .malformed("WebP has no image chunk")
        }
        return (width, height, body)
    }

    /// Reads the chunk header at `offset` and checks that the chunk, with padding, ends within the RIFF data.
    private func chunk(at offset: Int, riffEnd: Int, in input: ScreenshotByteReader) throws(ScreenshotRejection)
        -> Chunk
    {
        guard let headerEnd = input.end(of: offset, length: 8), headerEnd <= riffEnd,
            let fourCC = input.slice(offset, length: 4), let size = input.uintLE(at: offset + 4, width: 4)
        else {
            throw .malformed("WebP is truncated inside a chunk header")
        }
        guard let payloadEnd = input.end(of: headerEnd, length: size), payloadEnd + (size & 1) <= riffEnd else {
            throw .malformed("WebP chunk runs past the end of the RIFF data")
        }
        return Chunk(
            fourCC: Array(fourCC), start: offset, payloadStart: headerEnd, size: size, end: payloadEnd + (size & 1))
    }

    /// Reads width and height from a `VP8 ` (lossy) or `VP8L` (lossless) chunk's bitstream header.
    private func bitstreamSize(of chunk: Chunk, in input: ScreenshotByteReader) throws(ScreenshotRejection)
        -> (width: Int, height: Int)
    {
        let base = chunk.payloadStart
        if chunk.isA("VP8L") {
            guard chunk.size >= 5, input.uint8(at: base) == 0x2F, let bits = input.uintLE(at: base + 1, width: 4),
                bits >> 29 == 0
            else {
                throw .malformed("WebP lossless header is invalid")
            }
            return ((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
        }
        guard chunk.size >= 10, let tag = input.uintLE(at: base, width: 3),
            input.matches([0x9D, 0x01, 0x2A], at: base + 3),
            let width = input.uintLE(at: base + 6, width: 2), let height = input.uintLE(at: base + 8, width: 2)
        else {
            throw .malformed("WebP lossy header is invalid")
        }
        let isKeyFrame = tag & 0x01 == 0
        let version = (tag >> 1) & 0x07
        let isShown = (tag >> 4) & 0x01 == 1
        let firstPartitionSize = tag >> 5
        guard isKeyFrame, version <= 3, isShown, firstPartitionSize <= chunk.size - 10 else {
            throw .malformed("WebP lossy frame tag is invalid")
        }
        return (width & 0x3FFF, height & 0x3FFF)
    }

    /// The name reported for a removed chunk: a well-known metadata name or the trimmed chunk code.
    private func metadataName(of chunk: Chunk) -> String {
        if chunk.isA("EXIF") {
            return "EXIF"
        }
        if chunk.isA("XMP ") {
            return "XMP"
        }
        if chunk.isA("ICCP") {
            return "ICC"
        }
        guard chunk.fourCC.allSatisfy({ (0x20...0x7E).contains($0) }) else {
            return "unknown chunk"
        }
        return String(decoding: chunk.fourCC, as: UTF8.self).trimmingCharacters(in: .whitespaces)
    }
}
