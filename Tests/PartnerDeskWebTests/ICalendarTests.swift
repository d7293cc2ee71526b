import Foundation
import Testing

@testable import PartnerDeskWeb

/// The iCalendar writer against RFC 5545's rules for text values and line folding.
@Suite struct ICalendarTests {
    @Test func textValues_escapeTheirSpecialCharacters() {
        #expect(ICalendar.escaped("a\\b;c,d\ne") == "a\\\\b\\;c\\,d\\ne")
    }

    @Test func longLines_foldAt75Octets_withoutSplittingACharacter() {
        let line = "DESCRIPTION:" + String(repeating: "é", count: 60)
        let folded = ICalendar.folded(line)
        let physical = folded.components(separatedBy: "\r\n")
        #expect(physical.count == 2 && physical.allSatisfy { $0.utf8.count <= 75 })
        #expect(physical[1].hasPrefix(" "))
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == line)
        #expect(ICalendar.folded("SHORT:x") == "SHORT:x")
    }

    @Test func instants_areWrittenInUTC() {
        #expect(ICalendar.utc(Date(timeIntervalSince1970: 1_797_534_000.9)) == "20261217T190000Z")
    }
}
