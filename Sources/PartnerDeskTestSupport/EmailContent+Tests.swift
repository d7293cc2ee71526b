import PartnerDeskDomain
import PartnerDeskServices

extension EmailContent {
    /// Every labelled fact, from all fact blocks.
    public var facts: [Fact] {
        blocks.flatMap { block -> [Fact] in
            if case .facts(let facts) = block { facts } else { [] }
        }
    }

    /// Whether any of the strings (labels and links included) contains `text`: what a test asks of an e-mail's
    /// words without depending on how the mail adapter lays them out.
    public func mentions(_ text: String) -> Bool {
        strings.contains { $0.contains(text) }
    }
}

extension MailMessage {
    /// Whether the subject or the words contain `text`.
    public func mentions(_ text: String) -> Bool {
        subject.contains(text) || content.mentions(text)
    }
}
