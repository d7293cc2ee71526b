import Foundation
import PartnerDeskDomain
import PartnerDeskTestSupport
import Testing

@Suite struct ScreenshotRejectionTests {
    private typealias Images = ScreenshotTestImages

    private let inspector = ScreenshotInspector()

    /// The rejection `inspector` raises for `bytes`, or `nil` if the bytes were accepted.
    private func rejection(
        of bytes: [UInt8], by inspector: ScreenshotInspector = ScreenshotInspector()
    ) -> ScreenshotRejection? {
        do {
            _ = try inspector.inspect(Data(bytes))
            return nil
        } catch {
            return error
        }
    }

    // MARK: - Before content

    @Test func inspect_whenEmpty_refusesAsEmpty() {
        #expect(rejection(of: []) == .empty)
    }

    @Test func inspect_whenOverTheByteLimit_refusesBeforeLookingAtContent() {
        let small = ScreenshotInspector(limits: ScreenshotLimits(maxBytes: 1_000))
        let gifOfTooManyBytes = Images.ascii("GIF89a") + [UInt8](repeating: 0, count: 995)

        #expect(rejection(of: gifOfTooManyBytes, by: small) == .tooLarge(bytes: 1_001, limit: 1_000))
    }

    @Test func inspect_whenExactlyAtTheByteLimit_accepts() throws {
        let small = ScreenshotInspector(limits: ScreenshotLimits(maxBytes: 1_000))
        let png = Images.png()
        let padded = png + [UInt8](repeating: 0, count: 1_000 - png.count)

        let result = try small.inspect(Data(padded))

        #expect([UInt8](result.cleanedBytes) == png)
    }

    // MARK: - Format

    @Test(arguments: [
        "GIF89a\u{1}\0\u{1}\0\0\0\0;", "BM\u{1e}\0\0\0\0\0\0\0\u{1a}\0\0\0", "%PDF-1.7\n%\u{e2}\u{e3}\n1 0 obj",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>",
        "<!DOCTYPE html><html><script>alert(1)</script></html>", "RIFF\u{24}\0\0\0WAVEfmt ",
        "PK\u{3}\u{4}\u{14}\0\0\0", "\0\0\0\u{1c}ftypavif\0\0\0\0", "just some text.png",
    ])
    func inspect_whenBytesAreAnotherFormat_refusesAsUnsupported(content: String) {
        #expect(rejection(of: Images.ascii(content)) == .unsupportedFormat)
    }

    @Test func inspect_whenAnyValidSampleIsTruncated_refusesEveryPrefix() {
        let samples = [
            Images.png(), Images.plainJPEG(), Images.lossyWebP, Images.losslessWebP, Images.extendedWebP,
        ]
        for sample in samples {
            for length in 1..<sample.count {
                let result = rejection(of: Array(sample.prefix(length)))
                #expect(result != nil, "prefix of \(length) of \(sample.count) bytes was accepted")
                #expect(result != .empty)
            }
        }
    }

    // MARK: - Dimensions

    @Test func inspect_whenPNGHeaderClaimsTenGigapixels_refusesWithoutReadingFurther() {
        let headerOnly = Images.pngHeader(width: 100_000, height: 100_000)

        #expect(rejection(of: headerOnly) == .tooManyPixels(width: 100_000, height: 100_000, limit: 40_000_000))
    }

    @Test func inspect_whenJPEGFrameClaimsTooManyPixels_refusesBeforeTheScan() {
        let upload = [0xFF, 0xD8] + Images.quantisationTable + Images.frameHeader(width: 10_000, height: 10_000)

        #expect(rejection(of: upload) == .tooManyPixels(width: 10_000, height: 10_000, limit: 40_000_000))
    }

    @Test func inspect_whenWebPHeadersClaimTooManyPixels_refusesBeforeTheImageData() {
        let extended = Images.webp([Images.extendedHeader(flags: 0, width: 16_384, height: 16_384)])
        let lossless = Images.webp([Images.riffChunk("VP8L", Images.losslessHeader(width: 16_384, height: 16_384))])
        let expected = ScreenshotRejection.tooManyPixels(width: 16_384, height: 16_384, limit: 40_000_000)

        #expect(rejection(of: extended) == expected)
        #expect(rejection(of: lossless) == expected)
    }

    @Test func inspect_whenPixelLimitIsCustom_appliesIt() {
        let tiny = ScreenshotInspector(limits: ScreenshotLimits(maxPixels: 5))

        #expect(rejection(of: Images.png(), by: tiny) == .tooManyPixels(width: 3, height: 2, limit: 5))
        #expect(rejection(of: Images.lossyWebP, by: tiny) == .tooManyPixels(width: 3, height: 2, limit: 5))
        #expect(rejection(of: Images.plainJPEG(), by: tiny) == .tooManyPixels(width: 3, height: 2, limit: 5))
    }

