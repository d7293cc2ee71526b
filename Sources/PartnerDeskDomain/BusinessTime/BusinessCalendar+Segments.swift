import Foundation

extension BusinessCalendar {
    /// The stretches of `[from, to)` in order, each marked open, outside hours, holiday or closure.
    ///
    /// Adjacent stretches of the same kind are merged; the open seconds add up to ``elapsed(from:to:)``.
    public func segments(from: Date, to: Date) -> [BusinessTimeSegment] {
        segments(fromEpochSeconds: EpochSeconds.of(from), toEpochSeconds: EpochSeconds.of(to))
    }

    /// The stretches of `[from, to)` in UTC seconds, as ``segments(from:to:)``.
    public func segments(fromEpochSeconds from: Int, toEpochSeconds to: Int) -> [BusinessTimeSegment] {
        guard to > from else { return [] }
        var result: [BusinessTimeSegment] = []
        var cache = DayPlanner.HolidayCache()
        var day = planner.zone.localDay(of: from) - 1
        while true {
            let plan = planner.plan(day: day, holidayCache: &cache)
            if plan.start >= to { break }
            for piece in pieces(of: plan) {
                let start = max(piece.range.lowerBound, from)
                let end = min(piece.range.upperBound, to)
                guard start < end else { continue }
                if let last = result.last, last.kind == piece.kind, last.endEpochSeconds == start {
                    result[result.count - 1] = BusinessTimeSegment(
                        startEpochSeconds: last.startEpochSeconds, endEpochSeconds: end, kind: piece.kind)
                } else {
                    result.append(BusinessTimeSegment(startEpochSeconds: start, endEpochSeconds: end, kind: piece.kind))
                }
            }
            day += 1
        }
        return result
    }

    /// One day cut into consecutive pieces covering `[plan.start, plan.end)`.
    private func pieces(of plan: DayPlanner.Plan) -> [(range: Range<Int>, kind: BusinessTimeSegmentKind)] {
        guard let regular = plan.regular else { return [(plan.start..<plan.end, .outsideHours)] }
        let lost: BusinessTimeSegmentKind = plan.loss == .holiday ? .holiday : .closure
        var result: [(range: Range<Int>, kind: BusinessTimeSegmentKind)] = [
            (plan.start..<regular.lowerBound, .outsideHours)
        ]
        if let open = plan.open {
            result.append((regular.lowerBound..<open.lowerBound, lost))
            result.append((open, .open))
            result.append((open.upperBound..<regular.upperBound, lost))
        } else {
            result.append((regular, lost))
        }
        result.append((regular.upperBound..<plan.end, .outsideHours))
        return result.filter { !$0.range.isEmpty }
    }
}
