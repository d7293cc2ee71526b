import Foundation

/// A client-supplied file name made safe to display next to a screenshot.
///
/// The name is only ever shown to people; storage keys come from elsewhere. Sanitising:
/// 1. Normalises to Unicode NFC and keeps only the part after the last `/` or `\`.
/// 2. Turns every run of whitespace (tabs and newlines included) into one space, then drops control
///    and invisible formatting characters, such as bidirectional overrides that could disguise the extension.
/// 3. Makes the extension match the detected format: a conventional one (`.JPG`, `.jpeg`) is kept as
///    written; otherwise the format's own extension is appended, so `report.html` becomes `report.html.png`.
/// 4. Shortens the part before the extension so the whole name is at most 100 characters and 255 UTF-8 bytes.
/// 5. Falls back to `screenshot.<ext>` when nothing readable is left.
/// Escaping for HTML or HTTP headers is left to the code that renders the name.
public struct AttachmentFileName: Sendable, Hashable, CustomStringConvertible {
    /// The most characters (grapheme clusters) a sanitised name may have.
    public static let maxCharacters = 100
    /// The most UTF-8 bytes a sanitised name may have, so it also fits common file-system limits.
    public static let maxUTF8Bytes = 255

    /// The sanitised name, never empty, always ending in an extension conventional for the format.
    public let value: String

    /// Sanitises `clientName` (which may be missing) for a screenshot whose bytes were detected as `format`.
    public init(sanitizing clientName: String?, format: ScreenshotFormat) {
        let cleaned = Self.clean(clientName ?? "")
        var stem = Substring(cleaned)
        var suffix = "." + format.fileExtension
        if let dot = cleaned.lastIndex(of: "."),
            format.knownFileExtensions.contains(cleaned[cleaned.index(after: dot)...].lowercased())
        {
            stem = cleaned[..<dot]
            suffix = String(cleaned[dot...])
        }
        let shortened = Self.prefix(
            of: stem, maxCharacters: Self.maxCharacters - suffix.count,
            maxUTF8Bytes: Self.maxUTF8Bytes - suffix.utf8.count
        ).trimmingCharacters(in: .whitespaces)
        if shortened.allSatisfy({ $0 == "." }) {
            value = "screenshot." + format.fileExtension
        } else {
            value = shortened + suffix
        }
    }

    /// The sanitised name.
    public var description: String { value }

    /// Applies steps 1 and 2: last path component, whitespace collapsed, invisible characters removed, trimmed.
    private static func clean(_ name: String) -> String {
        let lastComponent =
            name.precomposedStringWithCanonicalMapping
            .split(separator: "/", omittingEmptySubsequences: false).last?
            .split(separator: "\\", omittingEmptySubsequences: false).last ?? ""
        var scalars = String.UnicodeScalarView()
        var previousWasSpace = false
        for scalar in lastComponent.unicodeScalars {
            if scalar.properties.isWhitespace {
                if !previousWasSpace {
                    scalars.append(" ")
                }
                previousWasSpace = true
                continue
            }
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate:
                continue
            default:
                scalars.append(scalar)
                previousWasSpace = false
            }
        }
        return String(scalars).trimmingCharacters(in: .whitespaces)
    }

    /// The longest leading run of whole characters within both the character and the byte budget.
    private static func prefix(of text: Substring, maxCharacters: Int, maxUTF8Bytes: Int) -> String {
        var result = ""
        var characters = 0
        var bytes = 0
        for character in text {
            let size = character.utf8.count
            guard characters < maxCharacters, bytes + size <= maxUTF8Bytes else { break }
            result.append(character)
            characters += 1
            bytes += size
        }
        return result
    }
}
