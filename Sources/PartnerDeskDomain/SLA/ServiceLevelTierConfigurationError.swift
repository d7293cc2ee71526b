/// Everything wrong with a tier configuration document, found in one pass.
///
/// Each problem is one sentence naming the tier (by id, or by position when it has no usable id) and the field, for
/// example `tier 'gold': incident target for severity 2 must be a positive number of hours (got -4)`.
public struct ServiceLevelTierConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The problems, in document order.
    public let problems: [String]

    /// Creates an error from at least one problem.
    public init(problems: [String]) {
        self.problems = problems
    }

    /// The problems, one per line.
    public var description: String { problems.joined(separator: "\n") }
}