    @Test func inspect_whenADimensionIsZero_refusesAsInvalidDimensions() {
        let png = Images.pngHeader(width: 0, height: 5)
        let jpeg = Images.plainJPEG(width: 3, height: 0)
        let webp = Images.webp([Images.riffChunk("VP8 ", Images.lossyHeader(width: 0, height: 2))])

        #expect(rejection(of: png) == .invalidDimensions(width: 0, height: 5, maxSideLength: 65_535))
        #expect(rejection(of: jpeg) == .invalidDimensions(width: 3, height: 0, maxSideLength: 65_535))
        #expect(rejection(of: webp) == .invalidDimensions(width: 0, height: 2, maxSideLength: 65_535))
    }

    @Test func inspect_whenOneSideIsAbsurdlyLong_refusesAsInvalidDimensions() {
        let strip = Images.pngHeader(width: 1, height: 100_000)
        let beyondPNG = Images.pngHeader(width: 0x8000_0000, height: 1)

        #expect(rejection(of: strip) == .invalidDimensions(width: 1, height: 100_000, maxSideLength: 65_535))
        #expect(rejection(of: beyondPNG)?.code == "malformed")
    }

    // MARK: - Animation

    @Test func inspect_whenImageIsAnimated_refusesAsAnimated() {
        let apng = Images.png(before: [Images.pngChunk("acTL", Images.bigEndian32(2) + Images.bigEndian32(0))])
        let flagged = Images.webp([
            Images.extendedHeader(flags: 0x02, width: 3, height: 2), Images.riffChunk("VP8 ", Images.lossyBitstream),
        ])
        let unflagged = Images.webp([
            Images.extendedHeader(flags: 0, width: 3, height: 2), Images.riffChunk("ANIM", [0, 0, 0, 0, 0, 0]),
        ])

        #expect(rejection(of: apng) == .animated)
        #expect(rejection(of: flagged) == .animated)
        #expect(rejection(of: unflagged) == .animated)
    }

    // MARK: - Structure

    @Test func inspect_whenPNGStructureIsBroken_refusesAsMalformed() {
        var badCRC = Images.png()
        badCRC[29] ^= 0x01
        var crlfDamaged = Images.png()
        crlfDamaged.remove(at: 4)
        let ihdrTooShort =
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
            + Images.pngChunk("IHDR", [0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0])
        let dataFirst = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Images.pngImageData(rowBytes: 1, height: 1)
        let unknownCritical = Images.png(before: [Images.pngChunk("ABCD", [])])
        let badDepth = Images.pngHeader(width: 1, height: 1, bitDepth: 3)
        let noImageData = Images.pngHeader(width: 1, height: 1) + Images.pngChunk("IEND", [])
        let splitImageData =
            Images.pngHeader(width: 1, height: 1) + Images.pngImageData(rowBytes: 1, height: 1)
            + Images.pngChunk("tEXt", Images.ascii("a\0b")) + Images.pngImageData(rowBytes: 1, height: 1)
            + Images.pngChunk("IEND", [])
        let paletteMissing =
            Images.pngHeader(width: 1, height: 1, colourType: 3) + Images.pngImageData(rowBytes: 1, height: 1)
            + Images.pngChunk("IEND", [])
        let hugeChunkLength = Images.pngHeader(width: 1, height: 1) + [0xFF, 0xFF, 0xFF, 0xFF] + Images.ascii("IDAT")

        let cases: [[UInt8]] = [
            badCRC, crlfDamaged, ihdrTooShort, dataFirst, unknownCritical, badDepth, noImageData, splitImageData,
            paletteMissing, hugeChunkLength,
        ]
        for broken in cases {
            #expect(rejection(of: broken)?.code == "malformed")
        }
    }

    @Test func inspect_whenJPEGStructureIsBroken_refusesAsMalformed() {
        let tables = Images.quantisationTable + Images.huffmanTables
        let frame = Images.frameHeader(width: 3, height: 2)
        let scanBeforeFrame = Images.jpeg([tables, Images.scan(), frame])
        let missingEOI = [0xFF, 0xD8] + tables + frame + Images.scan()
        let lengthOne = Images.jpeg([[0xFF, 0xE1, 0x00, 0x01], frame, tables, Images.scan()])
        let lengthPastEnd: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE1, 0xFF, 0xFF, 0x00]
        let twoFrames = Images.jpeg([frame, frame, tables, Images.scan()])
        let strayByte = Images.jpeg([tables, [0x00], frame, Images.scan()])
        let noScan = Images.jpeg([tables, frame])
        let reservedMarker = Images.jpeg([[0xFF, 0xC8, 0x00, 0x02], frame, tables, Images.scan()])
        let frameLengthWrong = Images.jpeg([
            Images.jpegSegment(0xC0, [8, 0, 2, 0, 3, 2, 1, 0x11, 0]), tables, Images.scan(),
        ])
        let notJPEGAfterSOI: [UInt8] = [0xFF, 0xD8, 0x00, 0x00]

