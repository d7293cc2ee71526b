/// Why a bank-holiday document could not be imported.
public enum BankHolidayImportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The bytes are not JSON in the GOV.UK feed's shape; the text says what the decoder found.
    case notAFeed(String)
    /// An event's date is not a real `YYYY-MM-DD` date.
    case invalidDate(division: String, text: String)

    /// A sentence for the person who supplied the file.
    public var description: String {
        switch self {
        case .notAFeed(let detail):
            "The document is not a GOV.UK bank-holidays feed: \(detail)"
        case .invalidDate(let division, let text):
            "Division '\(division)' has an event dated '\(text)', which is not a YYYY-MM-DD date."
        }
    }
}
