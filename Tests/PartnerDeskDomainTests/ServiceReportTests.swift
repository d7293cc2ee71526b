import Foundation
import PartnerDeskDomain
import Testing

/// The monthly service report worked out from incidents, HSSIs, problems, availability, releases and
/// maintenance: the worked November 2026 of docs/reports.md.
@Suite struct ServiceReportTests {
    static let calendar = try! BusinessCalendar(spec: ServiceLevelTier.silver.businessCalendar)
    static let tier = ServiceLevelTier.silver
    static let wellpath = Partner.ID(UUID())
    static let november = ReportingMonth("2026-11")!

    static func at(_ text: String) -> Date { ISO8601Instant.date(from: text)! }

    /// An incident raised at `raised`, put through `steps` (each at its instant).
    static func incident(
        _ number: Int, raised: String, _ steps: [(String, IncidentTransition)] = []
    ) throws -> Incident {
        let report = IncidentReport(
            serviceID: nil, partnerReference: nil, type: .accessingService, occurredAt: at(raised),
            userEmail: EmailAddress("u@example.org")!, errorType: "Sign-in loop", description: "Back to the start",
            deviceType: .mobile, operatingSystem: "iOS", operatingSystemVersion: "17.4", errorCodes: [],
            checkedKnownProblems: true, suspectedProblem: nil, alternativeContact: nil, suggestedSeverity: nil)
        var incident = Incident(
            id: .init(UUID()), reference: IncidentReference(number: number)!, partnerID: wellpath, report: report,
            raisedAt: at(raised), raisedBy: "Wellpath system")
        for (instant, step) in steps { try incident.apply(step, at: at(instant), tier: tier) }
        return incident
    }

    static let fixed = IncidentResolution(kind: .fix, summary: "Fixed")

    /// November 2026 for Wellpath, as docs/reports.md tells it.
    static func incidents() throws -> [Incident] {
        [
            // Severity 3, handed to a problem record after 13 business hours (Mon 09–18, Tue 08–12): met.
            try incident(
                1, raised: "2026-11-02T09:00:00Z",
                [
                    ("2026-11-02T09:00:00Z", .receive(severity: .three)),
                    ("2026-11-03T12:00:00Z", .linkToProblem(reference: "PRB-000045")),
                ]),
            // Severity 2 (8 h): an hour, a pause waiting for the partner until Thursday 10:00, then 8 + 4 hours.
            try incident(
                2, raised: "2026-11-04T10:00:00Z",
                [
                    ("2026-11-04T10:00:00Z", .receive(severity: .two)), ("2026-11-04T10:30:00Z", .forwardToDevOps),
                    ("2026-11-04T11:00:00Z", .awaitPartner), ("2026-11-05T10:00:00Z", .provideInformation),
                    ("2026-11-06T12:00:00Z", .resolve(fixed)),
                ]),
            // Graded 5, re-graded 1 an hour later, resolved after 3 business hours: met.
            try incident(
                3, raised: "2026-11-09T08:30:00Z",
                [
                    ("2026-11-09T09:00:00Z", .receive(severity: .five)),
                    ("2026-11-09T10:00:00Z", .changeSeverity(.one)), ("2026-11-09T12:00:00Z", .resolve(fixed)),
                ]),
            // Severity 1 on the month's last day, still open at its end: 9 hours against 4.
            try incident(4, raised: "2026-11-30T09:00:00Z", [("2026-11-30T09:00:00Z", .receive(severity: .one))]),
            // Raised in October, resolved in November after 18 business hours: resolved here, raised there.
            try incident(
                5, raised: "2026-10-30T09:00:00Z",
                [("2026-10-30T09:00:00Z", .receive(severity: .four)), ("2026-11-02T17:00:00Z", .resolve(fixed))]),
            // Raised and not yet graded when the month ended.
            try incident(6, raised: "2026-11-20T15:00:00Z"),
            // October's and December's own: not in November's report.
            try incident(
                7, raised: "2026-10-05T09:00:00Z",
                [("2026-10-05T09:00:00Z", .receive(severity: .two)), ("2026-10-05T11:00:00Z", .resolve(fixed))]),
            try incident(8, raised: "2026-12-01T09:00:00Z", [("2026-12-01T09:00:00Z", .receive(severity: .one))]),
        ]
    }

