import Foundation

/// Validates a PNG file, reads its size from `IHDR` and rebuilds it without metadata chunks.
///
/// Structure checked: the eight-byte signature; `IHDR` first with length 13 and a legal bit depth,
/// colour type, compression, filter and interlace method; every chunk complete with a correct CRC;
/// `PLTE` at most once, before image data and present for palette images; `IDAT` chunks consecutive
/// and non-empty in total; the file closed by an empty `IEND`. Pixel data is never decompressed.
///
/// Kept: the critical chunks and the ancillary chunks that only describe how pixels are displayed
/// (`tRNS`, `gAMA`, `cHRM`, `sRGB`, `sBIT`, `bKGD`, `pHYs`, `hIST`, `cICP`, `mDCV`, `cLLI`).
/// Removed: every other ancillary chunk, notably `tEXt`, `zTXt`, `iTXt` (XMP included), `eXIf`,
/// `tIME`, `iCCP` (colour profiles can name devices and people) and private chunks, plus any
/// bytes after `IEND`. Kept chunks are copied verbatim, so their CRCs stay valid.
/// Animated PNGs (`acTL`, `fcTL`, `fdAT`) are refused rather than flattened.
struct PNGScreenshotReader: Sendable {
    /// The limits to enforce once `IHDR` has been read.
    let limits: ScreenshotLimits

    /// The fixed eight bytes every PNG file starts with.
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// Ancillary chunks that affect rendering only and cannot hold free-form text.
    static let keptAncillaryChunks: Set<String> = [
        "tRNS", "gAMA", "cHRM", "sRGB", "sBIT", "bKGD", "pHYs", "hIST", "cICP", "mDCV", "mDCv", "cLLI", "cLLi",
    ]

