/// What an e-mail says, as a list of blocks without any markup. The mail adapter lays the same blocks out as
/// plain text and as HTML, so both alternatives always say the same, and a partner's words can never turn into
/// markup on the way.
public struct EmailContent: Sendable, Hashable {
    /// One labelled fact, such as "Severity" and "Severity 2".
    public struct Fact: Sendable, Hashable {
        public var label: String
        public var value: String

        public init(_ label: String, _ value: String) {
            self.label = label
            self.value = value
        }
    }

    public enum Block: Sendable, Hashable {
        /// A paragraph; line breaks inside it are kept.
        case paragraph(String)
        /// Labelled facts, in order.
        case facts([Fact])
        /// A bulleted list.
        case list([String])
        /// Text under a short heading, such as the service desk's note.
        case section(heading: String, text: String)
        /// What the reader is asked to do, as a link.
        case action(label: String, link: String)
    }

    public var blocks: [Block]

    public init(_ blocks: [Block]) {
        self.blocks = blocks
    }

    /// No words: a webhook's message, which carries a JSON payload instead.
    public static let none = EmailContent([])

    /// Every string the blocks hold (labels and links included), in reading order.
    public var strings: [String] {
        blocks.flatMap { block -> [String] in
            switch block {
            case .paragraph(let text): [text]
            case .facts(let facts): facts.flatMap { [$0.label, $0.value] }
            case .list(let items): items
            case .section(let heading, let text): [heading, text]
            case .action(let label, let link): [label, link]
            }
        }
    }

    /// The same blocks with every string (links included) passed through `transform`.
    public func mapStrings(_ transform: (String) -> String) -> EmailContent {
        EmailContent(
            blocks.map { block in
                switch block {
                case .paragraph(let text): .paragraph(transform(text))
                case .facts(let facts): .facts(facts.map { Fact(transform($0.label), transform($0.value)) })
                case .list(let items): .list(items.map(transform))
                case .section(let heading, let text): .section(heading: transform(heading), text: transform(text))
                case .action(let label, let link): .action(label: transform(label), link: transform(link))
                }
            })
    }
}
