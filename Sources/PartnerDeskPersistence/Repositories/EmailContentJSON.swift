import Foundation
import PartnerDeskDomain

/// How an outbox message's ``EmailContent`` is stored in its `content` column: a JSON array with one object per
/// block, `{"paragraph": "…"}`, `{"facts": [["label", "value"], …]}`, `{"list": ["…"]}`,
/// `{"section": "heading", "text": "…"}` or `{"action": "label", "link": "…"}`. The keys are spelled here, not
/// derived from Swift names, so renaming a case in the domain cannot make stored messages unreadable.
enum EmailContentJSON {
    private struct Block: Codable {
        var paragraph: String?
        var facts: [[String]]?
        var list: [String]?
        var section: String?
        var text: String?
        var action: String?
        var link: String?
    }

    static func encode(_ content: EmailContent) -> String {
        let blocks = content.blocks.map { block -> Block in
            switch block {
            case .paragraph(let text): Block(paragraph: text)
            case .facts(let facts): Block(facts: facts.map { [$0.label, $0.value] })
            case .list(let items): Block(list: items)
            case .section(let heading, let text): Block(section: heading, text: text)
            case .action(let label, let link): Block(action: label, link: link)
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding strings and arrays of strings cannot fail.
        return String(decoding: (try? encoder.encode(blocks)) ?? Data("[]".utf8), as: UTF8.self)
    }

    /// The content, or nil when the column holds something this version cannot read.
    static func decode(_ json: String) -> EmailContent? {
        guard let blocks = try? JSONDecoder().decode([Block].self, from: Data(json.utf8)) else { return nil }
        var content: [EmailContent.Block] = []
        for block in blocks {
            switch (block.paragraph, block.facts, block.list, block.section, block.action) {
            case (let text?, nil, nil, nil, nil): content.append(.paragraph(text))
            case (nil, let facts?, nil, nil, nil):
                guard facts.allSatisfy({ $0.count == 2 }) else { return nil }
                content.append(.facts(facts.map { EmailContent.Fact($0[0], $0[1]) }))
            case (nil, nil, let items?, nil, nil): content.append(.list(items))
            case (nil, nil, nil, let heading?, nil):
                guard let text = block.text else { return nil }
                content.append(.section(heading: heading, text: text))
            case (nil, nil, nil, nil, let label?):
                guard let link = block.link else { return nil }
                content.append(.action(label: label, link: link))
            default: return nil
            }
        }
        return EmailContent(content)
    }
}