    static func problem() -> Problem {
        Problem(
            id: .init(UUID()), reference: ProblemReference(number: 45)!, title: "Sign-in loop on iOS 17",
            description: "Users return to the start page", severity: .three, origin: .incidents, errorCodes: [],
            recordedAt: at("2026-11-03T12:00:00Z"), recordedBy: "Pat")
    }

    static func report(
        _ incidents: [Incident], hssis: [HigherSeverityIncident] = [], compiledAt: String = "2026-12-01T08:00:00Z"
    ) -> ServiceReport {
        let problem = problem()
        let availability = Availability.measure(
            month: november, tier: tier, calendar: calendar, outages: [], maintenance: [], partner: wellpath,
            now: at(compiledAt))
        return ServiceReport.compile(
            .init(
                month: november, scope: .init(partnerCode: "WELLPATH", name: "Wellpath"), tier: tier,
                period: calendar.interval(of: november), compiledAt: at(compiledAt), incidents: incidents,
                clockRules: { _ in (tier, calendar) }, partnerCodes: [wellpath: "WELLPATH"], hssis: hssis,
                partnerID: wellpath,
                hours: { _ in HSSIFixture.alwaysOpen },
                problems: [(problem, problem.fixTarget(tier: tier, calendar: calendar, at: at(compiledAt)))],
                availability: availability, releases: [], maintenance: []))
    }

    @Test func november2026_countsByTheSeverityEachIncidentEndedTheMonthWith() throws {
        let report = Self.report(try Self.incidents())
        let rows = report.incidents.bySeverity
        #expect(rows.map(\.raised) == [2, 1, 1, 0, 0])
        #expect(rows.map(\.resolved) == [1, 1, 1, 1, 0])
        #expect(rows.map(\.met) == [1, 0, 1, 1, 0])
        #expect(rows.map(\.medianSeconds) == [3 * 3600, 13 * 3600, 13 * 3600, 18 * 3600, nil])
        #expect(report.incidents.awaitingSeverity == 1)
        let total = report.incidents.total
        #expect((total.raised, total.resolved, total.met, total.breached) == (4, 4, 3, 1))
        #expect(total.attainmentPercent == 75)
        // [3, 13, 13, 18] hours: the median is the mean of the middle two; the 90th percentile the 4th of 4.
        #expect(total.medianSeconds == 13 * 3600 && total.percentile90Seconds == 18 * 3600)
    }

    @Test func november2026_listsEachBreachWithTheStoryOfItsClock() throws {
        let report = Self.report(try Self.incidents())
        #expect(report.breaches.map(\.reference) == ["INC-000004", "INC-000002"])
        let open = report.breaches[0]
        #expect(open.resolvedAt == nil && open.countedSeconds == 9 * 3600 && open.overSeconds == 5 * 3600)
        let late = report.breaches[1]
        #expect(late.steps.map(\.kind) == [.started, .paused, .resumed, .stopped])
        #expect(late.countedSeconds == 13 * 3600 && late.dueAt == Self.at("2026-11-05T17:00:00Z"))
        #expect(late.resolvedAt == Self.at("2026-11-06T12:00:00Z"))
    }

    @Test func problemsLinkedToTheMonthsIncidents_areListedWithTheirFixTarget() throws {
        let report = Self.report(try Self.incidents())
        #expect(report.problems.map(\.reference) == ["PRB-000045"])
        #expect(report.problems[0].linkedIncidents == 1 && !report.problems[0].fixTargetMissed)
        #expect(Self.report([]).problems.isEmpty)
    }

    @Test func percentiles_followTheDocumentedRules() {
        #expect(ServiceReport.compile(.empty).incidents.total.medianSeconds == nil)
        let tenths = Array(1...10)
        // In hours: an even count takes the mean of the middle two; the 90th percentile is the nearest rank.
        let cases: [([Int], Double, Int)] = [([5], 5, 5), ([1, 2], 1.5, 2), (tenths, 5.5, 9), (Array(1...11), 6, 10)]
        for (values, median, p90) in cases {
            let report = ServiceReport.compile(.resolving(values))
            #expect(report.incidents.total.medianSeconds == Int(median * 3600), "\(values)")
            #expect(report.incidents.total.percentile90Seconds == p90 * 3600, "\(values)")
        }
    }

