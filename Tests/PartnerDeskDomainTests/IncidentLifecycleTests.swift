import Foundation
import PartnerDeskDomain
import Testing

@Suite struct IncidentLifecycleTests {
    static let calendar = try! BusinessCalendar(spec: ServiceLevelTier.silver.businessCalendar)
    let tier = ServiceLevelTier.silver

    /// Monday 23 November 2026 at the given UTC time (London is on GMT in November).
    func monday(_ hour: Int, _ minute: Int = 0) -> Date {
        ISO8601Instant.date(from: String(format: "2026-11-23T%02d:%02d:00Z", hour, minute))!
    }

    func raised() -> Incident {
        let report = IncidentReport(
            serviceID: nil, partnerReference: nil, type: .accessingService, occurredAt: monday(8),
            userEmail: EmailAddress("u@example.org")!,
            errorType: "Sign-in loop", description: "Returns to the start page", deviceType: .mobile,
            operatingSystem: "iOS", operatingSystemVersion: "17.4", errorCodes: [], checkedKnownProblems: true,
            suspectedProblem: nil, alternativeContact: nil, suggestedSeverity: nil
        )
        return Incident(
            id: .init(UUID()), reference: IncidentReference(number: 123)!, partnerID: .init(UUID()), report: report,
            raisedAt: monday(8, 30), raisedBy: "Wellpath system"
        )
    }

    @Test func reference_isPaddedToSixDigits_andParsesBack() {
        #expect(IncidentReference(number: 123)?.description == "INC-000123")
        #expect(IncidentReference(number: 1_234_567)?.description == "INC-1234567")
        #expect(IncidentReference("inc-000123")?.number == 123)
        #expect(IncidentReference("INC-12") == nil)
    }

    @Test func receive_assignsSeverity_andStartsTheClockAtThatInstant() throws {
        var incident = raised()
        try incident.apply(.receive(severity: .three), at: monday(9), tier: tier)
        let status = try #require(incident.sla(at: monday(9), calendar: Self.calendar))
        #expect(incident.status == .received)
        #expect(incident.severity == .three)
        #expect(status.targetSeconds == 20 * 3600)
        // Monday 09–18 (9 h) + Tuesday 08–18 (10 h) + Wednesday 08–09 (1 h) = 20 business hours.
        #expect(status.due == ISO8601Instant.date(from: "2026-11-25T09:00:00Z"))
        #expect(incident.version == 2)
    }

    @Test func awaitingThePartner_pausesTheClock_andTheAnswerResumesWhereItWas() throws {
        var incident = raised()
        try incident.apply(.receive(severity: .one), at: monday(9), tier: tier)
        try incident.apply(.forwardToDevOps, at: monday(9, 30), tier: tier)
        try incident.apply(.awaitPartner, at: monday(10), tier: tier)
        #expect(incident.status == .awaitingPartner)
        try incident.apply(.provideInformation, at: monday(14), tier: tier)
        #expect(incident.status == .withDevOps)
        let status = try #require(incident.sla(at: monday(15), calendar: Self.calendar))
        #expect(status.elapsedSeconds == 2 * 3600)
        #expect(status.due == monday(17))
    }

    @Test func severityChange_keepsElapsedTime_andMovesTheDue() throws {
        var incident = raised()
        try incident.apply(.receive(severity: .five), at: monday(9), tier: tier)
        try incident.apply(.changeSeverity(.one), at: monday(11), tier: tier)
        let status = try #require(incident.sla(at: monday(11), calendar: Self.calendar))
        #expect(status.elapsedSeconds == 2 * 3600)
        #expect(status.targetSeconds == 4 * 3600)
        #expect(status.due == monday(13))
    }

    @Test func linking_stopsTheClock_andReopeningUnlinks() throws {
        var incident = raised()
        try incident.apply(.receive(severity: .two), at: monday(9), tier: tier)
        try incident.apply(.linkToProblem(reference: "PRB-000045"), at: monday(10), tier: tier)
        #expect(incident.linkedProblem == "PRB-000045" && incident.status == .linkedToProblem)
        try incident.apply(.reopen, at: monday(12), tier: tier)
        #expect(incident.linkedProblem == nil && incident.status == .reopened)
        #expect(incident.sla(at: monday(13), calendar: Self.calendar)?.elapsedSeconds == 2 * 3600)
    }

    @Test func aLinkedIncident_isResolvedWhenItsProblemIsFixed_keepingTheLinkAndTheStoppedClock() throws {
        var incident = raised()
        try incident.apply(.receive(severity: .two), at: monday(9), tier: tier)
        try incident.apply(.linkToProblem(reference: "PRB-000045"), at: monday(10), tier: tier)
        try incident.apply(.resolve(.init(kind: .fix, summary: "Fixed in 2026.12")), at: monday(15), tier: tier)
        #expect(incident.status == .resolved && incident.linkedProblem == "PRB-000045")
        #expect(incident.resolution?.kind == .fix)
        let status = try #require(incident.sla(at: monday(17), calendar: Self.calendar))
        #expect(status.elapsedSeconds == 3600 && status.state == .met)
    }

    @Test func resolve_stopsTheClock_andReopenCarriesOn() throws {
        var incident = raised()
        try incident.apply(.receive(severity: .two), at: monday(9), tier: tier)
        try incident.apply(.resolve(.init(kind: .workaround, summary: "Clear the cookie")), at: monday(10), tier: tier)
        #expect(incident.sla(at: monday(17), calendar: Self.calendar)?.state == .met)
        try incident.apply(.reopen, at: monday(12), tier: tier)
        #expect(incident.status == .reopened)
        #expect(incident.resolution == nil)
        let status = try #require(incident.sla(at: monday(13), calendar: Self.calendar))
        #expect(status.elapsedSeconds == 2 * 3600)
        #expect(status.state == .running)
    }

    @Test func fullPath_raisedToClosed() throws {
        var incident = raised()
        let steps: [(IncidentTransition, IncidentStatus)] = [
            (.receive(severity: .four), .received), (.forwardToDevOps, .withDevOps),
            (.startInvestigating, .investigating),
            (.linkToProblem(reference: "PRB-000045"), .linkedToProblem), (.respond, .respondedToPartner),
            (.close, .closed),
        ]
        for (index, (transition, expected)) in steps.enumerated() {
            try incident.apply(transition, at: monday(9 + index), tier: tier)
            #expect(incident.status == expected)
        }
        #expect(incident.linkedProblem == "PRB-000045")
        #expect(incident.version == 1 + steps.count)
    }

    @Test(arguments: [
        (IncidentTransition.close, IncidentStatus.raised), (.respond, .raised), (.forwardToDevOps, .raised),
        (.provideInformation, .raised), (.reopen, .raised), (.changeSeverity(.two), .raised),
    ])
    func invalidTransitions_areRefused_andChangeNothing(_ transition: IncidentTransition, _ status: IncidentStatus) {
        var incident = raised()
        let before = incident
        #expect(throws: IncidentTransitionError.notAllowed(action: transition.action, from: status)) {
            try incident.apply(transition, at: monday(9), tier: tier)
        }
        #expect(incident == before)
    }

    @Test func closedIncidents_acceptNoFurtherSteps() throws {
        var incident = raised()
        for step in [
            IncidentTransition.receive(severity: .three), .resolve(.init(kind: .fix, summary: "Fixed")), .respond,
            .close,
        ] {
            try incident.apply(step, at: monday(10), tier: tier)
        }
        for action in IncidentAction.allCases {
            #expect(!action.allowedFrom.contains(.closed))
        }
    }
}
