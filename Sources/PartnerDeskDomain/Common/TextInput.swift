import Foundation

/// The rules every text a person sends follows before it is kept: no control characters (a NUL would cut
/// the text short in some tools, others hide text), no line breaks in a single-line field (they end up in
/// e-mail subjects and CSV cells), stored in Unicode Normalization Form C, and measured in Unicode scalars,
/// so that one character carrying thousands of combining marks counts as what it is.
public enum TextInput {
    /// Whether a field holds one line or several.
    public enum Lines: Sendable {
        case single
        /// Line feeds, carriage returns and tabs allowed.
        case multiple
    }

    /// The text in NFC, or why it is refused. Refusals name the character by its code point and position.
    public static func clean(_ value: String, field: String, label: String, lines: Lines) -> Result<
        String, ValidationIssue
    > {
        var position = 0
        for character in value {
            position += 1
            for scalar in character.unicodeScalars {
                switch scalar.value {
                case 0x0A, 0x0D, 0x2028, 0x2029:
                    guard lines == .multiple else {
                        return .failure(
                            ValidationIssue(
                                field: field, code: "line_break",
                                message:
                                    "The \(label) must be a single line: remove the line break at character \(position)."
                            ))
                    }
                case 0x09 where lines == .multiple:
                    continue
                case 0x00...0x1F, 0x7F...0x9F:
                    return .failure(control(scalar, field: field, label: label, at: position))
                default:
                    continue
                }
            }
        }
        // ASCII is already in NFC; anything else goes through Foundation's normalisation.
        if value.utf8.allSatisfy({ $0 < 0x80 }) { return .success(value) }
        return .success(value.precomposedStringWithCanonicalMapping)
    }

    /// The length that limits are measured in: Unicode scalars.
    public static func length(_ text: String) -> Int {
        text.unicodeScalars.count
    }

    private static func control(_ scalar: Unicode.Scalar, field: String, label: String, at position: Int)
        -> ValidationIssue
    {
        let code = String(scalar.value, radix: 16, uppercase: true)
        let padded = String(repeating: "0", count: max(0, 4 - code.count)) + code
        return ValidationIssue(
            field: field, code: "control_character",
            message: "The \(label) contains an invisible control character (U+\(padded)) at character \(position): "
                + "remove it. Nothing was saved.")
    }
}
