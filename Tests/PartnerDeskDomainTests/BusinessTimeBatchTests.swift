import Foundation
import PartnerDeskTestSupport
import Testing

@testable import PartnerDeskDomain

@Suite struct BusinessTimeBatchTests {
    let batch = BusinessTimeBatch(calendar: Calendars.englandAndWales)

    @Test(arguments: [
        ("due 2026-11-26T12:00:00Z 7200", "2026-11-26T14:00:00Z"),
        ("due 2026-11-26T14:00:00Z 14400", "2026-11-26T18:00:00Z"),
        ("due 2026-11-21T10:00:00+01:00 3600", "2026-11-23T09:00:00Z"),
        ("due 2026-11-26T12:00:00.900Z 0", "2026-11-26T12:00:00Z"),
        ("  due\t2026-11-26T12:00:00Z   60 \r", "2026-11-26T12:01:00Z"),
        ("elapsed 2026-11-20T17:00:00Z 2026-11-23T09:00:00Z", "7200"),
        ("elapsed 2026-11-23T09:00:00Z 2026-11-20T17:00:00Z", "0"),
        ("workdays 2026-11-20T16:00:00Z 30", "2027-01-06"),
        ("workdays 2026-12-24T09:00:00Z 1", "2026-12-29"),
    ])
    func answer_answersEachCommand(line: String, expected: String) {
        #expect(batch.answer(line) == expected)
    }

    @Test(arguments: [
        ("", "error: empty line (expected due, elapsed or workdays)"),
        ("soon 2026-11-26T12:00:00Z 60", "error: unknown command 'soon' (expected due, elapsed or workdays)"),
        ("due 2026-11-26T12:00:00Z", "error: expected 'due <instant> <seconds>' but got 1 argument(s)"),
        ("elapsed a b c", "error: expected 'elapsed <instant> <instant>' but got 3 argument(s)"),
        (
            "due 2026-11-26 60",
            "error: '2026-11-26' is not a valid instant: expected a date and time such as 2026-11-26T14:00:00Z"
        ),
        (
            "due 2026-11-31T12:00:00Z 60",
            "error: '2026-11-31T12:00:00Z' is not a valid instant: day 31 does not exist in 2026-11"
        ),
        ("due 2026-11-26T12:00:00Z -5", "error: business seconds must not be negative (got -5)"),
        ("due 2026-11-26T12:00:00Z 1.5", "error: '1.5' is not a whole number of business seconds"),
        (
            "due 2026-11-26T12:00:00Z 99999999999",
            "error: business seconds must be at most 10000000000 (got 99999999999)"
        ),
        ("workdays 2026-11-26T12:00:00Z 0", "error: working days must be at least 1 (got 0)"),
        (
            "elapsed 2026-11-26T12:00:00Z yesterday",
            "error: 'yesterday' is not a valid instant: expected a date and time such as 2026-11-26T14:00:00Z"
        ),
    ])
    func answer_reportsABadLineWithoutStopping(line: String, expected: String) {
        #expect(batch.answer(line) == expected)
    }

    @Test func answerLines_keepsGoodAndBadLinesApart() {
        let answers = batch.answer(lines: [
            "due 2026-11-26T12:00:00Z 7200", "oops", "elapsed 2026-11-23T08:00:00Z 2026-11-23T18:00:00Z",
        ])
        #expect(
            answers == [
                "2026-11-26T14:00:00Z", "error: unknown command 'oops' (expected due, elapsed or workdays)", "36000",
            ])
    }

    @Test func answer_matchesTheCalendar_onRandomLines() {
        var random = SeededRandom(seed: 4242)
        let low = At.seconds(At.utc("2015-01-01T00:00:00Z"))
        let high = At.seconds(At.utc("2035-01-01T00:00:00Z"))
        for _ in 0..<300 {
            let start = Int.random(in: low..<high, using: &random)
            let text = ISO8601Instant.string(fromEpochSeconds: start)
            let seconds = Int.random(in: 0...720_000, using: &random)
            let due = Calendars.englandAndWales.due(fromEpochSeconds: start, businessSeconds: seconds)
            #expect(batch.answer("due \(text) \(seconds)") == ISO8601Instant.string(fromEpochSeconds: due))
        }
    }
}
