import PartnerDeskDomain

/// Tells the sender, after the redirect that follows a form, what was masked in what they sent: the
/// maskings travel in the query as `field.kind.count` items (never the text), and only known fields and
/// kinds are read back, so nobody can put words of their own into the notice with a link.
enum MaskingNotice {
    /// The query value for the maskings, or `nil` when there were none.
    static func query(_ maskings: [TextMasking]) -> String? {
        maskings.isEmpty ? nil : maskings.map { "\($0.field).\($0.kind.rawValue).\($0.count)" }.joined(separator: ",")
    }

    /// The sentences for a query value; unknown or malformed items are left out.
    static func sentences(_ value: String?) -> [String] {
        guard let value else { return [] }
        return value.split(separator: ",").compactMap { item in
            let parts = item.split(separator: ".").map(String.init)
            guard parts.count == 3, let field = fields[parts[0]], let kind = TextMasking.Kind(rawValue: parts[1]),
                let count = Int(parts[2]), (1...999).contains(count)
            else { return nil }
            return TextMasking(field: field, kind: kind, count: count).message
        }
    }

    /// The fields a page sends free text in, as a sentence names them.
    private static let fields = [
        "errorType": "the error type", "description": "the description", "suspectedProblem": "the known problem",
        "note": "your note", "text": "your comment", "currentImpact": "the current impact",
        "actionsTaken": "the actions taken",
    ]

    /// A redirect target with the maskings added to its query.
    static func location(_ path: String, _ maskings: [TextMasking]) -> String {
        guard let query = query(maskings) else { return path }
        return path + (path.contains("?") ? "&" : "?") + "masked=" + query
    }
}
