/// How references made of a prefix and a sequence number read and parse: `INC-000123`, `PRB-000045` — the
/// prefix, a hyphen, and the number padded to at least six digits.
enum SequenceReference {
    static func format(prefix: String, number: Int) -> String {
        let digits = String(number)
        return prefix + "-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    /// The number in `PREFIX-000123` (case-insensitive, at least six digits); `nil` for anything else.
    static func parse(prefix: String, _ text: String) -> Int? {
        let upper = text.uppercased()
        let head = prefix + "-"
        guard upper.hasPrefix(head), upper.count >= head.count + 6, let number = Int(upper.dropFirst(head.count)),
            number > 0
        else { return nil }
        return number
    }
}
