import Foundation
import PartnerDeskDomain
import PartnerDeskTestSupport
import Testing

extension SeededRandom {
    /// A value in `0 ..< bound`; `bound` must be positive.
    fileprivate mutating func below(_ bound: Int) -> Int {
        Int.random(in: 0..<bound, using: &self)
    }

    fileprivate mutating func byte() -> UInt8 {
        UInt8.random(in: 0...255, using: &self)
    }
}

@Suite struct ScreenshotInspectorFuzzTests {
    private typealias Images = ScreenshotTestImages

    private static let mutationsPerSample = 2_000

    /// Values that tend to sit on boundaries in length fields and flags.
    private static let interestingBytes: [UInt8] = [0x00, 0x01, 0x02, 0x7F, 0x80, 0xFE, 0xFF, 0xD8, 0xD9, 0xDA]

    /// Applies one random structural or byte-level change to `bytes`.
    private static func mutate(_ bytes: inout [UInt8], using random: inout SeededRandom) {
        guard !bytes.isEmpty else {
            bytes = [random.byte()]
            return
        }
        let position = random.below(bytes.count)
        switch random.below(8) {
        case 0:
            bytes[position] ^= 1 << UInt8(random.below(8))
        case 1:
            bytes[position] = random.byte()
        case 2:
            bytes[position] = interestingBytes[random.below(interestingBytes.count)]
        case 3:
            bytes.removeSubrange(random.below(bytes.count + 1)...)
        case 4:
            bytes.removeSubrange(position..<min(bytes.count, position + 1 + random.below(16)))
        case 5:
            bytes.insert(contentsOf: (0..<1 + random.below(8)).map { _ in random.byte() }, at: position)
        case 6:
            let length = min(bytes.count - position, 1 + random.below(24))
            let copy = Array(bytes[position..<position + length])
            bytes.insert(contentsOf: copy, at: random.below(bytes.count + 1))
        default:
            let fill: UInt8 = random.below(2) == 0 ? 0xFF : 0x00
            for index in position..<min(bytes.count, position + 4) {
                bytes[index] = index == position && random.below(2) == 0 ? 0x7F : fill
            }
        }
    }

    private static let samples: [(name: String, bytes: [UInt8])] = [
        ("png", Images.png(before: [Images.pngChunk("tEXt", Images.ascii("Author\0Jane"))])),
        (
            "jpeg",
            Images.jpeg([
                Images.jfif, Images.jpegSegment(0xE1, Images.ascii("Exif\0\0GPS")), Images.quantisationTable,
                Images.frameHeader(width: 3, height: 2), Images.huffmanTables, Images.jpegSegment(0xDD, [0, 1]),
                Images.scan(data: [0x3F, 0xFF, 0x00, 0xFF, 0xD0, 0x3F]),
            ])
        ),
        ("lossy webp", Images.lossyWebP),
        ("lossless webp", Images.losslessWebP),
        (
            "extended webp",
            Images.webp([
                Images.extendedHeader(flags: 0x1C, width: 3, height: 2), Images.riffChunk("ALPH", Images.alphaPlane),
                Images.riffChunk("VP8 ", Images.lossyBitstream), Images.riffChunk("EXIF", Images.ascii("GPS")),
                Images.riffChunk("XMP ", Images.ascii("<x/>")),
            ])
        ),
    ]

    @Test(arguments: 0..<5)
    func inspect_whenSampleIsRandomlyMutated_acceptsCleanlyOrRejects(sampleIndex: Int) throws {
        let sample = Self.samples[sampleIndex]
        let inspector = ScreenshotInspector()
        var random = SeededRandom(seed: 0x5C12_EE45 &+ UInt64(sampleIndex))
        let knownCodes: Set = [
            "empty", "too_large", "unsupported_format", "malformed", "animated", "invalid_dimensions",
            "too_many_pixels",
        ]
        var accepted = 0
        for _ in 0..<Self.mutationsPerSample {
            var bytes = sample.bytes
            for _ in 0...random.below(3) {
                Self.mutate(&bytes, using: &random)
            }
            do {
                let result = try inspector.inspect(Data(bytes))
                accepted += 1
                #expect(result.cleanedBytes.count <= bytes.count)
                let again = try inspector.inspect(result.cleanedBytes)
                #expect(again.cleanedBytes == result.cleanedBytes, "cleaning \(sample.name) is not idempotent")
                #expect(again.removedMetadata.isEmpty)
                #expect(again.width == result.width && again.height == result.height)
            } catch {
                #expect(knownCodes.contains(error.code))
            }
        }
        #expect(accepted > 0, "no mutation of \(sample.name) was accepted; the sample itself may be broken")
    }

    /// PNG chunks with correct CRCs, so that shuffled sequences reach the chunk-order rules rather than the CRC check.
    private static let pngChunkPool: [[UInt8]] = [
        Array(Images.pngHeader(width: 3, height: 2).dropFirst(8)),
        Array(Images.pngHeader(width: 2, height: 2, colourType: 3).dropFirst(8)),
        Array(Images.pngHeader(width: 0, height: 2).dropFirst(8)),
        Images.pngChunk("PLTE", [0, 0, 0, 255, 255, 255]),
        Images.pngChunk("PLTE", [0, 0]),
        Images.pngImageData(rowBytes: 3, height: 2),
        Images.pngChunk("IDAT", []),
        Images.pngChunk("IEND", []),
        Images.pngChunk("IEND", [1]),
        Images.pngChunk("tEXt", Images.ascii("Author\0Jane")),
        Images.pngChunk("iTXt", Images.ascii("XML:com.adobe.xmp\0\0\0\0\0<x/>")),
        Images.pngChunk("gAMA", Images.bigEndian32(45_455)),
        Images.pngChunk("acTL", Images.bigEndian32(1) + Images.bigEndian32(0)),
        Images.pngChunk("ABCD", []),
        Images.pngChunk("prVt", [7]),
    ]

    @Test func inspect_whenPNGChunksAreShuffledWithValidCRCs_acceptsCleanlyOrRejects() throws {
        let inspector = ScreenshotInspector()
        var random = SeededRandom(seed: 0x0DD5_EED5)
        var accepted = 0
        for _ in 0..<Self.mutationsPerSample {
            var bytes = Array(Images.pngHeader(width: 1, height: 1).prefix(8))
            if random.below(8) != 0 {
                bytes += Self.pngChunkPool[random.below(2) == 0 ? 0 : random.below(3)]
            }
            for _ in 0..<random.below(4) {
                bytes += Self.pngChunkPool[random.below(Self.pngChunkPool.count)]
            }
            if random.below(4) != 0 {
                bytes += Self.pngChunkPool[5]
            }
            for _ in 0..<random.below(3) {
                bytes += Self.pngChunkPool[random.below(Self.pngChunkPool.count)]
            }
            if random.below(5) != 0 {
                bytes += Self.pngChunkPool[7]
            }
            do {
                let result = try inspector.inspect(Data(bytes))
                accepted += 1
                let again = try inspector.inspect(result.cleanedBytes)
                #expect(again.cleanedBytes == result.cleanedBytes)
                #expect(again.removedMetadata.isEmpty)
            } catch {
                #expect(!error.code.isEmpty)
            }
        }
        #expect(accepted > 0)
    }
}
