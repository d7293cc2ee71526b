/// Why a text is not an instant ``ISO8601Instant`` accepts.
public struct ISO8601InstantError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text that was refused.
    public let text: String
    /// What is wrong with it, in plain words.
    public let reason: String

    /// Creates an error.
    public init(text: String, reason: String) {
        self.text = text
        self.reason = reason
    }

    /// `'<text>' is not a valid instant: <reason>`.
    public var description: String { "'\(text)' is not a valid instant: \(reason)" }
}