    /// The legal bit depths for each PNG colour type.
    private static let bitDepthsByColourType: [UInt8: Set<UInt8>] = [
        0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16],
    ]

    /// One chunk's position in the file, already checked to be complete and to match its CRC.
    private struct Chunk {
        let type: String
        let start: Int
        let dataStart: Int
        let length: Int
        let end: Int
    }

    /// Where the run of `IDAT` chunks stands while walking the file.
    private enum ImageDataState {
        case notStarted
        case inProgress
        case finished
    }

    /// Inspects `input`, which the caller has sniffed as starting like a PNG.
    func read(_ input: ScreenshotByteReader) throws(ScreenshotRejection) -> InspectedScreenshot {
        guard input.matches(Self.signature, at: 0) else {
            throw .malformed("PNG signature is damaged or incomplete")
        }
        let header = try chunk(at: Self.signature.count, in: input)
        guard header.type == "IHDR", header.length == 13,
            let width = input.uint32BE(at: header.dataStart),
            let height = input.uint32BE(at: header.dataStart + 4)
        else {
            throw .malformed("PNG does not start with a 13-byte IHDR chunk")
        }
        guard width <= 0x7FFF_FFFF, height <= 0x7FFF_FFFF else {
            throw .malformed("PNG dimensions exceed the format's maximum")
        }
        try limits.check(width: width, height: height)
        let colourType = try validateHeaderFields(header, in: input)

        var output = Array(input.bytes[0..<header.end])
        output.reserveCapacity(input.count)
        var removed = RemovedMetadataList()
        var sawPalette = false
        var imageData = ImageDataState.notStarted
        var imageDataBytes = 0
        var offset = header.end
        while true {
            let chunk = try chunk(at: offset, in: input)
            if imageData == .inProgress && chunk.type != "IDAT" {
                imageData = .finished
            }
            offset = chunk.end
            switch chunk.type {
            case "IHDR":
                throw .malformed("PNG has a second IHDR chunk")
            case "PLTE":
                guard !sawPalette, imageData == .notStarted, colourType != 0, colourType != 4,
                    chunk.length % 3 == 0, (3...768).contains(chunk.length)
                else {
                    throw .malformed("PNG palette is misplaced or has an invalid length")
                }
                sawPalette = true
            case "IDAT":
                guard imageData != .finished else {
                    throw .malformed("PNG image data chunks are not consecutive")
                }
                imageData = .inProgress
                imageDataBytes += chunk.length
            case "IEND":
                guard chunk.length == 0, imageDataBytes > 0, colourType != 3 || sawPalette else {
                    throw .malformed("PNG ends without image data, without its palette, or with a non-empty IEND")
                }
                output.append(contentsOf: input.bytes[chunk.start..<chunk.end])
                if offset < input.count {
                    removed.record("trailing data")
                }
                return InspectedScreenshot(
                    format: .png, width: width, height: height, cleanedBytes: Data(output),
                    removedMetadata: removed.names)
            case "acTL", "fcTL", "fdAT":
                throw .animated
            default:
                if chunk.type.utf8.first.map({ $0 & 0x20 == 0 }) ?? true {
                    throw .malformed("PNG has an unknown critical chunk \(chunk.type)")
                }
                guard Self.keptAncillaryChunks.contains(chunk.type) else {
                    removed.record(metadataName(of: chunk, in: input))
                    continue
                }
            }
            output.append(contentsOf: input.bytes[chunk.start..<chunk.end])
        }
    }

    /// Checks the `IHDR` fields after the dimensions and returns the colour type.
    private func validateHeaderFields(_ header: Chunk, in input: ScreenshotByteReader) throws(ScreenshotRejection)
        -> UInt8
    {
        guard let bitDepth = input.uint8(at: header.dataStart + 8),
            let colourType = input.uint8(at: header.dataStart + 9),
            let compression = input.uint8(at: header.dataStart + 10),
            let filter = input.uint8(at: header.dataStart + 11),
            let interlace = input.uint8(at: header.dataStart + 12)
        else {
            throw .malformed("PNG IHDR chunk is incomplete")
        }
        guard Self.bitDepthsByColourType[colourType]?.contains(bitDepth) == true else {
            throw .malformed("PNG colour type \(colourType) with bit depth \(bitDepth) is not allowed")
        }
        guard compression == 0, filter == 0, interlace <= 1 else {
            throw .malformed("PNG uses an unknown compression, filter or interlace method")
        }
        return colourType
    }

    /// Reads the chunk starting at `offset`, refusing it when it is cut short, badly named or fails its CRC.
    private func chunk(at offset: Int, in input: ScreenshotByteReader) throws(ScreenshotRejection) -> Chunk {
        guard let length = input.uint32BE(at: offset), let typeBytes = input.slice(offset + 4, length: 4) else {
            throw .malformed("PNG is truncated inside a chunk header")
        }
        guard length <= 0x7FFF_FFFF else {
            throw .malformed("PNG chunk length exceeds the format's maximum")
        }
        guard typeBytes.allSatisfy({ (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }) else {
            throw .malformed("PNG chunk type is not four ASCII letters")
        }
        let dataStart = offset + 8
        guard let crcOffset = input.end(of: dataStart, length: length), let storedCRC = input.uint32BE(at: crcOffset)
        else {
            throw .malformed("PNG is truncated inside a chunk")
        }
        guard PNGChunkCRC.checksum(input.bytes[(offset + 4)..<crcOffset]) == UInt32(storedCRC) else {
            throw .malformed("PNG chunk has a wrong CRC")
        }
        return Chunk(
            type: String(decoding: typeBytes, as: UTF8.self), start: offset, dataStart: dataStart, length: length,
            end: crcOffset + 4)
    }

    /// The name reported for a removed ancillary chunk.
    private func metadataName(of chunk: Chunk, in input: ScreenshotByteReader) -> String {
        switch chunk.type {
        case "eXIf":
            return "EXIF"
        case "iCCP":
            return "ICC"
        case "iTXt" where chunk.length >= 18 && input.matches(Array("XML:com.adobe.xmp\0".utf8), at: chunk.dataStart):
            return "XMP"
        default:
            return chunk.type
        }
    }
}
