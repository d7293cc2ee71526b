import Foundation

/// Validates a JPEG file, reads its size from the frame header and rebuilds it without metadata segments.
///
/// Structure checked: the file starts with SOI (`FF D8`); every marker segment has a length of at
/// least two that fits in the file; there is exactly one frame header (SOF0–SOF15, excluding DHT `C4`,
/// JPG `C8` and DAC `CC`) with a consistent component list; each scan header (SOS) follows the frame
/// header and is consistent; entropy-coded data is walked (stuffed `FF 00` and restart markers skipped)
/// up to the next marker; and the file ends with EOI (`FF D9`). Unknown or misplaced markers are refused.
///
/// Kept, byte for byte: DQT, DHT, DAC, DRI, DNL, DHP, EXP, every SOF and SOS with its entropy-coded data,
/// a single JFIF APP0 (rewritten without its embedded thumbnail) and a 12-byte Adobe APP14, which holds
/// only the colour-transform flag decoders need to show CMYK and RGB JPEGs correctly.
/// Removed: all other APP0–APP15 segments (EXIF and its GPS tags and thumbnail, XMP, ICC profiles,
/// MPF, Photoshop/IPTC, JFXX thumbnails, vendor segments), COM comments, and any bytes after EOI.
struct JPEGScreenshotReader: Sendable {
    /// The limits to enforce as soon as the frame header has been read.
    let limits: ScreenshotLimits

    /// One marker segment: its marker byte and where its payload (after the length field) lies.
    private struct Segment {
        let marker: UInt8
        let start: Int
        let payloadStart: Int
        let payloadLength: Int
        let end: Int
    }

    /// Inspects `input`, which the caller has sniffed as starting with `FF D8`.
    func read(_ input: ScreenshotByteReader) throws(ScreenshotRejection) -> InspectedScreenshot {
        guard input.matches([0xFF, 0xD8], at: 0) else {
            throw .malformed("JPEG does not start with SOI")
        }
        var output: [UInt8] = [0xFF, 0xD8]
        output.reserveCapacity(input.count)
        var removed = RemovedMetadataList()
        var frame: (width: Int, height: Int, components: Int)?
        var sawScan = false
        var keptJFIF = false
        var offset = 2
        while true {
            guard input.uint8(at: offset) == 0xFF else {
                throw .malformed("JPEG marker expected at byte \(offset)")
            }
            var markerOffset = offset + 1
            while input.uint8(at: markerOffset) == 0xFF {
                markerOffset += 1
            }
            guard let marker = input.uint8(at: markerOffset) else {
                throw .malformed("JPEG is truncated before EOI")
            }
            if marker == 0xD9 {
                guard sawScan, let frame else {
                    throw .malformed("JPEG ends before any image data")
                }
                output.append(contentsOf: [0xFF, 0xD9])
                if markerOffset + 1 < input.count {
                    removed.record("trailing data")
                }
                return InspectedScreenshot(
                    format: .jpeg, width: frame.width, height: frame.height, cleanedBytes: Data(output),
                    removedMetadata: removed.names)
            }
            let segment = try segment(marker: marker, lengthAt: markerOffset + 1, in: input)
            offset = segment.end
            switch marker {
            case 0xC0...0xCF where marker != 0xC4 && marker != 0xC8 && marker != 0xCC:
                guard frame == nil else {
                    throw .malformed("JPEG has more than one frame header")
                }
                frame = try readFrameHeader(segment, in: input)
            case 0xC4, 0xCC, 0xDB, 0xDC, 0xDD, 0xDE, 0xDF:
                break
            case 0xDA:
                guard let components = frame?.components else {
                    throw .malformed("JPEG scan starts before the frame header")
                }
                try checkScanHeader(segment, frameComponents: components, in: input)
                offset = try endOfEntropyCodedData(from: segment.end, in: input)
                sawScan = true
            case 0xE0:
                if !keptJFIF, let jfif = cleanedJFIF(segment, in: input) {
                    keptJFIF = true
                    output.append(contentsOf: jfif)
                    if segment.payloadLength > 14 {
                        removed.record("JFIF thumbnail")
                    }
                } else {
                    removed.record(segmentStarts(segment, with: "JFXX\0", in: input) ? "JFXX" : "APP0")
                }
                continue
            case 0xEE where segment.payloadLength == 12 && segmentStarts(segment, with: "Adobe", in: input):
                break
            case 0xE1...0xEF:
                removed.record(applicationSegmentName(segment, in: input))
                continue
            case 0xFE:
                removed.record("COM")
                continue
            default:
                throw .malformed("JPEG has an unexpected marker \(marker)")
            }
            output.append(contentsOf: [0xFF, marker])
            output.append(contentsOf: input.bytes[segment.start..<offset])
        }
    }

