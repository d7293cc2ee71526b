import Foundation
import PartnerDeskDomain
import Testing

/// A partner's way to live without a server: the evidence it gives and service management reviews, the rule
/// that gates each status move, the early-live check-in plan, and edits to a partner's details and contacts.
@Suite struct PartnerJourneyTests {
    static func at(_ text: String) -> Date { ISO8601Instant.date(from: text)! }
    static let calendar = try! BusinessCalendar(spec: ServiceLevelTier.silver.businessCalendar)
    static let partnerAdmin = ActedBy(name: "Amara", role: .partnerAdministrator)
    static let manager = ActedBy(name: "Sam", role: .serviceManager)
    static let now = at("2026-12-08T10:00:00Z")
    static let today = LocalDate("2026-12-08")!

    static func partner(_ status: PartnerStatus = .onboarding) -> Partner {
        Partner(
            id: .init(UUID()), code: PartnerCode("WELLPATH")!, name: "Wellpath", status: status, tierID: "silver",
            services: [], contacts: [])
    }

    /// A journey with every required piece of evidence given and accepted.
    static func accepted(_ partner: Partner) throws -> PartnerJourney {
        var journey = PartnerJourney(partnerID: partner.id)
        for requirement in EvidenceRequirement.allCases where requirement.isRequired {
            try journey.submit(requirement, description: "Our runbook", links: [], by: partnerAdmin, at: now)
            try journey.review(requirement, .accept, comment: nil, by: manager, at: now)
        }
        return journey
    }

    @Test func evidence_isGiven_reviewed_returnedWithComments_andGivenAgain() throws {
        var journey = PartnerJourney(partnerID: Self.partner().id)
        #expect(journey.missing == [.incidentProcess, .problemRecords, .hssiManager, .registrationContacts])
        let refused = #expect(throws: ValidationFailure.self) {
            try journey.submit(
                .incidentProcess, description: " ", links: ["http://plain.example", "https://ok.example/runbook"],
                by: Self.partnerAdmin, at: Self.now)
        }
        #expect(refused?.issues.map(\.field) == ["description", "links[0]"])
        #expect(journey.evidence(.incidentProcess).state == .notGiven)

