import Foundation

/// One shift on a partner's HSSI manager rota: who is on duty, how to reach them, and for how long.
///
/// The shift covers `[startsAt, endsAt)`: its start instant is covered, its end instant is not, so two shifts that
/// meet leave no gap. The only way to make an entry is the checking initializer, so a stored entry always has a
/// name, a valid e-mail address and an end after its start.
public struct HSSIRotaEntry: Hashable, Sendable, Codable {
    /// The manager's name.
    public let managerName: String
    /// Where invitations to a Multi-Party Intervention go.
    public let email: EmailAddress
    /// A telephone number, if given (digits, spaces and `+ - ( ) .` only).
    public let phone: String?
    /// The first instant of the shift.
    public let startsAt: Date
    /// The instant the shift ends (not covered).
    public let endsAt: Date

    /// Checks every field and reports every problem at once.
    ///
    /// The name (up to 200 characters) passes the patient-data guard; the e-mail address must look like one; the
    /// telephone number, when given, is at most 40 characters of digits, spaces and `+ - ( ) .`; the shift must
    /// end after it starts.
    public init(managerName: String, email: String, phone: String? = nil, startsAt: Date, endsAt: Date)
        throws(ValidationFailure)
    {
        var check = ValidationCollector()
        let name = check.guardedText(
            "managerName", managerName, label: "manager's name", maxLength: TextLimits.name)
        let address = EmailAddress(email)
        if address == nil {
            check.add("email", "invalid_format", "Enter the manager's e-mail address, like name@example.org.")
        }
        let phone = phone?.trimmingCharacters(in: .whitespaces)
        if let phone, !phone.isEmpty, !Self.isTelephoneNumber(phone) {
            check.add(
                "phone", "invalid_format",
                "Enter a telephone number of at most 40 digits, spaces and + - ( ) . characters.")
        }
        if endsAt <= startsAt {
            check.add("endsAt", "not_after_start", "The shift must end after it starts.")
        }
        try check.finish()
        guard let name, let address else { throw ValidationFailure(check.issues) }
        self.managerName = name
        self.email = address
        self.phone = phone?.isEmpty == false ? phone : nil
        self.startsAt = startsAt
        self.endsAt = endsAt
    }

    /// The shift as an interval.
    public var interval: DateInterval { DateInterval(start: startsAt, end: endsAt) }

    /// Whether the manager is on duty at an instant.
    public func covers(_ instant: Date) -> Bool { startsAt <= instant && instant < endsAt }

    private static func isTelephoneNumber(_ text: String) -> Bool {
        text.count <= 40 && text.contains { $0.isASCII && $0.isNumber }
            && text.allSatisfy { ($0.isASCII && $0.isNumber) || " +-().".contains($0) }
    }
}
