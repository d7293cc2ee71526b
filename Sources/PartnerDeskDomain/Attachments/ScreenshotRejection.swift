import Foundation

/// The reason a screenshot was refused before anything was stored.
///
/// Each case has a stable machine-readable `code` for API clients and logs, and a plain-English
/// `message` that can be shown to the partner as it is.
public enum ScreenshotRejection: Error, Sendable, Hashable {
    /// The upload contained no bytes at all.
    case empty
    /// The file is bigger than the byte limit; checked before any content is examined.
    case tooLarge(bytes: Int, limit: Int)
    /// The bytes are not a PNG, JPEG or WebP image, whatever the file was called.
    case unsupportedFormat
    /// The bytes start like a supported image but are truncated or structurally broken.
    ///
    /// The associated text is a short technical reason meant for logs, not for the partner.
    case malformed(String)
    /// The image is animated (APNG or animated WebP); only still images are accepted.
    case animated
    /// The header reports a zero width or height, or a side longer than the limit.
    case invalidDimensions(width: Int, height: Int, maxSideLength: Int)
    /// The header reports more pixels than the limit allows; refused before pixel data is read.
    case tooManyPixels(width: Int, height: Int, limit: Int)

    /// A stable snake_case identifier for the rejection, such as `too_large`.
    public var code: String {
        switch self {
        case .empty: return "empty"
        case .tooLarge: return "too_large"
        case .unsupportedFormat: return "unsupported_format"
        case .malformed: return "malformed"
        case .animated: return "animated"
        case .invalidDimensions: return "invalid_dimensions"
        case .tooManyPixels: return "too_many_pixels"
        }
    }

    /// A sentence for the partner that says what is wrong and, where possible, what to do.
    public var message: String {
        switch self {
        case .empty:
            return "The file is empty. Choose a screenshot to attach."
        case .tooLarge(let bytes, let limit):
            return "Screenshots must be \(Self.describe(bytes: limit, roundingUp: false)) or smaller; "
                + "this file is \(Self.describe(bytes: bytes, roundingUp: true))."
        case .unsupportedFormat:
            return "Only PNG, JPEG and WebP images can be attached as screenshots."
        case .malformed:
            return
                "This image looks damaged or incomplete, so it can't be attached. Save the screenshot again and retry."
        case .animated:
            return "Animated images can't be attached as screenshots. Attach a still PNG, JPEG or WebP image."
        case .invalidDimensions(let width, let height, let maxSideLength):
            if width <= 0 || height <= 0 {
                return "This image says it is \(width) x \(height) pixels, so it has nothing to show."
            }
            return "Screenshots can be at most \(maxSideLength) pixels wide or tall; "
                + "this image is \(width) x \(height) pixels."
        case .tooManyPixels(let width, let height, let limit):
            let pixels = width.multipliedReportingOverflow(by: height)
            let actual = pixels.overflow ? "far more than that" : Self.describe(pixels: pixels.partialValue)
            return "Screenshots can be at most \(Self.describe(pixels: limit, roundingUp: false)); "
                + "this image is \(width) x \(height) pixels (\(actual))."
        }
    }

    /// Formats a byte count as "10 MB", "12.4 MB", "900 KB" or "12 bytes", with 1 MB = 1024 × 1024 bytes.
    ///
    /// Limits round down and actual sizes round up, so a file just over a limit never reads as equal to it.
    static func describe(bytes: Int, roundingUp: Bool) -> String {
        if bytes >= 1024 * 1024 {
            return tenths(bytes, unit: 1024 * 1024, roundingUp: roundingUp) + " MB"
        }
        if bytes >= 1024 {
            return tenths(bytes, unit: 1024, roundingUp: roundingUp) + " KB"
        }
        return bytes == 1 ? "1 byte" : "\(bytes) bytes"
    }

    /// Formats a pixel count as megapixels with at most one decimal, or as plain pixels below 0.1 MP.
    static func describe(pixels: Int, roundingUp: Bool = true) -> String {
        if pixels >= 100_000 {
            return tenths(pixels, unit: 1_000_000, roundingUp: roundingUp) + " megapixels"
        }
        return "\(pixels) pixels"
    }

    /// Divides a non-negative `value` by `unit` and renders it with one decimal, dropping a trailing ".0".
    private static func tenths(_ value: Int, unit: Int, roundingUp: Bool) -> String {
        let whole = value / unit
        let scaledRemainder = (value % unit) * 10
        var tenths = whole * 10 + scaledRemainder / unit
        if roundingUp && scaledRemainder % unit != 0 {
            tenths += 1
        }
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }
}
