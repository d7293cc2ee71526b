/// Answers business-time questions one line at a time, for the command line: one input line, one output line.
///
/// The commands:
/// - `due <instant> <seconds>` → the due instant, written `2026-11-26T14:00:00Z`.
/// - `elapsed <instant> <instant>` → business seconds between them, as an integer.
/// - `workdays <instant> <days>` → the N-th working day after the instant's local date, written `YYYY-MM-DD`.
///
/// Instants are ISO 8601 with `Z` or `±HH:MM` (see ``ISO8601Instant``; fractions of a second are dropped).
/// The rule for mistakes: a bad line answers `error: <reason>` and never affects other lines.
///
/// ```swift
/// let batch = BusinessTimeBatch(calendar: .ukOfficeHours)
/// batch.answer("due 2026-11-26T12:00:00Z 7200")   // "2026-11-26T14:00:00Z"
/// batch.answer("due yesterday 7200")              // "error: 'yesterday' is not a valid instant: ..."
/// ```
public struct BusinessTimeBatch: Sendable {
    /// The calendar the answers use.
    public let calendar: BusinessCalendar

    /// Creates a batch answerer for a calendar.
    public init(calendar: BusinessCalendar) {
        self.calendar = calendar
    }

    /// The answer to one input line (without its line break).
    public func answer(_ line: Substring) -> String {
        switch evaluate(line) {
        case .success(let text): text
        case .failure(let problem): "error: " + problem.reason
        }
    }

    /// The answer to one input line (without its line break).
    public func answer(_ line: String) -> String {
        answer(line[...])
    }

    /// The answers to many lines, in order.
    public func answer(lines: [String]) -> [String] {
        lines.map { answer($0) }
    }

    private struct Problem: Error {
        let reason: String
    }

    private func evaluate(_ line: Substring) -> Result<String, Problem> {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
        guard let command = words.first else {
            return .failure(Problem(reason: "empty line (expected due, elapsed or workdays)"))
        }
        let arguments = words.dropFirst()
        do {
            switch command {
            case "due":
                try expect(arguments, count: 2, usage: "due <instant> <seconds>")
                let start = try instant(arguments[arguments.startIndex])
                let seconds = try wholeNumber(
                    arguments[arguments.startIndex + 1], name: "business seconds", minimum: 0,
                    maximum: BusinessCalendar.maximumBusinessSeconds)
                let due = calendar.due(fromEpochSeconds: start, businessSeconds: seconds)
                return .success(ISO8601Instant.string(fromEpochSeconds: due))
            case "elapsed":
                try expect(arguments, count: 2, usage: "elapsed <instant> <instant>")
                let from = try instant(arguments[arguments.startIndex])
                let to = try instant(arguments[arguments.startIndex + 1])
                return .success(String(calendar.elapsed(fromEpochSeconds: from, toEpochSeconds: to)))
            case "workdays":
                try expect(arguments, count: 2, usage: "workdays <instant> <days>")
                let start = try instant(arguments[arguments.startIndex])
                let days = try wholeNumber(
                    arguments[arguments.startIndex + 1], name: "working days", minimum: 1,
                    maximum: BusinessCalendar.maximumWorkingDays)
                return .success(calendar.addWorkingDays(days, toEpochSeconds: start).date.description)
            default:
                return .failure(Problem(reason: "unknown command '\(command)' (expected due, elapsed or workdays)"))
            }
        } catch {
            return .failure(error)
        }
    }

    private func expect(_ arguments: ArraySlice<Substring>, count: Int, usage: String) throws(Problem) {
        guard arguments.count == count else {
            throw Problem(reason: "expected '\(usage)' but got \(arguments.count) argument(s)")
        }
    }

    private func instant(_ word: Substring) throws(Problem) -> Int {
        do {
            return try ISO8601Instant.parse(word)
        } catch {
            throw Problem(reason: error.description)
        }
    }

    private func wholeNumber(_ word: Substring, name: String, minimum: Int, maximum: Int) throws(Problem) -> Int {
        guard let value = Int(word) else { throw Problem(reason: "'\(word)' is not a whole number of \(name)") }
        guard value >= minimum else {
            let rule = minimum == 0 ? "must not be negative" : "must be at least \(minimum)"
            throw Problem(reason: "\(name) \(rule) (got \(value))")
        }
        guard value <= maximum else { throw Problem(reason: "\(name) must be at most \(maximum) (got \(value))") }
        return value
    }
}