        let nothing = #expect(throws: ValidationFailure.self) {
            try journey.review(.incidentProcess, .accept, comment: nil, by: Self.manager, at: Self.now)
        }
        #expect(nothing?.issues.map(\.code) == ["nothing_to_review"])

        try journey.submit(
            .incidentProcess, description: "Our desk's runbook", links: ["https://docs.example/runbook"],
            by: Self.partnerAdmin, at: Self.now)
        let noComment = #expect(throws: ValidationFailure.self) {
            try journey.review(.incidentProcess, .return, comment: "", by: Self.manager, at: Self.now)
        }
        #expect(noComment?.issues.map(\.field) == ["comment"])
        try journey.review(
            .incidentProcess, .return, comment: "Say when you pass an incident to us.", by: Self.manager, at: Self.now)
        #expect(journey.evidence(.incidentProcess).state == .returned)
        try journey.submit(
            .incidentProcess, description: "Runbook, section 4 covers handing over", links: [],
            by: Self.partnerAdmin, at: Self.now)
        try journey.review(.incidentProcess, .accept, comment: nil, by: Self.manager, at: Self.now)
        let evidence = journey.evidence(.incidentProcess)
        #expect(evidence.history.map(\.state) == [.submitted, .returned, .submitted, .accepted])
        #expect(evidence.links == [])
        #expect(!journey.missing.contains(.incidentProcess))
        let again = #expect(throws: ValidationFailure.self) {
            try journey.submit(.incidentProcess, description: "More", links: [], by: Self.partnerAdmin, at: Self.now)
        }
        #expect(again?.issues.map(\.code) == ["already_accepted"])
    }

    @Test func evidence_refusesPatientData() {
        var journey = PartnerJourney(partnerID: Self.partner().id)
        let refused = #expect(throws: ValidationFailure.self) {
            try journey.submit(
                .problemRecords, description: "See the case of NHS number 401 023 2137", links: [],
                by: Self.partnerAdmin, at: Self.now)
        }
        #expect(refused?.issues.first?.field == "description")
    }

    @Test func movingForward_needsTheRequiredEvidence_orAReasonThatIsKept() throws {
        var partner = Self.partner()
        var journey = PartnerJourney(partnerID: partner.id)
        let plan = CheckInPlan(first: .daily, firstWeeks: 2, then: .weekly)
        let refused = #expect(throws: ValidationFailure.self) {
            try journey.move(
                &partner, to: .earlyLive, reason: nil, plan: plan, by: Self.manager, at: Self.now, today: Self.today)
        }
        #expect(refused?.issues.map(\.field) == ["reason"])
        #expect(refused?.issues.first?.message.contains("without the evidence") == true)
        #expect(partner.status == .onboarding)

        try journey.move(
            &partner, to: .earlyLive, reason: "Agreed at the go-live board", plan: plan, by: Self.manager,
            at: Self.now, today: Self.today)
        #expect(partner.status == .earlyLive)
        #expect(journey.moves.last?.missing == journey.missing)
        #expect(journey.moves.last?.reason == "Agreed at the go-live board")
        #expect(journey.currentEarlyLive?.startedOn == Self.today)
    }

    @Test func withEveryRequiredPieceAccepted_thePartnerGoesLive_withoutAReason_andEarlyLiveEnds() throws {
        var partner = Self.partner()
        var journey = try Self.accepted(partner)
        let noPlan = #expect(throws: ValidationFailure.self) {
            try journey.move(
                &partner, to: .earlyLive, reason: nil, plan: nil, by: Self.manager, at: Self.now, today: Self.today)
        }
        #expect(noPlan?.issues.map(\.field) == ["plan"])
        try journey.move(
            &partner, to: .earlyLive, reason: nil, plan: CheckInPlan(first: .daily, firstWeeks: 2, then: .weekly),
            by: Self.manager, at: Self.now, today: Self.today)
        let later = LocalDate("2027-01-11")!
        try journey.move(&partner, to: .live, reason: nil, plan: nil, by: Self.manager, at: Self.now, today: later)
        #expect(partner.status == .live)
        #expect(journey.currentEarlyLive == nil)
        #expect(journey.earlyLivePeriods.last?.endedOn == later)
        #expect(journey.moves.map(\.missing) == [[], []])

        let same = #expect(throws: ValidationFailure.self) {
            try journey.move(&partner, to: .live, reason: "x", plan: nil, by: Self.manager, at: Self.now, today: later)
        }
        #expect(same?.issues.map(\.code) == ["unchanged"])
        // Going back, and offboarding, always need a reason.
        #expect(StatusMove.needsReason(from: .live, to: .earlyLive, missing: []))
        #expect(StatusMove.needsReason(from: .live, to: .offboarded, missing: []))
        #expect(StatusMove.needsReason(from: .offboarded, to: .onboarding, missing: []))
        #expect(!StatusMove.needsReason(from: .onboarding, to: .live, missing: []))
    }

    @Test func theCheckInPlan_fallsOnWorkingDays_dailyThenWeekly() {
        let plan = CheckInPlan(first: .daily, firstWeeks: 2, then: .weekly)
        #expect(plan.summary == "Every working day for 2 weeks, then weekly")
        // From Monday 14 December 2026: working days to Christmas Eve (25 and 28 December are bank holidays),
        // then every Monday from 28 December, moved to the next working day when it is a holiday.
        let days = plan.days(
            from: LocalDate("2026-12-14")!, through: LocalDate("2027-01-12")!,
            isWorkingDay: Self.calendar.isWorkingDay)
        #expect(
            days.map(\.description) == [
                "2026-12-14", "2026-12-15", "2026-12-16", "2026-12-17", "2026-12-18", "2026-12-21", "2026-12-22",
                "2026-12-23", "2026-12-24", "2026-12-29", "2027-01-04", "2027-01-11",
            ])
        #expect(CheckInPlan(first: .weekly, firstWeeks: 0, then: .fortnightly).summary == "Fortnightly")
    }

    @Test func checkIns_areRecordedWhileEarlyLive_withActionsTrackedToDone() throws {
        var partner = Self.partner()
        var journey = try Self.accepted(partner)
        var ids = (1...20).map { UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", $0))! }.makeIterator()
        let notEarly = #expect(throws: ValidationFailure.self) {
            try journey.recordCheckIn(
                CheckIn.Draft(heldOn: "2026-12-08", notes: "x"), by: Self.manager, at: Self.now, today: Self.today,
                makeID: { ids.next()! })
        }
        #expect(notEarly?.issues.map(\.code) == ["not_early_live"])
        try journey.move(
            &partner, to: .earlyLive, reason: nil, plan: CheckInPlan(first: .daily, firstWeeks: 2, then: .weekly),
            by: Self.manager, at: Self.now, today: Self.today)
        let period = try #require(journey.currentEarlyLive)
        #expect(period.nextCheckIn(today: Self.today, isWorkingDay: Self.calendar.isWorkingDay) == Self.today)

        let refused = #expect(throws: ValidationFailure.self) {
            try journey.recordCheckIn(
                CheckIn.Draft(
                    heldOn: "2026-12-09", notes: "",
                    actions: [
                        .init(text: "Send the rota", owner: "Wellpath", dueOn: "2026-12-01"),
                        .init(text: "", owner: "", dueOn: ""),
                    ]), by: Self.manager, at: Self.now, today: Self.today, makeID: { ids.next()! })
        }
        #expect(refused?.issues.map(\.field) == ["heldOn", "notes", "actions[0].dueOn"])

        let checkIn = try journey.recordCheckIn(
            CheckIn.Draft(
                heldOn: "2026-12-08", notes: "Sign-ins steady; two reports of slow codes.",
                actions: [.init(text: "Send the out-of-hours rota", owner: "Wellpath", dueOn: "2026-12-11")]),
            by: Self.manager, at: Self.now, today: Self.today, makeID: { ids.next()! })
        #expect(checkIn.actions.count == 1)
        let after = try #require(journey.currentEarlyLive)
        #expect(
            after.nextCheckIn(today: Self.today, isWorkingDay: Self.calendar.isWorkingDay)
                == LocalDate("2026-12-09"))
        #expect(after.openActions.map(\.text) == ["Send the out-of-hours rota"])
        #expect(after.openActions.first?.isOverdue(today: LocalDate("2026-12-12")!) == true)

        try journey.completeAction(checkIn.actions[0].id, by: Self.partnerAdmin, at: Self.now)
        #expect(journey.currentEarlyLive?.openActions == [])
        let twice = #expect(throws: ValidationFailure.self) {
            try journey.completeAction(checkIn.actions[0].id, by: Self.partnerAdmin, at: Self.now)
        }
        #expect(twice?.issues.map(\.code) == ["already_done"])
        let unknown = #expect(throws: ValidationFailure.self) {
            try journey.completeAction(UUID(), by: Self.partnerAdmin, at: Self.now)
        }
        #expect(unknown?.issues.map(\.code) == ["unknown_action"])
    }

    @Test func aPartnersDetails_change_keepingItsCodeStatusAndServiceIDs() throws {
        let original = try PartnerDraft(
            code: "WELLPATH", name: "Wellpath", status: "live",
            services: [.init(name: "Wellpath GP", clientID: "wellpath-gp")],
            contacts: [.init(role: "primary", name: "Amara", email: "amara@wellpath.example")]
        ).validated(makeID: UUID.init)
        let changed = try PartnerDraft(
            code: "OTHER", name: "Wellpath Health", status: "onboarding",
            services: [
                .init(name: "Wellpath GP online", clientID: "wellpath-gp"), .init(name: "Wellpath Rx", clientID: "rx"),
            ],
            contacts: [
                .init(role: "primary", name: "Amara Obi", email: "amara@wellpath.example", phone: "0113 496 0000")
            ]
        ).validatedChange(of: original, makeID: UUID.init)
        #expect(changed.code == original.code)
        #expect(changed.status == .live)
        #expect(changed.id == original.id)
        #expect(changed.services[0].id == original.services[0].id)
        #expect(changed.services[1].id != original.services[0].id)
        #expect(changed.name == "Wellpath Health")

        let contacts = #expect(throws: ValidationFailure.self) {
            try PartnerDraft.validatedContacts([
                .init(role: "primary", name: "A", email: "a@example.org"),
                .init(role: "primary", name: "B", email: "not-an-address"),
            ])
        }
        #expect(contacts?.issues.map(\.field) == ["contacts[1].role", "contacts[1].email"])
    }

    @Test func serviceReviews_areScheduledAtTheCadence_heldWithMinutes_andTheirActionsDone() throws {
        var journey = PartnerJourney(partnerID: Self.partner(.live).id)
        #expect(journey.nextReviewDue(today: Self.today, calendar: Self.calendar) == nil)
        journey.setReviewCadence(.quarterly)
        #expect(journey.nextReviewDue(today: Self.today, calendar: Self.calendar) == Self.today)
        var ids = (1...20).map { UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", $0))! }.makeIterator()
        let refused = #expect(throws: ValidationFailure.self) {
            try journey.scheduleReview(
                ServiceReview.Draft(
                    startsAt: "2026-12-01T10:00:00Z", endsAt: "2026-12-01T09:00:00Z", location: "", agenda: [" "],
                    attendees: [.init(name: "Sam", organisation: "", email: "sam@")]),
                by: Self.manager, at: Self.now, calendar: Self.calendar, makeID: { ids.next()! })
        }
        #expect(
            refused?.issues.map(\.field) == [
                "startsAt", "endsAt", "location", "agenda", "attendees[0].organisation", "attendees[0].email",
            ])
        let review = try journey.scheduleReview(
            ServiceReview.Draft(
                startsAt: "2027-01-12T10:00:00Z", endsAt: "2027-01-12T11:00:00Z", location: "Video call",
                agenda: ServiceReview.standardAgenda,
                attendees: [
                    .init(name: "Amara Obi", organisation: "Wellpath", email: "amara@wellpath.example"),
                    .init(name: "Sam", organisation: "Platform service management"),
                ]), by: Self.manager, at: Self.now, calendar: Self.calendar, makeID: { ids.next()! })
        // Quarterly, held in January: it looks back on October to December.
        #expect(review.number == 1 && review.firstMonth.description == "2026-10")
        #expect(review.lastMonth.description == "2026-12")
        #expect(journey.nextReviewDue(today: Self.today, calendar: Self.calendar) == LocalDate("2027-04-12"))

        let early = #expect(throws: ValidationFailure.self) {
            try journey.recordReview(
                review.id, minutes: "x", actions: [], by: Self.manager, at: Self.now, today: Self.today,
                makeID: { ids.next()! })
        }
        #expect(early?.issues.map(\.code) == ["not_yet_held"])
        let held = try journey.recordReview(
            review.id, minutes: "Availability met each month; one problem still open.",
            actions: [.init(text: "Share the fix date", owner: "Platform", dueOn: "2027-01-19")], by: Self.manager,
            at: Self.at("2027-01-12T11:05:00Z"), today: LocalDate("2027-01-12")!, makeID: { ids.next()! })
        #expect(held.status == .held && held.actions.count == 1)
        #expect(journey.agreedActions.map(\.text) == ["Share the fix date"])
        try journey.completeAction(held.actions[0].id, by: Self.partnerAdmin, at: Self.at("2027-01-13T09:00:00Z"))
        #expect(journey.reviews[0].actions[0].isDone)

        // The next review looks back from where the last one stopped.
        let next = try journey.scheduleReview(
            ServiceReview.Draft(
                startsAt: "2027-04-13T10:00:00Z", endsAt: "2027-04-13T11:00:00Z", location: "Video call",
                agenda: ["Figures"], attendees: [.init(name: "Sam", organisation: "Platform")]),
            by: Self.manager, at: Self.at("2027-01-13T09:00:00Z"), calendar: Self.calendar, makeID: { ids.next()! })
        #expect(next.number == 2 && next.firstMonth.description == "2027-01" && next.lastMonth.description == "2027-03")
        let cancelled = try journey.cancelReview(next.id)
        #expect(cancelled.status == .cancelled && cancelled.sequence == 1)
        #expect(throws: ValidationFailure.self) { try journey.cancelReview(next.id) }
    }

    @Test func aSecondReviewSoonAfterTheFirst_looksBackOnTheCadencesMonths() throws {
        var journey = PartnerJourney(partnerID: Self.partner(.live).id)
        journey.setReviewCadence(.monthly)
        var ids = (1...20).map { UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", $0))! }.makeIterator()
        func schedule(_ day: String) throws -> ServiceReview {
            try journey.scheduleReview(
                ServiceReview.Draft(
                    startsAt: "\(day)T10:00:00Z", endsAt: "\(day)T11:00:00Z", location: "Call", agenda: ["Figures"],
                    attendees: [.init(name: "Sam", organisation: "Platform")]),
                by: Self.manager, at: Self.now, calendar: Self.calendar, makeID: { ids.next()! })
        }
        let first = try schedule("2027-03-10")
        #expect(first.firstMonth.description == "2027-02" && first.lastMonth.description == "2027-02")
        let second = try schedule("2027-03-25")
        #expect(second.firstMonth.description == "2027-02" && second.lastMonth.description == "2027-02")
    }

    @Test func aJourneyStoredBeforeReviews_readsBackWithNone() throws {
        let stored = Data(
            #"{"partnerID":"00000000-0000-0000-0000-000000000001","version":3,"evidence":[],"moves":[],"earlyLivePeriods":[]}"#
                .utf8)
        let journey = try JSONDecoder().decode(PartnerJourney.self, from: stored)
        #expect(journey.reviews.isEmpty && journey.reviewCadence == nil && journey.version == 3)
    }
}