        let cases: [[UInt8]] = [
            scanBeforeFrame, missingEOI, lengthOne, lengthPastEnd, twoFrames, strayByte, noScan, reservedMarker,
            frameLengthWrong, notJPEGAfterSOI,
        ]
        for broken in cases {
            #expect(rejection(of: broken)?.code == "malformed")
        }
    }

    @Test func inspect_whenWebPStructureIsBroken_refusesAsMalformed() {
        var sizeTooBig = Images.lossyWebP
        sizeTooBig[4] &+= 2
        var sizeTooSmall = Images.lossyWebP
        sizeTooSmall[4] &-= 2
        let unknownFirst = Images.webp([
            Images.riffChunk("ABCD", [1, 2]), Images.riffChunk("VP8 ", Images.lossyBitstream),
        ])
        let canvasMismatch = Images.webp([
            Images.extendedHeader(flags: 0, width: 4, height: 2), Images.riffChunk("VP8 ", Images.lossyBitstream),
        ])
        var noStartCode = Images.lossyBitstream
        noStartCode[3] = 0
        var interFrame = Images.lossyBitstream
        interFrame[0] |= 0x01
        var badSignature = Images.losslessBitstream
        badSignature[0] = 0x2E
        let noImage = Images.webp([Images.extendedHeader(flags: 0, width: 3, height: 2)])
        let shortVP8X = Images.webp([
            Images.riffChunk("VP8X", [0, 0, 0, 0]), Images.riffChunk("VP8 ", Images.lossyBitstream),
        ])
        let twoImages = Images.webp([
            Images.extendedHeader(flags: 0, width: 3, height: 2), Images.riffChunk("VP8 ", Images.lossyBitstream),
            Images.riffChunk("VP8 ", Images.lossyBitstream),
        ])
        let headerOnly = Images.ascii("RIFF") + [4, 0, 0, 0] + Images.ascii("WEBP")

        let cases: [[UInt8]] = [
            sizeTooBig, sizeTooSmall, unknownFirst, canvasMismatch,
            Images.webp([Images.riffChunk("VP8 ", noStartCode)]),
            Images.webp([Images.riffChunk("VP8 ", interFrame)]), Images.webp([Images.riffChunk("VP8L", badSignature)]),
            noImage, shortVP8X, twoImages, headerOnly,
        ]
        for broken in cases {
            #expect(rejection(of: broken)?.code == "malformed")
        }
    }

    // MARK: - Codes and messages

    @Test func code_isStableAndDistinctForEveryCase() {
        let all: [ScreenshotRejection] = [
            .empty, .tooLarge(bytes: 2, limit: 1), .unsupportedFormat, .malformed("x"), .animated,
            .invalidDimensions(width: 0, height: 1, maxSideLength: 9), .tooManyPixels(width: 9, height: 9, limit: 1),
        ]

        #expect(
            all.map(\.code) == [
                "empty", "too_large", "unsupported_format", "malformed", "animated", "invalid_dimensions",
                "too_many_pixels",
            ])
        #expect(all.allSatisfy { !$0.message.isEmpty && !$0.message.contains("\n") })
    }

    @Test func message_whenTooLarge_statesTheLimitAndTheRoundedUpSize() {
        let upload = Data(count: 13_002_342)

        #expect(
            rejection(of: [UInt8](upload))?.message == "Screenshots must be 10 MB or smaller; this file is 12.4 MB.")
        #expect(
            ScreenshotRejection.tooLarge(bytes: 10 * 1_048_576 + 1, limit: 10 * 1_048_576).message
                == "Screenshots must be 10 MB or smaller; this file is 10.1 MB.")
        #expect(
            ScreenshotRejection.tooLarge(bytes: 1_001, limit: 1_000).message
                == "Screenshots must be 1000 bytes or smaller; this file is 1001 bytes.")
    }

    @Test func message_whenTooManyPixels_statesBothSizesInMegapixels() {
        #expect(
            ScreenshotRejection.tooManyPixels(width: 100_000, height: 100_000, limit: 40_000_000).message
                == "Screenshots can be at most 40 megapixels; this image is 100000 x 100000 pixels (10000 megapixels).")
    }

    @Test func message_whenDimensionsAreInvalid_explainsWhich() {
        #expect(
            ScreenshotRejection.invalidDimensions(width: 0, height: 5, maxSideLength: 65_535).message
                == "This image says it is 0 x 5 pixels, so it has nothing to show.")
        #expect(
            ScreenshotRejection.invalidDimensions(width: 1, height: 100_000, maxSideLength: 65_535).message
                == "Screenshots can be at most 65535 pixels wide or tall; this image is 1 x 100000 pixels.")
    }
}
