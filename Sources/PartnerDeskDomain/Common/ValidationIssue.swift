import Foundation

/// One reason a value was refused, tied to the field it came from.
///
/// Every refusal names the field, a stable machine-readable code and a sentence a person can act on.
/// The web layer turns a list of these into RFC 9457 problem details or inline page messages.
public struct ValidationIssue: Error, Hashable, Sendable, Codable {
    /// The field the problem is in, as named in the API (for example `contacts[0].email`).
    public var field: String
    /// A stable code such as `required`, `too_long` or `invalid_format`.
    public var code: String
    /// A plain-English explanation for the person who sent the value.
    public var message: String

    /// Creates an issue for one field.
    public init(field: String, code: String, message: String) {
        self.field = field
        self.code = code
        self.message = message
    }
}

/// A set of refusals reported together, so a person can fix everything in one go.
public struct ValidationFailure: Error, Hashable, Sendable {
    /// The individual problems, in the order the fields were checked.
    public var issues: [ValidationIssue]

    /// Creates a failure from at least one issue.
    public init(_ issues: [ValidationIssue]) {
        self.issues = issues
    }
}

/// Collects validation issues across several fields and throws them all at once.
public struct ValidationCollector: Sendable {
    /// The issues found so far.
    public private(set) var issues: [ValidationIssue] = []

    /// Creates an empty collector.
    public init() {}

    /// Records one issue.
    public mutating func add(_ field: String, _ code: String, _ message: String) {
        issues.append(ValidationIssue(field: field, code: code, message: message))
    }

    /// Records every issue of a nested failure, prefixing its field names.
    public mutating func add(_ failure: ValidationFailure, prefix: String) {
        for issue in failure.issues {
            add("\(prefix).\(issue.field)", issue.code, issue.message)
        }
    }

    /// Checks a required text field: trimmed, not empty, clean (see ``TextInput``: no control characters, one
    /// line unless `lines` is `.multiple`) and not longer than `maxLength` Unicode scalars. Returns the
    /// trimmed text in NFC, or `nil` after recording why it was refused.
    public mutating func requiredText(
        _ field: String, _ value: String, label: String, maxLength: Int, lines: TextInput.Lines = .single
    ) -> String? {
        let trimmed = value.trimmingWhitespace
        if trimmed.isEmpty {
            add(field, "required", "Enter the \(label).")
            return nil
        }
        return limitedText(field, trimmed, label: label, maxLength: maxLength, lines: lines)
    }

    /// Checks a text that is present: clean and not longer than `maxLength` Unicode scalars. Returns it in NFC,
    /// or `nil` after recording why it was refused.
    public mutating func limitedText(
        _ field: String, _ value: String, label: String, maxLength: Int, lines: TextInput.Lines = .single
    ) -> String? {
        switch TextInput.clean(value, field: field, label: label, lines: lines) {
        case .failure(let issue):
            issues.append(issue)
            return nil
        case .success(let clean):
            if TextInput.length(clean) > maxLength {
                add(field, "too_long", "The \(label) must be \(maxLength) characters or fewer.")
                return nil
            }
            return clean
        }
    }

    /// Throws a ``ValidationFailure`` when any issue was recorded.
    public func finish() throws(ValidationFailure) {
        if !issues.isEmpty { throw ValidationFailure(issues) }
    }
}
