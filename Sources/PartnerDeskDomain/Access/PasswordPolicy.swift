/// What makes a password acceptable: long enough, not absurdly long, not a well-known password, and not
/// built from the person's own e-mail address.
///
/// Following current guidance, there are no composition rules (no "one capital, one digit"): length and
/// a list of passwords attackers try first do far more good.
public enum PasswordPolicy {
    public static let minimumLength = 12
    public static let maximumLength = 128

    /// The problems with a proposed password, as validation issues on the field `password` (empty when fine).
    public static func problems(with password: String, email: EmailAddress?) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        let length = password.count
        if length < minimumLength {
            issues.append(
                ValidationIssue(
                    field: "password", code: "too_short",
                    message: "Use at least \(minimumLength) characters; a few unrelated words make a good password."
                )
            )
        }
        if length > maximumLength {
            issues.append(
                ValidationIssue(
                    field: "password", code: "too_long", message: "Use at most \(maximumLength) characters.")
            )
        }
        let lowered = password.lowercased()
        let squeezed = String(lowered.filter { $0.isLetter || $0.isNumber })
        if CommonPasswords.contains(lowered) || CommonPasswords.contains(squeezed) || Set(lowered).count <= 2 {
            issues.append(
                ValidationIssue(
                    field: "password", code: "too_common",
                    message: "This password is on lists attackers try first. Choose something less predictable."
                )
            )
        }
        if let email, let local = email.value.split(separator: "@").first, local.count >= 4, lowered.contains(local) {
            issues.append(
                ValidationIssue(
                    field: "password", code: "contains_email",
                    message: "Do not build the password from your e-mail address."
                )
            )
        }
        return issues
    }
}
