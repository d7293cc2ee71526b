import Foundation

/// Decides whether an uploaded screenshot may be stored, and strips its metadata if so.
///
/// The checks run in a fixed order so hostile uploads cost as little as possible:
/// 1. An empty upload is refused, then one over `limits.maxBytes`, before any content is examined.
/// 2. The format is recognised from magic numbers only (PNG signature, JPEG `FF D8`, RIFF/`WEBP`);
///    anything else, whatever its name or declared type, is `unsupportedFormat`.
/// 3. The image header (PNG `IHDR`, JPEG SOFn, WebP `VP8 `/`VP8L`/`VP8X`) is read and its width and
///    height are checked against the limits before any further chunk or pixel data is examined.
/// 4. The rest of the container is walked to refuse truncated or malformed files, and a copy is built
///    without metadata; see `InspectedScreenshot` for the names reported.
///
/// Pixel data is never decoded or decompressed. Every read is bounds-checked and lengths taken from
/// the file are checked before use, so any input either yields a result or a `ScreenshotRejection`.
public struct ScreenshotInspector: Sendable {
    /// The limits this inspector enforces.
    public let limits: ScreenshotLimits

    /// Creates an inspector that enforces `limits`.
    public init(limits: ScreenshotLimits = .default) {
        self.limits = limits
    }

    /// Inspects an upload and returns the cleaned image, or throws the first reason it must be refused.
    public func inspect(_ bytes: Data) throws(ScreenshotRejection) -> InspectedScreenshot {
        let size = bytes.count
        guard size > 0 else {
            throw .empty
        }
        guard size <= limits.maxBytes else {
            throw .tooLarge(bytes: size, limit: limits.maxBytes)
        }
        let input = ScreenshotByteReader(bytes: [UInt8](bytes))
        switch ScreenshotFormat.sniff(input.bytes) {
        case .png:
            return try PNGScreenshotReader(limits: limits).read(input)
        case .jpeg:
            return try JPEGScreenshotReader(limits: limits).read(input)
        case .webp:
            return try WebPScreenshotReader(limits: limits).read(input)
        case nil:
            throw .unsupportedFormat
        }
    }
}
