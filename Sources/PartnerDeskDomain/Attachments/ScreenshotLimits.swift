import Foundation

/// The size limits a screenshot must respect before PartnerDesk stores it.
///
/// `maxBytes` is checked before any byte of content is examined. The pixel and side-length limits are
/// checked as soon as the image header has been read, before any pixel data is looked at, so a small
/// file that claims an enormous canvas ("decompression bomb") is refused cheaply.
public struct ScreenshotLimits: Sendable, Hashable {
    /// The largest accepted file, in bytes; 10 MB (10 × 1024 × 1024 bytes) by default.
    public var maxBytes: Int
    /// The largest accepted canvas, as width × height in pixels; 40 megapixels by default.
    public var maxPixels: Int
    /// The longest accepted width or height in pixels; 65,535 by default (the most a JPEG can describe).
    ///
    /// This refuses absurd strips such as 1 × 40,000,000 that would pass the pixel limit alone.
    public var maxSideLength: Int
    /// The most screenshots one incident keeps; 20 by default.
    public var perIncident: Int
    /// The most bytes of screenshots one incident keeps, after metadata is removed; 50 MB by default.
    public var bytesPerIncident: Int

    /// The limits applied to partner uploads unless configuration says otherwise.
    public static let `default` = ScreenshotLimits()

    /// Creates limits; any value left out takes the default.
    public init(
        maxBytes: Int = 10 * 1024 * 1024, maxPixels: Int = 40_000_000, maxSideLength: Int = 65_535,
        perIncident: Int = 20, bytesPerIncident: Int = 50 * 1024 * 1024
    ) {
        self.maxBytes = maxBytes
        self.maxPixels = maxPixels
        self.maxSideLength = maxSideLength
        self.perIncident = perIncident
        self.bytesPerIncident = bytesPerIncident
    }

    /// Refuses one more screenshot of `bytes` for an incident that already keeps `existing`, when it would
    /// pass the incident's quota of screenshots or bytes.
    public func checkQuota(existing: [Attachment], adding bytes: Int, field: String) throws(ValidationFailure) {
        if existing.count >= perIncident {
            throw ValidationFailure([
                ValidationIssue(
                    field: field, code: "quota_exceeded",
                    message: "This incident already has \(existing.count) screenshots, the most it can keep "
                        + "(\(perIncident)). Describe further screens in a comment instead.")
            ])
        }
        let kept = existing.reduce(0) { $0 + $1.byteCount }
        if kept + bytes > bytesPerIncident {
            throw ValidationFailure([
                ValidationIssue(
                    field: field, code: "quota_exceeded",
                    message: "This screenshot would take the incident's screenshots to \(kept + bytes) bytes, over "
                        + "its limit of \(bytesPerIncident) bytes. Send a smaller image.")
            ])
        }
    }

    /// Refuses dimensions read from an image header when they are zero, too many pixels, or too long on a side.
    ///
    /// The pixel limit is tested before the side length so that a huge canvas is reported as such.
    func check(width: Int, height: Int) throws(ScreenshotRejection) {
        guard width > 0, height > 0 else {
            throw .invalidDimensions(width: width, height: height, maxSideLength: maxSideLength)
        }
        let (pixels, overflow) = width.multipliedReportingOverflow(by: height)
        if overflow || pixels > maxPixels {
            throw .tooManyPixels(width: width, height: height, limit: maxPixels)
        }
        guard width <= maxSideLength, height <= maxSideLength else {
            throw .invalidDimensions(width: width, height: height, maxSideLength: maxSideLength)
        }
    }
}
