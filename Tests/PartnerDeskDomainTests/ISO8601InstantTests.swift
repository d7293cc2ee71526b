import Foundation
import PartnerDeskTestSupport
import Testing

@testable import PartnerDeskDomain

@Suite struct ISO8601InstantTests {
    @Test func parse_acceptsZuluOffsetsAndFractions() {
        let base = 1_795_701_600  // 2026-11-26T14:00:00Z
        #expect(ISO8601Instant.epochSeconds(from: "2026-11-26T14:00:00Z") == base)
        #expect(ISO8601Instant.epochSeconds(from: "2026-11-26t14:00:00z") == base)
        #expect(ISO8601Instant.epochSeconds(from: "2026-11-26T15:00:00+01:00") == base)
        #expect(ISO8601Instant.epochSeconds(from: "2026-11-26T09:30:00-04:30") == base)
        #expect(ISO8601Instant.epochSeconds(from: "2026-11-26T14:00:00.999Z") == base)
        #expect(ISO8601Instant.epochSeconds(from: "2026-11-26T14:00:00,5+00:00") == base)
        #expect(ISO8601Instant.epochSeconds(from: "1969-12-31T23:59:59.5Z") == -1)
    }

    @Test func parse_agreesWithFoundationsFormatter_onRandomInstants() {
        let formatter = ISO8601DateFormatter()
        var random = SeededRandom(seed: 99)
        for _ in 0..<500 {
            let seconds = Int.random(in: -2_000_000_000...5_000_000_000, using: &random)
            let text = formatter.string(from: Date(timeIntervalSince1970: Double(seconds)))
            #expect(ISO8601Instant.epochSeconds(from: text) == seconds)
            #expect(ISO8601Instant.string(fromEpochSeconds: seconds) == text)
        }
    }

    @Test(arguments: [
        ("", "expected a date and time such as 2026-11-26T14:00:00Z"),
        ("2026-11-26", "expected a date and time such as 2026-11-26T14:00:00Z"),
        ("2026-11-26 14:00:00Z", "expected a date and time such as 2026-11-26T14:00:00Z"),
        ("2026-13-01T00:00:00Z", "month 13 is out of range 01-12"),
        ("2026-02-29T00:00:00Z", "day 29 does not exist in 2026-02"),
        ("2026-11-26T24:00:00Z", "hour 24 is out of range 00-23"),
        ("2026-11-26T14:60:00Z", "minute 60 is out of range 00-59"),
        ("2026-11-26T14:00:60Z", "second 60 is out of range 00-59"),
        ("2026-11-26T14:00:00", "the zone is missing: end with Z or an offset such as +01:00"),
        ("2026-11-26T14:00:00+0100", "the offset must be written ±HH:MM"),
        ("2026-11-26T14:00:00+24:00", "the offset is out of range"),
        ("2026-11-26T14:00:00.Z", "a fraction of a second needs at least one digit"),
        ("2026-11-26T14:00:00Zjunk", "unexpected text after the zone"),
        ("0000-01-01T00:00:00Z", "year 0000 is not supported"),
    ])
    func parse_explainsWhatIsWrong(text: String, reason: String) {
        #expect(throws: ISO8601InstantError(text: text, reason: reason)) { try ISO8601Instant.parse(text[...]) }
    }

    @Test func string_writesWholeSecondsInUTC() {
        #expect(ISO8601Instant.string(fromEpochSeconds: 0) == "1970-01-01T00:00:00Z")
        #expect(ISO8601Instant.string(fromEpochSeconds: -1) == "1969-12-31T23:59:59Z")
        #expect(ISO8601Instant.string(from: Date(timeIntervalSince1970: 1.75)) == "1970-01-01T00:00:01Z")
        #expect(ISO8601Instant.string(fromEpochSeconds: 253_402_300_800) == "10000-01-01T00:00:00Z")
    }
}
