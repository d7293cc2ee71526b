import Foundation

/// An image format that PartnerDesk accepts for screenshots attached to incidents.
///
/// The format is always decided from the file's own bytes by `ScreenshotInspector`,
/// never from the file name or the content type the client declared.
public enum ScreenshotFormat: String, Sendable, Hashable, CaseIterable {
    /// Portable Network Graphics, recognised by its eight-byte signature.
    case png
    /// JPEG/JFIF, recognised by the start-of-image marker `FF D8`.
    case jpeg
    /// WebP, recognised by a RIFF container whose form type is `WEBP`.
    case webp

    /// The IANA media type to serve the cleaned bytes with, such as `image/png`.
    public var mediaType: String {
        switch self {
        case .png: return "image/png"
        case .jpeg: return "image/jpeg"
        case .webp: return "image/webp"
        }
    }

    /// The preferred file extension, without a dot: `png`, `jpg` or `webp`.
    public var fileExtension: String {
        switch self {
        case .png: return "png"
        case .jpeg: return "jpg"
        case .webp: return "webp"
        }
    }

    /// Every extension, lower-case and without a dot, that is conventional for this format.
    ///
    /// The preferred `fileExtension` comes first; the others are accepted as equivalent spellings.
    var knownFileExtensions: [String] {
        switch self {
        case .png: return ["png"]
        case .jpeg: return ["jpg", "jpeg", "jpe", "jfif"]
        case .webp: return ["webp"]
        }
    }

    /// Picks the parser for `bytes` from their leading magic number, or `nil` when none matches.
    ///
    /// Only the first few bytes are looked at; the chosen parser then validates the whole structure.
    /// A RIFF file too short to carry its form type is sent to the WebP parser so it is reported as truncated.
    static func sniff(_ bytes: [UInt8]) -> ScreenshotFormat? {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) {
            return .png
        }
        if bytes.starts(with: [0xFF, 0xD8]) {
            return .jpeg
        }
        let riff: [UInt8] = Array("RIFF".utf8)
        let webp: [UInt8] = Array("WEBP".utf8)
        if bytes.starts(with: riff) {
            if bytes.count >= 12 {
                return Array(bytes[8..<12]) == webp ? .webp : nil
            }
            let formType = bytes.dropFirst(8)
            return webp.starts(with: formType) ? .webp : nil
        }
        return nil
    }
}
