import Foundation
import PartnerDeskDomain
import Testing

/// The list and search rules every store follows (the repository contract runs them on each store).
@Suite struct ListingRulesTests {
    @Test func dueKeys_roundUpToTheSecond_andIncidentsWithoutAClockComeLast() {
        #expect(IncidentListing.dueKey(Date(timeIntervalSince1970: 100.2)) == 101)
        #expect(IncidentListing.dueKey(Date(timeIntervalSince1970: 100)) == 100)
        #expect(IncidentListing.dueKey(nil) == IncidentListing.noDue)
        #expect(IncidentListing.dueKey(Date(timeIntervalSince1970: 4_102_444_800)) < IncidentListing.noDue)
        #expect(IncidentListing.dueBeforeKey(Date(timeIntervalSince1970: 100.9)) == 100)
    }

    @Test func incidentSearchWords_areLowerCased_andSplitOnSpaces() {
        #expect(IncidentListing.searchWords("  Sign-In  LOOP ") == ["sign-in", "loop"])
        #expect(IncidentListing.searchWords(nil).isEmpty)
    }

    @Test func aProblemSearch_takesEightWordsOfFortyCharacters_butIndexesEveryWord() {
        let long = String(repeating: "a", count: 50)
        let query = ProblemSearch.words(ofQuery: "One two three four five six seven eight nine \(long)")
        #expect(query == ["one", "two", "three", "four", "five", "six", "seven", "eight"])
        #expect(ProblemSearch.words(ofQuery: long) == [String(repeating: "a", count: 40)])
        let text = "Uploading a passport photo can stall on slow networks, says P0042 (Wi-Fi)."
        #expect(ProblemSearch.words(in: text).count == 13)
        #expect(ProblemSearch.words(in: text).suffix(4) == ["says", "p0042", "wi", "fi"])
    }
}
