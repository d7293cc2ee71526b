import Foundation

/// A screenshot that passed inspection, with its metadata removed and ready to be stored.
///
/// Only `cleanedBytes` should ever be stored or served; the original upload may carry location,
/// device or author details. `removedMetadata` lists what was taken out, using these names:
/// `EXIF`, `XMP`, `ICC`, `IPTC` (Photoshop resources), `MPF` (JPEG multi-picture index), `COM` (JPEG comment),
/// `JFIF thumbnail`, `JFXX`, `APPn` for any other JPEG application segment, the chunk type for other PNG and
/// WebP chunks (for example `tEXt`, `tIME`), and `trailing data` for bytes after the end of the image.
/// At most 24 names are listed; past 23 distinct kinds the last entry is `other`.
public struct InspectedScreenshot: Sendable, Hashable {
    /// The format detected from the bytes.
    public let format: ScreenshotFormat
    /// The image width in pixels, as read from the header.
    public let width: Int
    /// The image height in pixels, as read from the header.
    public let height: Int
    /// The image with every metadata segment removed; this is what must be stored.
    public let cleanedBytes: Data
    /// The kinds of metadata that were removed, each named once, in the order first met in the file.
    public let removedMetadata: [String]

    /// Creates an inspection result; internal so that only `ScreenshotInspector` can vouch for an image.
    init(format: ScreenshotFormat, width: Int, height: Int, cleanedBytes: Data, removedMetadata: [String]) {
        self.format = format
        self.width = width
        self.height = height
        self.cleanedBytes = cleanedBytes
        self.removedMetadata = removedMetadata
    }
}
