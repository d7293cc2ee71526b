/// One value for each severity 1 to 5, such as a tier's resolution targets.
///
/// The rule: there is always exactly one value per severity, so a lookup can never miss.
public struct PerSeverity<Value: Sendable & Hashable>: Sendable, Hashable {
    private var values: [Value]

    /// Creates the table from the values for severities 1 to 5, in that order.
    public init(_ one: Value, _ two: Value, _ three: Value, _ four: Value, _ five: Value) {
        values = [one, two, three, four, five]
    }

    /// Creates the table by asking for each severity's value.
    public init(_ value: (Severity) -> Value) {
        values = Severity.allCases.map(value)
    }

    /// The value for a severity.
    public subscript(_ severity: Severity) -> Value {
        get { values[severity.level - 1] }
        set { values[severity.level - 1] = newValue }
    }
}
