import LeafKit
import PartnerDeskDomain

/// Lays an e-mail's ``EmailContent`` out as its two alternatives: plain text, and HTML in which every string is
/// escaped (so a partner's words stay words).
enum EmailLayout {
    /// Blocks separated by a blank line: facts as "Label: value" lines, list items after "- ", a section's
    /// heading on a line of its own, an action as "Label: link".
    static func text(_ content: EmailContent) -> String {
        let blocks = content.blocks.map { block in
            switch block {
            case .paragraph(let text): text
            case .facts(let facts): facts.map { "\($0.label): \($0.value)" }.joined(separator: "\n")
            case .list(let items): items.map { "- \($0)" }.joined(separator: "\n")
            case .section(let heading, let text): "\(heading):\n\(text)"
            case .action(let label, let link): "\(label): \(link)"
            }
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// One element per block: paragraphs (line breaks kept), a table of facts with the labels as row headers, a
    /// list, a section's heading in bold, an action as a link.
    static func html(_ content: EmailContent) -> String {
        let blocks = content.blocks.map { block in
            switch block {
            case .paragraph(let text): paragraph(text)
            case .facts(let facts):
                "<table>\n"
                    + facts.map {
                        "<tr><th scope=\"row\" align=\"left\">\($0.label.htmlEscaped())</th>"
                            + "<td>\($0.value.htmlEscaped())</td></tr>"
                    }
                    .joined(separator: "\n") + "\n</table>"
            case .list(let items):
                "<ul>\n" + items.map { "<li>\($0.htmlEscaped())</li>" }.joined(separator: "\n") + "\n</ul>"
            case .section(let heading, let text):
                "<p><strong>\(heading.htmlEscaped()):</strong></p>\n" + paragraph(text)
            case .action(let label, let link):
                "<p><a href=\"\(link.htmlEscaped())\">\(label.htmlEscaped())</a></p>"
            }
        }
        return blocks.joined(separator: "\n") + "\n"
    }

    private static func paragraph(_ text: String) -> String {
        "<p>" + text.htmlEscaped().replacingOccurrences(of: "\n", with: "<br>\n") + "</p>"
    }
}
