import Foundation
import PartnerDeskDomain
import Testing

@Suite struct HSSITimelineTests {
    typealias F = HSSIFixture
    static let start = At.utc("2026-11-10T10:00:00Z")

    static func at(_ time: String) -> Date { At.utc("2026-11-10T\(time):00Z") }

    /// An HSSI with something of every kind on its timeline.
    static func busy() throws -> HigherSeverityIncident {
        var hssi = F.declared(occurredAt: start, twoPartners: true)
        try hssi.record(.identify, at: at("10:05"), by: F.dana, note: "Seen by our support desk", now: at("10:05"))
        try hssi.record(.notifyPlatform, at: at("10:10"), by: F.dana, now: at("10:10"))
        try hssi.record(
            .prioritise(party: .partner, severityLevel: 2, category: .wrongInformationShown), at: at("10:15"),
            by: F.dana,
            now: at("10:15"))
        try hssi.assess(
            party: .platform, severityLevel: 1, category: .potentialDataBreach, at: at("10:16"), by: F.sam,
            now: at("10:16"))
        try hssi.convene(
            at: at("10:20"), by: F.sam, joiningDetails: "Bridge line, PIN 8812",
            partners: [F.partner(F.primaryID), F.partner(F.secondID, roles: [.primary])], rotas: [], now: at("10:20"))
        try hssi.acknowledgeInvitation(partnerID: F.primaryID, at: at("10:22"), by: F.dana, now: at("10:22"))
        try hssi.recordJoin(partnerID: F.primaryID, at: at("10:51"), by: F.dana, now: at("10:51"))
        try hssi.postStatusUpdate(
            HSSIStatusUpdateDraft(
                currentImpact: "=HYPERLINK(\"http://x\")", usersAffected: "40", actionsTaken: "Page off, caches purged",
                nextUpdateDue: "2026-11-10T11:30:00Z"), at: at("10:30"), by: F.dana, now: at("10:30"))
        return hssi
    }

    @Test func theTimeline_ordersEverythingByTime() throws {
        let entries = try Self.busy().timeline()
        #expect(
            entries.map(\.kind.name) == [
                "occurred", "identified", "notified", "prioritised", "partner_assessment", "platform_assessment",
                "intervention_convened", "invitation", "invitation", "acknowledgement", "status_update", "join",
            ])
        #expect(entries.map(\.at) == entries.map(\.at).sorted())
        #expect(entries[0].text == "Wrong appointments shown (declared by partner)")
        #expect(entries[1].text == "Identified by partner: Seen by our support desk")
        #expect(entries[1].actor == "Dana Price (Partner HSSI manager)")
        #expect(entries[5].text == "Severity 1, potential data breach")
        #expect(entries[7].text == "Invited HSSI manager <hssi_manager@example.org>")
        #expect(entries[8].text == "Invited, but nobody was on duty or named as HSSI manager")
        #expect(entries[7].partnerID == F.primaryID && entries[8].partnerID == F.secondID)
        #expect(entries[11].text == "Joined the Multi-Party Intervention 60 seconds late")
        #expect(
            entries.filter { $0.partnerID != nil }.map(\.kind.name) == [
                "invitation", "invitation", "acknowledgement", "join",
            ])
        #expect(
            entries[10].text
                == "Impact: =HYPERLINK(\"http://x\"). Users affected: 40. Actions taken: Page off, caches purged. "
                + "Next update due 2026-11-10T11:30:00Z.")
    }

    @Test func theTimeline_rendersAsCSV_withQuotingAndNeutralisedFormulas() throws {
        let csv = HSSITimelineEntry.csv(try Self.busy().timeline())
        let records = csv.components(separatedBy: "\r\n")
        #expect(records.first == "at,kind,actor,partner_id,text")
        #expect(records.count == 14 && records.last == "")
        #expect(
            records[1]
                == "2026-11-10T10:00:00Z,occurred,Dana Price (Partner HSSI manager),,Wrong appointments shown (declared by partner)"
        )
        #expect(
            records[11].hasPrefix(
                #"2026-11-10T10:30:00Z,status_update,Dana Price (Partner HSSI manager),,"Impact: =HYPERLINK(""http://x"")."#
            ))
        #expect(records[8].contains(",00000000-0000-0000-0000-00000000000a,"))
    }

    @Test(arguments: [
        ("plain", "plain"),
        ("a,b", "\"a,b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("two\nlines", "\"two\nlines\""),
        ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
        ("+44 113", "'+44 113"),
        ("-1", "'-1"),
        ("@cmd", "'@cmd"),
        ("\tx", "'\tx"),
        ("\rx", "\"'\rx\""),
        ("\r\nx", "\"'\r\nx\""),
        ("=1,2", "\"'=1,2\""),
        ("a=b", "a=b"),
        ("", ""),
    ])
    func csvFields_areQuotedAndNeutralised(value: String, expected: String) {
        #expect(CSVText.field(value) == expected)
    }

    @Test func csvDocuments_endEveryRecordWithCRLF() {
        #expect(
            CSVText.document(header: ["a", "b"], rows: [["1", "x,y"], ["", "-"]]) == "a,b\r\n1,\"x,y\"\r\n,'-\r\n")
        #expect(CSVText.record([]) == "\r\n")
    }
}
