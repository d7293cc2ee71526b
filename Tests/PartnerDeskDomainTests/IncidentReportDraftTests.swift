import Foundation
import PartnerDeskDomain
import Testing

/// The occurrence time of an incident must be plausible: not ahead of the clock beyond skew, not years ago.
@Suite struct IncidentReportDraftTests {
    let now = ISO8601Instant.date(from: "2026-12-01T12:00:00Z")!

    func issues(occurredAt: String) -> [ValidationIssue] {
        let draft = IncidentReportDraft(
            type: "other", occurredAt: occurredAt, userEmail: "u@example.org", errorType: "Loop",
            description: "Loops", deviceType: "pc", operatingSystem: "Windows", operatingSystemVersion: "11")
        do {
            _ = try draft.validated(services: [], now: now)
            return []
        } catch {
            return error.issues
        }
    }

    @Test(arguments: ["2026-12-01T12:04:59Z", "2026-12-01T11:00:00Z", "2025-12-01T12:00:00Z"])
    func plausibleInstants_areAccepted(_ instant: String) {
        #expect(issues(occurredAt: instant).isEmpty)
    }

    @Test(arguments: [
        ("2026-12-01T12:05:01Z", "in_future"), ("2099-01-01T00:00:00Z", "in_future"),
        ("2025-11-29T12:00:00Z", "too_old"), ("1970-01-01T00:00:00Z", "too_old"),
    ])
    func implausibleInstants_areRefused_withTheBoundsInTheMessage(_ instant: String, _ code: String) throws {
        let issue = try #require(issues(occurredAt: instant).first)
        #expect(issue.field == "occurredAt" && issue.code == code)
        #expect(issue.message.contains("between 2025-11-30T12:00:00Z and 2026-12-01T12:05:00Z"))
    }
}