    /// Reads the length field at `offset` and returns the segment it describes, refusing it if cut short.
    private func segment(marker: UInt8, lengthAt offset: Int, in input: ScreenshotByteReader)
        throws(ScreenshotRejection) -> Segment
    {
        guard let length = input.uint16BE(at: offset) else {
            throw .malformed("JPEG is truncated inside a segment header")
        }
        guard length >= 2 else {
            throw .malformed("JPEG segment length is shorter than its own length field")
        }
        guard let end = input.end(of: offset, length: length) else {
            throw .malformed("JPEG segment runs past the end of the file")
        }
        return Segment(marker: marker, start: offset, payloadStart: offset + 2, payloadLength: length - 2, end: end)
    }

    /// Parses a SOFn payload, checks its consistency and applies the limits to its dimensions.
    private func readFrameHeader(_ segment: Segment, in input: ScreenshotByteReader) throws(ScreenshotRejection)
        -> (width: Int, height: Int, components: Int)
    {
        let base = segment.payloadStart
        guard segment.payloadLength >= 6, let precision = input.uint8(at: base),
            let height = input.uint16BE(at: base + 1), let width = input.uint16BE(at: base + 3),
            let components = input.uint8(at: base + 5).map(Int.init),
            components >= 1, segment.payloadLength == 6 + 3 * components, precision > 0
        else {
            throw .malformed("JPEG frame header is inconsistent")
        }
        try limits.check(width: width, height: height)
        for index in 0..<components {
            let component = base + 6 + 3 * index
            guard let sampling = input.uint8(at: component + 1), let table = input.uint8(at: component + 2),
                (1...4).contains(sampling >> 4), (1...4).contains(sampling & 0x0F), table <= 3
            else {
                throw .malformed("JPEG frame component \(index) is invalid")
            }
        }
        return (width, height, components)
    }

    /// Checks that a SOS payload lists between one and four components and has the matching length.
    private func checkScanHeader(_ segment: Segment, frameComponents: Int, in input: ScreenshotByteReader)
        throws(ScreenshotRejection)
    {
        guard let count = input.uint8(at: segment.payloadStart).map(Int.init), (1...4).contains(count),
            count <= frameComponents, segment.payloadLength == 4 + 2 * count
        else {
            throw .malformed("JPEG scan header is inconsistent")
        }
    }

    /// Finds the `FF` that starts the first real marker after entropy-coded data beginning at `start`.
    ///
    /// `FF 00` is a stuffed data byte and `FF D0`–`FF D7` are restart markers; both belong to the data.
    private func endOfEntropyCodedData(from start: Int, in input: ScreenshotByteReader) throws(ScreenshotRejection)
        -> Int
    {
        let bytes = input.bytes
        var index = start
        while true {
            guard index <= bytes.count, let candidate = bytes[index...].firstIndex(of: 0xFF) else {
                throw .malformed("JPEG image data ends without EOI")
            }
            var next = candidate + 1
            while next < bytes.count && bytes[next] == 0xFF {
                next += 1
            }
            guard next < bytes.count else {
                throw .malformed("JPEG image data ends without EOI")
            }
            let following = bytes[next]
            if following == 0x00 || (0xD0...0xD7).contains(following) {
                index = next + 1
                continue
            }
            return candidate
        }
    }

    /// Returns a JFIF APP0 segment with the thumbnail removed, or `nil` when `segment` is not JFIF.
    private func cleanedJFIF(_ segment: Segment, in input: ScreenshotByteReader) -> [UInt8]? {
        guard segment.payloadLength >= 14, segmentStarts(segment, with: "JFIF\0", in: input),
            let fields = input.slice(segment.payloadStart, length: 12)
        else {
            return nil
        }
        return [0xFF, 0xE0, 0x00, 0x10] + fields + [0x00, 0x00]
    }

    /// Whether the payload of `segment` begins with the ASCII `prefix` (which may contain NUL).
    private func segmentStarts(_ segment: Segment, with prefix: String, in input: ScreenshotByteReader) -> Bool {
        let pattern = Array(prefix.utf8)
        return pattern.count <= segment.payloadLength && input.matches(pattern, at: segment.payloadStart)
    }

    /// Names an APP1–APP15 segment by its identifier string, falling back to `APPn`.
    private func applicationSegmentName(_ segment: Segment, in input: ScreenshotByteReader) -> String {
        let known: [(UInt8, String, String)] = [
            (0xE1, "Exif\0", "EXIF"),
            (0xE1, "http://ns.adobe.com/xap/1.0/\0", "XMP"),
            (0xE1, "http://ns.adobe.com/xmp/extension/\0", "XMP"),
            (0xE2, "ICC_PROFILE\0", "ICC"),
            (0xE2, "MPF\0", "MPF"),
            (0xED, "Photoshop 3.0\0", "IPTC"),
        ]
        for (marker, prefix, name) in known
        where marker == segment.marker && segmentStarts(segment, with: prefix, in: input) {
            return name
        }
        return "APP\(segment.marker - 0xE0)"
    }
}
