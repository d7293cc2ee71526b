import Foundation
import PartnerDeskDomain
import PartnerDeskTestSupport
import Testing

@Suite struct ScreenshotInspectorTests {
    private typealias Images = ScreenshotTestImages

    private let inspector = ScreenshotInspector()

    private func inspect(_ bytes: [UInt8]) throws(ScreenshotRejection) -> InspectedScreenshot {
        try inspector.inspect(Data(bytes))
    }

    // MARK: - JPEG

    @Test func inspect_whenJPEGHasGPS_removesEveryMetadataSegment() throws {
        let thumbnailJFIF = Images.jpegSegment(
            0xE0, Images.ascii("JFIF\0") + [1, 1, 0, 0, 1, 0, 1, 1, 1] + [0xAA, 0xBB, 0xCC])
        let exif = Images.jpegSegment(
            0xE1, Images.ascii("Exif\0\0MM\0*\0\0\0\u{8}GPSLatitude 51.5007N GPSLongitude 0.1246W"))
        let xmp = Images.jpegSegment(
            0xE1, Images.ascii("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><dc:creator>Jane</dc:creator></x:xmpmeta>"))
        let icc = Images.jpegSegment(0xE2, Images.ascii("ICC_PROFILE\0\u{1}\u{1}Jane's calibrated monitor"))
        let photoshop = Images.jpegSegment(0xED, Images.ascii("Photoshop 3.0\08BIM\u{4}\u{4}Byline: Jane Doe"))
        let ducky = Images.jpegSegment(0xEC, Images.ascii("Ducky\0\u{1}"))
        let comment = Images.jpegSegment(0xFE, Images.ascii("Taken at 10 Downing Street"))
        let upload =
            Images.jpeg([
                thumbnailJFIF, exif, xmp, icc, Images.quantisationTable, Images.frameHeader(width: 3, height: 2),
                comment, Images.huffmanTables, photoshop, ducky, Images.scan(),
            ]) + Images.ascii("TRAILER")

        let result = try inspect(upload)

        #expect(result.format == .jpeg)
        #expect(result.width == 3)
        #expect(result.height == 2)
        #expect(
            result.removedMetadata == [
                "JFIF thumbnail", "EXIF", "XMP", "ICC", "COM", "IPTC", "APP12", "trailing data",
            ])
        let cleaned = [UInt8](result.cleanedBytes)
        #expect(cleaned == Images.plainJPEG())
        #expect(cleaned.starts(with: [0xFF, 0xD8, 0xFF, 0xE0]))
        #expect(cleaned.suffix(2) == [0xFF, 0xD9])
        for secret in ["GPS", "Exif", "xmpmeta", "Jane", "Downing", "8BIM", "Ducky", "TRAILER"] {
            #expect(!Images.contains(cleaned, Images.ascii(secret)), "\(secret) survived cleaning")
        }
        for marker: UInt8 in 0xE1...0xEF {
            #expect(!Images.contains(cleaned, [0xFF, marker]))
        }
        #expect(!Images.contains(cleaned, [0xFF, 0xFE]))
        #expect(Images.contains(cleaned, Images.frameHeader(width: 3, height: 2)))
        #expect(Images.contains(cleaned, Images.scan()))
    }

    @Test func inspect_whenJPEGIsPlain_returnsSameBytesAndDimensions() throws {
        let upload = Images.plainJPEG(width: 640, height: 480)

        let result = try inspect(upload)

        #expect(result.format == .jpeg)
        #expect(result.width == 640)
        #expect(result.height == 480)
        #expect([UInt8](result.cleanedBytes) == upload)
        #expect(result.removedMetadata.isEmpty)
    }

    @Test func inspect_whenJPEGDataHasStuffedBytesAndRestartMarkers_keepsTheWholeScan() throws {
        let restartInterval = Images.jpegSegment(0xDD, [0x00, 0x01])
        let data: [UInt8] = [0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56, 0xFF, 0xD1, 0xFF, 0x00]
        let upload = Images.jpeg([
            Images.quantisationTable, Images.frameHeader(width: 16, height: 8), Images.huffmanTables, restartInterval,
            Images.scan(data: data),
        ])

        let result = try inspect(upload)

        #expect([UInt8](result.cleanedBytes) == upload)
        #expect(result.width == 16)
        #expect(result.height == 8)
    }

    @Test func inspect_whenProgressiveJPEGHasMetadataBetweenScans_removesIt() throws {
        let comment = Images.jpegSegment(0xFE, Images.ascii("between scans"))
        let exif = Images.jpegSegment(0xE1, Images.ascii("Exif\0\0late"))
        let frame = Images.frameHeader(width: 5, height: 7, marker: 0xC2)
        let upload = Images.jpeg([
            Images.quantisationTable, frame, Images.huffmanTables, Images.scan(), comment, Images.huffmanTables, exif,
            Images.scan(data: [0x01, 0x02]),
        ])

        let result = try inspect(upload)

        let expected = Images.jpeg([
            Images.quantisationTable, frame, Images.huffmanTables, Images.scan(), Images.huffmanTables,
            Images.scan(data: [0x01, 0x02]),
        ])
        #expect([UInt8](result.cleanedBytes) == expected)
        #expect(result.removedMetadata == ["COM", "EXIF"])
        #expect(result.width == 5)
        #expect(result.height == 7)
    }

    @Test func inspect_whenJPEGHasAdobeColourSegment_keepsItButDropsOtherVendorSegments() throws {
        let adobe = Images.jpegSegment(0xEE, Images.ascii("Adobe") + [0, 100, 0, 0, 0, 0, 1])
        let longAdobe = Images.jpegSegment(0xEE, Images.ascii("Adobe") + [0, 100, 0, 0, 0, 0, 1] + Images.ascii("x"))
        let upload = Images.jpeg([
            Images.jfif, adobe, longAdobe, Images.quantisationTable, Images.frameHeader(width: 3, height: 2),
            Images.huffmanTables, Images.scan(),
        ])

        let result = try inspect(upload)

        #expect(Images.contains(result.cleanedBytes, adobe))
        #expect(!Images.contains(result.cleanedBytes, longAdobe))
        #expect(result.removedMetadata == ["APP14"])
    }

    @Test func inspect_whenJPEGHasFillBytesAndExtraAPP0s_normalisesThem() throws {
        let jfxx = Images.jpegSegment(0xE0, Images.ascii("JFXX\0\u{10}thumbnail"))
        let upload = Images.jpeg([
            [0xFF, 0xFF], Images.jfif, Images.jfif, jfxx, Images.quantisationTable,
            Images.frameHeader(width: 3, height: 2), Images.huffmanTables, Images.scan(data: [0x3F, 0xFF, 0xFF]),
        ])

        let result = try inspect(upload)

        #expect([UInt8](result.cleanedBytes) == Images.plainJPEG())
        #expect(result.removedMetadata == ["APP0", "JFXX"])
    }

    // MARK: - PNG

    @Test(arguments: [(1, 1), (3, 2), (17, 5)])
    func inspect_whenPNGIsPlain_returnsSameBytesAndDimensions(width: Int, height: Int) throws {
        let upload = Images.png(width: width, height: height)

        let result = try inspect(upload)

        #expect(result.format == .png)
        #expect(result.width == width)
        #expect(result.height == height)
        #expect([UInt8](result.cleanedBytes) == upload)
        #expect(result.removedMetadata.isEmpty)
    }

    @Test func inspect_whenPNGHasTextAndProfileChunks_removesThemAndKeepsRenderingChunks() throws {
        let gamma = Images.pngChunk("gAMA", Images.bigEndian32(45_455))
        let srgb = Images.pngChunk("sRGB", [0])
        let density = Images.pngChunk("pHYs", Images.bigEndian32(3_780) + Images.bigEndian32(3_780) + [1])
        let text = Images.pngChunk("tEXt", Images.ascii("Author\0Jane Doe"))
        let compressed = Images.pngChunk("zTXt", Images.ascii("Comment\0\0") + [0x78, 0x01])
        let xmp = Images.pngChunk("iTXt", Images.ascii("XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta/>"))
        let exif = Images.pngChunk("eXIf", Images.ascii("MM\0*GPS"))
        let time = Images.pngChunk("tIME", [0x07, 0xE8, 1, 2, 3, 4, 5])
        let profile = Images.pngChunk("iCCP", Images.ascii("Jane's display\0\0") + [0x78, 0x01])
        let privateChunk = Images.pngChunk("prVt", Images.ascii("device serial 1234"))
        let upload =
            Images.png(
                before: [gamma, text, profile, srgb, xmp, density, exif, privateChunk], after: [time, compressed])
            + Images.ascii("appended zip")

        let result = try inspect(upload)

        #expect([UInt8](result.cleanedBytes) == Images.png(before: [gamma, srgb, density]))
        #expect(result.removedMetadata == ["tEXt", "ICC", "XMP", "EXIF", "prVt", "tIME", "zTXt", "trailing data"])
        #expect(result.width == 3)
        #expect(result.height == 2)
    }

    @Test func inspect_whenPNGHasManyDistinctPrivateChunks_listsABoundedNumberOfNames() throws {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        let privateChunks = (0..<40).map { index in
            Images.pngChunk("pr" + String(letters[index / 26]) + String(letters[index % 26]), [])
        }

        let result = try inspect(Images.png(before: privateChunks))

        #expect(result.removedMetadata.count == 24)
        #expect(result.removedMetadata.first == "praa")
        #expect(result.removedMetadata.last == "other")
        #expect([UInt8](result.cleanedBytes) == Images.png())
    }

    @Test func inspect_whenPNGUsesAPalette_acceptsIt() throws {
        let upload =
            Images.pngHeader(width: 2, height: 2, colourType: 3) + Images.pngChunk("PLTE", [0, 0, 0, 255, 255, 255])
            + Images.pngChunk("tRNS", [0x80]) + Images.pngImageData(rowBytes: 2, height: 2, fill: 1)
            + Images.pngChunk("IEND", [])

        let result = try inspect(upload)

        #expect([UInt8](result.cleanedBytes) == upload)
        #expect(result.width == 2)
    }

    // MARK: - WebP

    @Test func inspect_whenWebPIsSimpleLossyOrLossless_readsDimensionsAndKeepsBytes() throws {
        for upload in [Images.lossyWebP, Images.losslessWebP] {
            let result = try inspect(upload)

            #expect(result.format == .webp)
            #expect(result.width == 3)
            #expect(result.height == 2)
            #expect([UInt8](result.cleanedBytes) == upload)
            #expect(result.removedMetadata.isEmpty)
        }
    }

    @Test func inspect_whenWebPHeadersClaimOtherSizes_readsTheirFourteenBitFields() throws {
        let lossy = Images.webp([Images.riffChunk("VP8 ", Images.lossyHeader(width: 16_383, height: 2))])
        let lossless = Images.webp([Images.riffChunk("VP8L", Images.losslessHeader(width: 300, height: 16_384))])

        let lossyResult = try inspect(lossy)
        let losslessResult = try inspect(lossless)

        #expect(lossyResult.width == 16_383)
        #expect(lossyResult.height == 2)
        #expect(losslessResult.width == 300)
        #expect(losslessResult.height == 16_384)
    }

    @Test func inspect_whenExtendedWebPHasMetadata_removesChunksClearsFlagsAndFixesRIFFSize() throws {
        let allFlags: UInt8 = 0x20 | 0x10 | 0x08 | 0x04
        let upload =
            Images.webp([
                Images.extendedHeader(flags: allFlags | 0xC1, width: 3, height: 2),
                Images.riffChunk("ICCP", Images.ascii("Jane's display profile")),
                Images.riffChunk("ALPH", Images.alphaPlane), Images.riffChunk("VP8 ", Images.lossyBitstream),
                Images.riffChunk("EXIF", Images.ascii("MM\0*GPSLatitude")),
                Images.riffChunk("XMP ", Images.ascii("<x:xmpmeta>Jane</x:xmpmeta>")),
                Images.riffChunk("ALPH", Images.alphaPlane), Images.riffChunk("ZZZZ", [1, 2, 3]),
            ]) + Images.ascii("junk")

        let result = try inspect(upload)

        let cleaned = [UInt8](result.cleanedBytes)
        #expect(cleaned == Images.extendedWebP)
        #expect(cleaned[20] == 0x10, "only the alpha flag may remain")
        #expect(Array(cleaned[4..<8]) == Images.littleEndian(cleaned.count - 8, width: 4))
        #expect(result.removedMetadata == ["ICC", "EXIF", "XMP", "ALPH", "ZZZZ", "trailing data"])
        #expect(result.width == 3)
        #expect(result.height == 2)
    }

    @Test func inspect_whenSimpleWebPCarriesExtraChunks_keepsOnlyTheImage() throws {
        let upload = Images.webp([
            Images.riffChunk("VP8L", Images.losslessBitstream), Images.riffChunk("EXIF", Images.ascii("GPS")),
        ])

        let result = try inspect(upload)

        #expect([UInt8](result.cleanedBytes) == Images.losslessWebP)
        #expect(result.removedMetadata == ["EXIF"])
    }

    // MARK: - Shared behaviour

    @Test func inspect_isIdempotentOnItsOwnOutput() throws {
        let samples = [
            Images.plainJPEG(), Images.png(before: [Images.pngChunk("tEXt", Images.ascii("a\0b"))]),
            Images.extendedWebP, Images.lossyWebP, Images.losslessWebP,
        ]
        for sample in samples {
            let first = try inspect(sample)
            let second = try inspector.inspect(first.cleanedBytes)

            #expect(second.cleanedBytes == first.cleanedBytes)
            #expect(second.format == first.format)
            #expect(second.width == first.width)
            #expect(second.height == first.height)
            #expect(second.removedMetadata.isEmpty)
        }
    }

    @Test func format_describesMediaTypeAndExtension() {
        #expect(ScreenshotFormat.allCases.map(\.mediaType) == ["image/png", "image/jpeg", "image/webp"])
        #expect(ScreenshotFormat.allCases.map(\.fileExtension) == ["png", "jpg", "webp"])
        #expect(ScreenshotFormat.allCases.map(\.rawValue) == ["png", "jpeg", "webp"])
    }

    @Test func limits_default_isTenMegabytesAndFortyMegapixels() {
        #expect(ScreenshotLimits.default.maxBytes == 10 * 1024 * 1024)
        #expect(ScreenshotLimits.default.maxPixels == 40_000_000)
        #expect(ScreenshotLimits.default.maxSideLength == 65_535)
    }
}
