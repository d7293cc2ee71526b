import Foundation

/// One complete reply from an SMTP server: a three-digit code and the text of each of its lines.
///
/// A multi-line reply (`250-first`, `250-second`, `250 last`) arrives as one value with three lines.
struct SMTPReply: Sendable, Hashable {
    /// The reply code, for example 250 or 550.
    var code: Int
    /// The text after the code on each line, in order, without the separator.
    var lines: [String]

    /// 2yz: the command was accepted.
    var isPositiveCompletion: Bool { (200..<300).contains(code) }
    /// 4yz: refused for now; the same command may succeed later.
    var isTransientFailure: Bool { (400..<500).contains(code) }

    /// The code and the text, on one line, for failure reasons and logs: `550 5.1.1 no such user`.
    var summary: String {
        let text = lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
        return text.isEmpty ? String(code) : "\(code) \(text)"
    }
}