    @Test func serviceRequests_areCountedAgainstTheTiersMaximum_andLateOnesListed() throws {
        let desk = ActedBy(name: "Fiona", role: .firstLineAgent)
        let kind = ServiceRequestTypeSummary(ServiceRequestCatalogue.standard.type("new_client")!)
        func request(_ number: Int, _ submitted: String) -> ServiceRequest {
            ServiceRequest(
                id: .init(UUID()), reference: ServiceRequestReference(number: number)!, partnerID: .init(UUID()),
                type: kind, title: "Request \(number)", answers: [], submittedAt: Self.at(submitted),
                submittedBy: ActedBy(name: "Priya", role: .partnerReporter))
        }
        func take(_ request: inout ServiceRequest, _ action: ServiceRequestAction, _ at: String) throws {
            try request.take(
                action, note: action.needsNote ? "Done" : nil, by: desk, at: Self.at(at), maximumMonths: 3,
                calendar: Self.calendar)
        }
        // Accepted in August: due by the end of 2 November, fulfilled on 3 November: late.
        var late = request(1, "2026-08-01T09:00:00Z")
        try take(&late, .accept, "2026-08-02T09:00:00Z")
        try take(&late, .fulfil, "2026-11-03T09:00:00Z")
        // Accepted in July, still open when November ended: due by 5 October, so late.
        var open = request(2, "2026-07-01T09:00:00Z")
        try take(&open, .accept, "2026-07-05T09:00:00Z")
        // Made and fulfilled in November in time.
        var quick = request(3, "2026-11-10T09:00:00Z")
        try take(&quick, .accept, "2026-11-10T10:00:00Z")
        try take(&quick, .fulfil, "2026-11-20T10:00:00Z")
        // Made in November, declined: never late. Made in December: not counted.
        var declined = request(4, "2026-11-11T09:00:00Z")
        try take(&declined, .decline, "2026-11-12T09:00:00Z")
        let later = request(5, "2026-12-02T09:00:00Z")
        var inputs = ServiceReport.Inputs.empty
        inputs.serviceRequests = [late, open, quick, declined, later]
        let figures = try #require(ServiceReport.compile(inputs).serviceRequests)
        #expect(figures.maximumMonths == 3)
        #expect(figures.submitted == 2 && figures.fulfilled == 2 && figures.fulfilledInTime == 1)
        #expect(figures.openAtEnd == 1)
        #expect(figures.breaches.map(\.reference) == ["SRQ-000001", "SRQ-000002"])
        #expect(figures.breaches.map(\.dueDate) == ["2026-11-02", "2026-10-05"])
        #expect(figures.breaches[1].fulfilledAt == nil)
        let csv = ServiceReport.compile(inputs).csv
        #expect(csv.contains("Service requests,Within 3 months,Fulfilled by their last day,1"))
        // An edition issued before requests were reported is no reason to revise: their figures are not changes.
        var earlier = ServiceReport.compile(inputs)
        earlier.serviceRequests = nil
        #expect(ServiceReport.compile(inputs).changes(since: earlier).isEmpty)
    }

    @Test func hssis_areJudgedOnNotificationJoiningAndUpdates() throws {
        var hssi = HSSIFixture.declared(occurredAt: Self.at("2026-11-10T09:00:00Z"))
        try HSSIFixture.advance(&hssi, to: .prioritised, from: Self.at("2026-11-10T09:10:00Z"))
        let report = Self.report([], hssis: [hssi])
        let record = try #require(report.hssis.first)
        #expect(record.notification == .inTime && record.joins.isEmpty && record.severity == 1)
        // Prioritised and never updated: the first update's due time passed within the month.
        #expect(record.updatesInTime == 0 && record.updatesLate == 1 && !record.resolved)
    }

