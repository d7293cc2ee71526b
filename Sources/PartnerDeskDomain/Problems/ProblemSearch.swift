/// What a known-problem search reads and how it asks, the same for every store: the SQL engines' full-text
/// indexes and the in-memory store index the same fields, and take the same words of a search.
public enum ProblemSearch {
    /// How many matching problems, newest first, a search ranks at most.
    public static let candidateLimit = 500
    /// Longest search, in words, and longest word, in characters.
    public static let queryWords = 8
    public static let wordLength = 40

    /// The text of a published problem a search reads, field by field: the title weighs most, then the
    /// public summary, then the workaround; error codes are matched as written.
    public struct Indexed: Hashable, Sendable {
        public var title: String
        public var summary: String
        public var workaround: String
        /// The error codes, separated by spaces.
        public var errorCodes: String
    }

    public static func indexed(_ problem: Problem) -> Indexed {
        Indexed(
            title: problem.title, summary: problem.publicSummary ?? "", workaround: problem.workaround ?? "",
            errorCodes: problem.errorCodes.joined(separator: " "))
    }

    /// The words of a search as the engines are asked for them: letters and digits only, lower-cased, at most
    /// ``queryWords`` words of at most ``wordLength`` characters; every one must match the start of a word.
    public static func words(ofQuery text: String) -> [String] {
        words(in: text).prefix(queryWords).map { String($0.prefix(wordLength)) }
    }

    /// Every word of a text, split as the engines split it: runs of letters and digits, lower-cased.
    public static func words(in text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }
}
