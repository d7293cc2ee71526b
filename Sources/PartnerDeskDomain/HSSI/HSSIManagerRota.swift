import Foundation

/// Who a partner has on duty as HSSI manager, shift by shift, and where cover is missing.
///
/// Shifts may overlap: everyone on duty at an instant is invited to a Multi-Party Intervention. Cover is required
/// only within the partner's hours of operation — an HSSI can occur at any hour, but the partner is bound to act
/// within its hours — so a gap is time inside those hours that no shift covers. For a partner with
/// ``OperatingHours/alwaysOpen`` that means round the clock. The issue this answers asks for gaps over the next
/// ``lookAheadDays`` days to be flagged (see ``upcomingGaps(now:hours:)``).
///
/// ```swift
/// let rota = HSSIManagerRota(partnerID: partner.id, entries: shifts)
/// rota.onDuty(at: now).map(\.managerName)
/// rota.upcomingGaps(now: now, hours: try partner.hoursOfOperation.makeCalendar())
/// ```
public struct HSSIManagerRota: Hashable, Sendable, Codable {
    /// How far ahead missing cover is flagged, in days of 24 hours.
    public static let lookAheadDays = 14

    /// The partner whose rota it is.
    public let partnerID: Partner.ID
    /// The shifts, ordered by start (then end).
    public let entries: [HSSIRotaEntry]

    /// Creates a rota from checked shifts.
    public init(partnerID: Partner.ID, entries: [HSSIRotaEntry]) {
        self.partnerID = partnerID
        self.entries = entries.sorted { ($0.startsAt, $0.endsAt) < ($1.startsAt, $1.endsAt) }
    }

    /// Every shift covering an instant; empty when nobody is on duty.
    public func onDuty(at instant: Date) -> [HSSIRotaEntry] {
        entries.filter { $0.covers(instant) }
    }

    /// The stretches of `[from, through)` that fall within the partner's hours of operation and that no shift
    /// covers, in order. Overlapping and touching shifts count as one stretch of cover.
    ///
    /// `hours` is the partner's hours as a calendar (``OperatingHours/makeCalendar(division:importedHolidays:tableYears:)``);
    /// the calendar's zone decides the hours on days when the clocks change.
    public func gaps(from start: Date, through end: Date, hours: BusinessCalendar) -> [DateInterval] {
        guard end > start else { return [] }
        let required = hours.segments(from: start, to: end).compactMap { segment -> DateInterval? in
            guard segment.kind == .open else { return nil }
            let from = max(segment.start, start)
            let to = min(segment.end, end)
            return from < to ? DateInterval(start: from, end: to) : nil
        }
        var gaps: [DateInterval] = []
        for need in required {
            // Shifts come in order of start, and the cursor only moves forward, so shifts that overlap or touch
            // extend one stretch of cover and a shift inside another is passed over.
            var cursor = need.start
            for shift in entries where shift.endsAt > cursor && shift.startsAt < need.end {
                if shift.startsAt > cursor { gaps.append(DateInterval(start: cursor, end: shift.startsAt)) }
                cursor = shift.endsAt
            }
            if cursor < need.end { gaps.append(DateInterval(start: cursor, end: need.end)) }
        }
        return gaps
    }

    /// The gaps in cover from `now` over the next ``lookAheadDays`` days (of 24 hours each).
    public func upcomingGaps(now: Date, hours: BusinessCalendar) -> [DateInterval] {
        gaps(from: now, through: now.addingTimeInterval(Double(Self.lookAheadDays * 86_400)), hours: hours)
    }
}