    @Test func aCorrection_makesARevisionThatSaysWhatChanged_andTheSameFiguresMakeNone() throws {
        var incidents = try Self.incidents()
        let first = ServiceReportEdition(
            id: .init(UUID()), partnerID: Self.wellpath, month: Self.november, number: 1,
            issuedAt: Self.at("2026-12-01T08:00:00Z"), report: Self.report(incidents), changes: [])
        #expect(
            first.revised(
                by: Self.report(incidents, compiledAt: "2026-12-02T08:00:00Z"), id: .init(UUID()),
                at: Self.at("2026-12-02T08:00:00Z")) == nil)
        // The desk re-grades INC-000004 from 1 to 3 after the month: it no longer breached.
        try incidents[3].apply(.changeSeverity(.three), at: Self.at("2026-11-30T09:30:00Z"), tier: Self.tier)
        let revised = try #require(
            first.revised(
                by: Self.report(incidents, compiledAt: "2026-12-03T08:00:00Z"), id: .init(UUID()),
                at: Self.at("2026-12-03T08:00:00Z")))
        #expect(revised.number == 2 && revised.isRevision)
        let changed = revised.changes.map {
            "\($0.section)|\($0.item)|\($0.measure)|\($0.before ?? "-")|\($0.after ?? "-")"
        }
        #expect(changed.contains("Incidents|Severity 1|Raised|2|1"))
        #expect(changed.contains("Incidents|Severity 3|Raised|1|2"))
        #expect(changed.contains("Breaches|INC-000004|Severity|1|-"))
    }

    @Test func theCSV_holdsEveryFigureUnderOneHeader() throws {
        let csv = Self.report(try Self.incidents()).csv
        let lines = csv.split(separator: "\r\n", omittingEmptySubsequences: true)
        #expect(lines.first == "month,scope,section,item,measure,value")
        #expect(lines.contains("2026-11,WELLPATH,Incidents,All severities,Attainment (%),75.000"))
        #expect(lines.contains("2026-11,WELLPATH,Breaches,INC-000002,Counted (business hours),13.00"))
        #expect(lines.contains("2026-11,WELLPATH,Availability,Business support hours,Availability (%),100.000"))
    }

    @Test func reportsFallDueOnTheFirstWorkingDayAfterTheMonth() {
        // 1 January 2027 is a bank holiday and the 2nd and 3rd a weekend: December's reports come on the 4th.
        let december = ReportingMonth("2026-12")!
        #expect(ServiceReportSchedule.issueAt(december, calendar: Self.calendar) == Self.at("2027-01-04T08:00:00Z"))
        #expect(
            ServiceReportSchedule.latestDue(at: Self.at("2027-01-04T07:59:59Z"), calendar: Self.calendar)
                == Self.november)
        #expect(
            ServiceReportSchedule.latestDue(at: Self.at("2027-01-04T08:00:00Z"), calendar: Self.calendar) == december)
    }
}

extension ServiceReport.Inputs {
    /// No incidents at all.
    static let empty = resolving([])

    /// One severity-3 incident per value, each resolved after that many business hours in November 2026.
    static func resolving(_ hours: [Int]) -> ServiceReport.Inputs {
        typealias Fixture = ServiceReportTests
        let incidents = hours.enumerated().map { index, hours in
            // Received on Monday 2 November at 08:00; business hours run 08–18, so `hours` ends on a weekday.
            let received = Fixture.calendar.due(from: Fixture.at("2026-11-02T08:00:00Z"), businessSeconds: 0)
            let resolved = Fixture.calendar.due(from: received, businessSeconds: hours * 3600)
            return try! Fixture.incident(
                index + 10, raised: ISO8601Instant.string(from: received),
                [
                    (ISO8601Instant.string(from: received), .receive(severity: .three)),
                    (ISO8601Instant.string(from: resolved), .resolve(Fixture.fixed)),
                ])
        }
        return .init(
            month: Fixture.november, scope: .wholeService, tier: Fixture.tier,
            period: Fixture.calendar.interval(of: Fixture.november), compiledAt: Fixture.at("2026-12-01T08:00:00Z"),
            incidents: incidents, clockRules: { _ in (Fixture.tier, Fixture.calendar) }, partnerCodes: [:], hssis: [],
            partnerID: nil,
            hours: { _ in HSSIFixture.alwaysOpen }, problems: [],
            availability: Availability.measure(
                month: Fixture.november, tier: Fixture.tier, calendar: Fixture.calendar, outages: [], maintenance: [],
                partner: nil, now: Fixture.at("2026-12-01T08:00:00Z")),
            releases: [], maintenance: [])
    }
}
