/// An ``SMTPConfiguration`` that cannot be used: bad values, or TLS settings (such as the trust roots file)
/// that could not be loaded. Reported when the transport is made, so a bad setting stops start-up instead of
/// failing every delivery.
public struct SMTPConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Every problem found, each in words for the operator.
    public var problems: [String]

    /// An error listing the problems.
    public init(problems: [String]) {
        self.problems = problems
    }

    /// The problems, joined into one sentence list.
    public var description: String { "SMTP configuration: " + problems.joined(separator: "; ") }
}
