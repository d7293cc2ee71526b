import Foundation

extension ValidationCollector {
    /// An instant from ISO 8601 text, or `nil` with the reason added under `field`. With `now`, it may not lie
    /// in the future (a minute's grace for clocks) and is never later than `now`; plans ahead, such as rota
    /// shifts, pass no `now`.
    public mutating func instant(_ text: String?, field: String, required: Bool, now: Date?) -> Date? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
            if required { add(field, "required", "Give the date and time.") }
            return nil
        }
        guard let date = ISO8601Instant.date(from: text) else {
            add(field, "invalid_format", "Give the date and time as an ISO 8601 instant, like 2026-11-26T09:30:00Z.")
            return nil
        }
        guard let now else { return date }
        guard date <= now.addingTimeInterval(60) else {
            add(field, "in_future", "The date and time cannot be in the future.")
            return nil
        }
        return min(date, now)
    }
}
