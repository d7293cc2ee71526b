import Foundation
import PartnerDeskDomain

/// How times and SLA states read on pages: London local time, and the state in words (never colour alone).
enum PageFormat {
    private static let london = TimeZone(identifier: "Europe/London")!

    /// "Wed, 25 Nov 2026 at 9:00" in London time (the same words as notification e-mails).
    static func londonTime(_ date: Date) -> String { NotificationComposer.londonTime(date) }

    /// "1 month", "3 months".
    static func months(_ count: Int) -> String { count == 1 ? "1 month" : "\(count) months" }

    /// An approval or a hold as one line of history: when, who, what for which level, and why.
    static func decision(_ decision: ApprovalDecision, name: String) -> String {
        "\(londonTime(decision.at)): \(decision.by) \(decision.outcome == .approved ? "approved" : "held") for \(name)"
            + (decision.reason.map { ": \($0)" } ?? "")
    }

    /// The last instant of a London calendar day given as `2027-03-31`, or nil when the text is no such date.
    static func endOfLondonDay(_ text: String) -> Date? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, text.count == 10 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = london
        let components = DateComponents(year: parts[0], month: parts[1], day: parts[2])
        guard components.isValidDate(in: calendar), let start = calendar.date(from: components),
            let next = calendar.date(byAdding: .day, value: 1, to: start)
        else { return nil }
        return next.addingTimeInterval(-1)
    }

    /// The instant of a London wall-clock time as a `datetime-local` field sends it (`2026-11-26T09:30`, or
    /// `2026-11-26T09:30:15` with seconds).
    static func londonInstant(_ text: String) -> Date? {
        let parts = text.split(whereSeparator: { "-T:".contains($0) }).compactMap { Int($0) }
        guard parts.count == 5 || parts.count == 6 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = london
        return calendar.date(
            from: DateComponents(
                year: parts[0], month: parts[1], day: parts[2], hour: parts[3], minute: parts[4],
                second: parts.count == 6 ? parts[5] : 0))
    }

    /// An instant as a `datetime-local` field shows it, in London wall-clock time (`2026-11-26T09:30`), with its
    /// seconds when it has any, so a form sent back unchanged keeps the instant exactly.
    static func londonInput(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = london
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let minute = String(
            format: "%04d-%02d-%02dT%02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0,
            parts.minute ?? 0)
        let second = parts.second ?? 0
        return second == 0 ? minute : minute + String(format: ":%02d", second)
    }

    /// A `datetime-local` field's value as an ISO 8601 instant for the use cases, or the text unchanged when it
    /// is not one (the use case then explains what is wrong); empty stays empty.
    static func instantText(_ local: String?) -> String? {
        guard let local, !local.isEmpty else { return nil }
        return londonInstant(local).map(ISO8601Instant.string(from:)) ?? local
    }

    /// How an HSSI deadline went, in words, and the style class that colours it.
    static func timeliness(_ timeliness: HSSITimeliness, due: Date) -> (text: String, style: String) {
        switch timeliness {
        case .inTime: ("In time", "ok")
        case .late(let seconds): ("Late by \(duration(seconds))", "breached")
        case .pending: ("Due by \(londonTime(due))", "none")
        case .overdue(let seconds): ("Overdue by \(duration(seconds))", "breached")
        }
    }

    /// "Thursday, 7 January 2027" for a local date.
    static func longDate(_ date: LocalDate) -> String { date.longDescription }

    /// "3 h 20 min" for a number of business seconds.
    static func duration(_ seconds: Int) -> String {
        let minutes = (abs(seconds) + 59) / 60
        let hours = minutes / 60
        if hours == 0 { return "\(minutes) min" }
        return minutes % 60 == 0 ? "\(hours) h" : "\(hours) h \(minutes % 60) min"
    }

    /// The SLA state in words and the style class that colours it.
    static func slaState(_ status: SLAStatus?) -> (text: String, style: String) {
        guard let status else { return ("Not started: awaiting the service desk", "none") }
        let used = Int((status.shareUsed * 100).rounded(.down))
        switch status.state {
        case .breached:
            return ("Breached by \(duration(status.overdueSeconds)) of business time", "breached")
        case .met:
            return ("Met (\(used)% of the target used)", "ok")
        case .paused:
            return ("Paused: awaiting the partner (\(duration(status.remainingSeconds)) left)", "none")
        case .notStarted:
            return ("Not started", "none")
        case .running:
            let text = "\(duration(status.remainingSeconds)) left (\(used)% used)"
            return status.shareUsed >= 0.75 ? ("Warning: " + text, "warning") : (text, "ok")
        }
    }
}
