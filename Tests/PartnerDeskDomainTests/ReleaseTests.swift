import Foundation
import PartnerDeskDomain
import Testing

/// Sprints and their digests, releases and what stops them, approvals and holds, integration notices.
@Suite struct ReleaseTests {
    static let calendar = Calendars.englandAndWales
    static func at(_ text: String) -> Date { ISO8601Instant.date(from: text)! }
    static let wellpath = Partner.ID(UUID())

    static func sprint(startsOn: String = "2026-12-07") -> Sprint {
        Sprint(
            id: .init(UUID()), number: 42, startsOn: LocalDate(startsOn)!,
            endsOn: LocalDate(startsOn)!.adding(days: 13),
            goal: nil, features: [], createdAt: at("2026-11-30T09:00:00Z"))
    }

    @Test func aSprintStarts_atTheOpeningOfItsFirstWorkingDay() {
        #expect(Self.sprint().startsAt(on: Self.calendar) == Self.at("2026-12-07T08:00:00Z"))
        // Monday 28 December 2026 is the Boxing Day bank holiday: the sprint starts on the Tuesday.
        #expect(Self.sprint(startsOn: "2026-12-26").startsAt(on: Self.calendar) == Self.at("2026-12-29T08:00:00Z"))
        // British Summer Time: 08:00 in London is 07:00 UTC.
        #expect(Self.sprint(startsOn: "2027-06-07").startsAt(on: Self.calendar) == Self.at("2027-06-07T07:00:00Z"))
    }

    @Test func theDigest_isFlaggedWhenItIsLateOrMissing() {
        var sprint = Self.sprint()
        let start = Self.at("2026-12-07T08:00:00Z")
        #expect(sprint.digestStatus(at: Self.at("2026-12-04T16:00:00Z"), on: Self.calendar) == .due(by: start))
        #expect(sprint.digestStatus(at: start, on: Self.calendar) == .missed(startedAt: start))
        #expect(sprint.digestStatus(at: start, on: Self.calendar).isFlagged)
        sprint.digestSentAt = Self.at("2026-12-07T07:59:59Z")
        #expect(sprint.digestStatus(at: start, on: Self.calendar) == .sentInTime(Self.at("2026-12-07T07:59:59Z")))
        sprint.digestSentAt = start
        #expect(sprint.digestStatus(at: start, on: Self.calendar) == .sentLate(start, startedAt: start))
        #expect(sprint.hasStarted(at: start, on: Self.calendar))
    }

    @Test func aSprintDraft_namesEveryProblemAtOnce() {
        let draft = SprintDraft(
            number: 0, startsOn: "2026-12-07", endsOn: "2026-12-01",
            features: [
                SprintFeatureDraft(title: "", description: "Patient 450 557 7104 sees a loop", impact: "huge"),
                SprintFeatureDraft(
                    title: "Faster sign-in", description: "Sign-in takes one screen fewer.", services: ["Sign-in"],
                    impact: "minor", affectedPartners: ["NOPE"]),
            ])
        #expect(
            codes(draft) == [
                "number out_of_range", "endsOn before_start", "features[0].title required",
                "features[0].description patient_identifiable_data", "features[0].services required",
                "features[0].impact invalid_value", "features[1].affectedPartners[0] unknown_partner",
            ])
    }

    private func codes(_ draft: SprintDraft) -> [String] {
        do {
            _ = try draft.validated(newID: UUID.init, partner: { _ in nil })
            return []
        } catch {
            return error.issues.map { "\($0.field) \($0.code)" }
        }
    }

    @Test func aSprint_lastsTwoWeeksUnlessTold_andKeepsTheIdsOfFeaturesItAlreadyHas() throws {
        let existing = SprintFeature(
            id: .init(UUID()), title: "Old", description: "Old words.", services: ["Sign-in"], impact: .none,
            partnerAction: nil, affectedPartners: [])
        let plan = try SprintDraft(
            number: 43, startsOn: "2026-12-21",
            features: [
                SprintFeatureDraft(
                    id: existing.id.description.uppercased(), title: "New title", description: "New words.",
                    services: [" Sign-in ", ""], impact: "MAJOR", partnerAction: "Update your redirect URLs.",
                    affectedPartners: ["WELLPATH", "WELLPATH"])
            ]
        ).validated(existing: [existing], newID: UUID.init, partner: { $0 == "WELLPATH" ? Self.wellpath : nil })
        #expect(plan.endsOn == LocalDate("2027-01-03"))
        let feature = try #require(plan.features.first)
        #expect(feature.id == existing.id && feature.title == "New title" && feature.services == ["Sign-in"])
        #expect(feature.impact == .major && feature.partnersMustAct && feature.affectedPartners == [Self.wellpath])
        #expect(feature.concerns(Self.wellpath) && !feature.concerns(Partner.ID(UUID())))
        #expect(
            (try? SprintDraft(number: 1, startsOn: "2026-12-01", endsOn: "2026-12-29").validated(
                newID: UUID.init, partner: { _ in nil })) == nil, "29 days is too long")
    }

    static func feature(_ impact: ChangeImpact, partners: [Partner.ID] = []) -> SprintFeature {
        SprintFeature(
            id: .init(UUID()), title: "Change", description: "Words.", services: ["Sign-in"], impact: impact,
            partnerAction: nil, affectedPartners: partners)
    }

    @Test func aMajorChange_needsMoreLevels_andTheAffectedPartners() {
        let levels = ApprovalLevel.defaults
        #expect(
            ApprovalLevel.requirements(levels: levels, features: [Self.feature(.minor)])
                == [.level("technical_design"), .level("service_management")])
        #expect(
            ApprovalLevel.requirements(
                levels: levels, features: [Self.feature(.major, partners: [Self.wellpath]), Self.feature(.major)])
                == [
                    .level("technical_design"), .level("clinical_safety"), .level("information_governance"),
                    .level("service_management"), .partner(Self.wellpath),
                ])
        for requirement in [ApprovalRequirement.level("clinical_safety"), .partner(Self.wellpath)] {
            #expect(ApprovalRequirement(key: requirement.key) == requirement)
        }
        #expect(ApprovalRequirement(key: "level:") == nil && ApprovalRequirement(key: "partner:x") == nil)
    }

    static func release(plannedAt: String = "2026-12-10T19:00:00Z") -> Release {
        Release(
            id: .init(UUID()), name: "2026.12.1", summary: "Faster sign-in.", plannedAt: at(plannedAt),
            sprintID: nil, features: [], problems: [], knownIssues: nil, partnerActions: nil,
            requirements: [.level("clinical_safety"), .partner(wellpath)], createdAt: at("2026-12-01T09:00:00Z"),
            createdBy: "Rhea Release")
    }

    static func name(_ requirement: ApprovalRequirement) -> String {
        requirement == .level("clinical_safety") ? "Clinical safety" : "Wellpath"
    }

    static func decision(_ outcome: ApprovalDecision.Outcome, _ requirement: ApprovalRequirement, at: String)
        -> ApprovalDecision
    {
        ApprovalDecision(
            requirement: requirement, outcome: outcome, by: "Cal Safety (Assurance approver)", at: Self.at(at),
            reason: outcome == .held ? "Hazard log not updated" : nil, reasonIsShareable: false)
    }

    @Test func aRelease_saysExactlyWhatStopsIt() throws {
        var release = Self.release()
        let tuesday = Self.at("2026-12-08T10:00:00Z")
        func blockers(_ instant: Date) -> [String] {
            release.blockers(at: instant, leadTime: .standard, on: Self.calendar, name: Self.name).map(\.code)
        }
        #expect(blockers(tuesday) == ["notes_not_published", "approval_missing", "approval_missing"])
        release.notesPublishedAt = Self.at("2026-12-07T10:00:00Z")
        #expect(release.earliestRelease(leadTime: .standard, on: Self.calendar) == Self.at("2026-12-08T18:00:00Z"))
        try release.decide(Self.decision(.approved, .level("clinical_safety"), at: "2026-12-07T11:00:00Z"))
        try release.decide(Self.decision(.approved, .partner(Self.wellpath), at: "2026-12-07T12:00:00Z"))
        let early = release.blockers(at: tuesday, leadTime: .standard, on: Self.calendar, name: Self.name)
        #expect(early.map(\.code) == ["notes_too_recent"])
        #expect(early.first?.message.contains("Tue, 8 Dec 2026 at 18:00") == true, "\(early)")
        // Two working days over a bank holiday weekend: published Thursday 24 December, not before Tuesday 29th.
        var christmas = Self.release()
        christmas.notesPublishedAt = Self.at("2026-12-24T10:00:00Z")
        #expect(
            christmas.earliestRelease(leadTime: ReleaseLeadTime(workingDays: 2), on: Self.calendar)
                == Self.at("2026-12-30T18:00:00Z"))
        #expect(blockers(Self.at("2026-12-08T18:00:00Z")).isEmpty)
    }

    @Test func aHold_stopsTheRelease_untilTheApproverApprovesAgain() throws {
        var release = Self.release()
        release.notesPublishedAt = Self.at("2026-12-01T10:00:00Z")
        try release.decide(Self.decision(.approved, .partner(Self.wellpath), at: "2026-12-02T09:00:00Z"))
        try release.decide(Self.decision(.approved, .level("clinical_safety"), at: "2026-12-02T10:00:00Z"))
        try release.decide(Self.decision(.held, .level("clinical_safety"), at: "2026-12-03T10:00:00Z"))
        #expect(release.isHeld && release.holds.map(\.reason) == ["Hazard log not updated"])
        let instant = Self.at("2026-12-04T10:00:00Z")
        #expect(throws: ValidationFailure.self) {
            try release.markReleased(at: instant, by: "Rhea", leadTime: .standard, on: Self.calendar, name: Self.name)
        }
        let held = release.blockers(at: instant, leadTime: .standard, on: Self.calendar, name: Self.name)
        #expect(held.map(\.code) == ["held"])
        #expect(held.first?.message.hasPrefix("Clinical safety is holding the release as unsafe") == true)

        try release.replan(to: Self.at("2026-12-17T19:00:00Z"), at: instant, by: "Rhea", reason: nil)
        #expect(release.dateChanges.map(\.from) == [Self.at("2026-12-10T19:00:00Z")])
        #expect(throws: ValidationFailure.self) {
            try release.replan(to: Self.at("2026-12-17T19:00:00Z"), at: instant, by: "Rhea", reason: nil)
        }
        try release.decide(Self.decision(.approved, .level("clinical_safety"), at: "2026-12-04T11:00:00Z"))
        #expect(!release.isHeld && release.decisions.count == 4)
        try release.markReleased(at: instant, by: "Rhea", leadTime: .standard, on: Self.calendar, name: Self.name)
        #expect(release.status == .released && release.releasedBy == "Rhea")
        #expect(throws: ValidationFailure.self) {
            try release.decide(Self.decision(.held, .level("clinical_safety"), at: "2026-12-04T12:00:00Z"))
        }
        try release.rollBack(at: Self.at("2026-12-04T12:00:00Z"), by: "Rhea", reason: "Sign-in errors rose")
        #expect(release.status == .rolledBack && release.rollback?.reason == "Sign-in errors rose")
    }

    @Test func aDecision_forAnotherRequirement_isRefused_andAHoldNeedsAReason() throws {
        var release = Self.release()
        #expect(throws: ValidationFailure.self) {
            try release.decide(Self.decision(.approved, .level("information_governance"), at: "2026-12-02T09:00:00Z"))
        }
        let hold = ApprovalDecisionDraft(decision: "hold")
        #expect(
            throws: ValidationFailure([
                .init(field: "reason", code: "required", message: "Say why the release is unsafe to approve.")
            ])
        ) {
            try hold.validated(requirement: .level("clinical_safety"), by: "Cal", at: Self.at("2026-12-02T09:00:00Z"))
        }
        let approve = try ApprovalDecisionDraft(decision: " Approve ").validated(
            requirement: .level("clinical_safety"), by: "Cal", at: Self.at("2026-12-02T09:00:00Z"))
        #expect(approve.outcome == .approved && !approve.reasonIsShareable)
        #expect(
            (try? ApprovalDecisionDraft(decision: "maybe").validated(
                requirement: .level("clinical_safety"), by: "Cal", at: Self.at("2026-12-02T09:00:00Z"))) == nil)
    }

    @Test func aReleaseDraft_isChecked() throws {
        let now = Self.at("2026-12-01T09:00:00Z")
        let lookup = ReleaseDraft.Lookup(sprint: { _ in nil }, feature: { _ in nil }, problem: { _ in nil })
        do {
            _ = try ReleaseDraft(
                name: "-bad version", summary: "", plannedAt: "2026-11-30T09:00:00Z", sprint: 9, features: ["x"],
                problems: ["PRB-000001"]
            ).validated(now: now, lookup: lookup)
            Issue.record("refused")
        } catch {
            #expect(
                error.issues.map { "\($0.field) \($0.code)" } == [
                    "name invalid_format", "summary required", "plannedAt in_past", "sprint unknown_sprint",
                    "features[0] unknown_feature", "problems[0] unknown_problem",
                ])
        }
        let plan = try ReleaseDraft(name: "2026.12.1", summary: "Faster.", plannedAt: "2026-12-10T19:00:00Z")
            .validated(now: now, lookup: lookup)
        #expect(plan.name == "2026.12.1" && plan.plannedAt == Self.at("2026-12-10T19:00:00Z"))
        for name in ["v1.2 beta", "é.1", ".1", "2026/12"] {
            #expect(
                (try? ReleaseDraft(name: name, summary: "S", plannedAt: "2026-12-10T19:00:00Z").validated(
                    now: now, lookup: lookup)) == nil, "\(name)")
        }
        #expect(
            (try? ReleaseDraft(name: "R2-hotfix.3", summary: "S", plannedAt: "2026-12-10T19:00:00Z").validated(
                now: now, lookup: lookup)) != nil)
    }

    @Test func anIntegrationNotice_isAcknowledged_andRemindsThoseWhoHaveNot() throws {
        let carebridge = Partner.ID(UUID())
        var notice = IntegrationNotice(
            id: .init(UUID()), number: 7, title: "New claims", description: "Test the new claims.", featureID: nil,
            availableFrom: LocalDate("2026-12-14")!, partners: [Self.wellpath, carebridge],
            createdAt: Self.at("2026-12-07T09:00:00Z"))
        #expect(notice.reference == "INT-000007")
        #expect(throws: ValidationFailure.self) {
            try notice.respond(for: Self.wellpath, by: "Ada", at: Self.at("2026-12-07T09:30:00Z"), signOff: nil)
        }
        notice.sentAt = Self.at("2026-12-07T10:00:00Z")
        #expect(notice.remindersDue(at: Self.at("2026-12-09T17:59:59Z"), on: Self.calendar).isEmpty)
        #expect(
            notice.remindersDue(at: Self.at("2026-12-09T18:00:00Z"), on: Self.calendar) == [Self.wellpath, carebridge])
        try notice.respond(for: Self.wellpath, by: "Ada", at: Self.at("2026-12-08T09:00:00Z"), signOff: nil)
        let signOff = IntegrationSignOff(at: Self.at("2026-12-15T09:00:00Z"), by: "Bo", note: "All passed")
        try notice.respond(for: Self.wellpath, by: "Bo", at: Self.at("2026-12-15T09:00:00Z"), signOff: signOff)
        #expect(notice.responses[Self.wellpath]?.acknowledgedBy == "Ada", "the first acknowledgement stays")
        #expect(notice.responses[Self.wellpath]?.signOff == signOff)
        #expect(throws: ValidationFailure.self) {
            try notice.respond(for: Partner.ID(UUID()), by: "Eve", at: Self.at("2026-12-08T09:00:00Z"), signOff: nil)
        }
        var instant = Self.at("2026-12-09T18:00:00Z")
        for _ in 0..<3 {
            #expect(notice.remindersDue(at: instant, on: Self.calendar) == [carebridge])
            notice.recordReminder(to: carebridge, at: instant)
            instant = instant.addingTimeInterval(7 * 86_400)
        }
        #expect(notice.remindersDue(at: instant, on: Self.calendar).isEmpty, "at most three reminders")
    }

    @Test func aProblemCarriedByAPlannedRelease_takesTheReleaseAsItsFixTarget() throws {
        let problem = Problem(
            id: .init(UUID()), reference: ProblemReference(number: 1)!, title: "Loop", description: "Loops",
            severity: Severity(3)!, origin: .incidents, recordedAt: Self.at("2026-11-02T10:00:00Z"), recordedBy: "Pat")
        var soon = Self.release(plannedAt: "2026-12-10T19:00:00Z")
        soon.problems = [problem.id]
        var later = Self.release(plannedAt: "2026-12-17T19:00:00Z")
        later.name = "2026.12.2"
        later.problems = [problem.id]
        var gone = Self.release(plannedAt: "2026-12-03T19:00:00Z")
        gone.problems = [problem.id]
        gone.status = .released
        let agreed = AgreedRelease.byProblem([later, gone, soon])
        #expect(agreed[problem.id] == AgreedRelease(name: "2026.12.1", plannedAt: Self.at("2026-12-10T19:00:00Z")))
        let target = problem.fixTarget(
            tier: .silver, calendar: Self.calendar, at: Self.at("2026-12-11T09:00:00Z"),
            agreedRelease: agreed[problem.id])
        #expect(target.agreedRelease == "2026.12.1" && target.dueDate == LocalDate("2026-12-10"))
        #expect(target.isBreached, "the agreed release has passed without the fix")
        let plain = problem.fixTarget(tier: .silver, calendar: Self.calendar, at: Self.at("2026-12-11T09:00:00Z"))
        #expect(plain.agreedRelease == nil && plain.workingDays == 120 && !plain.isBreached)
    }

    @Test func revisingARelease_withdrawsChangedNotes_andMovesItsDateAsAReplan() throws {
        let now = Self.at("2026-12-01T09:00:00Z")
        let lookup = ReleaseDraft.Lookup(sprint: { _ in nil }, feature: { _ in nil }, problem: { _ in nil })
        var release = Self.release()
        release.notesPublishedAt = now
        let moved = try ReleaseDraft(name: "2026.12.1", summary: "Faster sign-in.", plannedAt: "2026-12-17T19:00:00Z")
            .validated(now: now, lookup: lookup)
        #expect(
            try release.revise(with: moved, requirements: release.requirements, at: now, by: "Rhea")
                == Self.at("2026-12-10T19:00:00Z"))
        #expect(release.notesPublishedAt == now && release.dateChanges.count == 1, "same words: the notes stand")
        let reworded = try ReleaseDraft(name: "2026.12.1", summary: "Faster.", plannedAt: "2026-12-17T19:00:00Z")
            .validated(now: now, lookup: lookup)
        #expect(
            try release.revise(with: reworded, requirements: [.level("clinical_safety")], at: now, by: "Rhea") == nil)
        #expect(release.notesPublishedAt == nil && release.requirements == [.level("clinical_safety")])
        release.status = .released
        #expect(throws: ValidationFailure.self) {
            try release.revise(with: reworded, requirements: [], at: now, by: "Rhea")
        }
    }

    @Test func aFeature_leavesItsSprint_onlyWhenNoReleaseStillCarriesIt() throws {
        var sprint = Self.sprint()
        let (kept, carried) = (Self.feature(.minor), Self.feature(.major))
        sprint.features = [kept, carried]
        var release = Self.release()
        release.features = [carried.id]
        #expect {
            try sprint.removeFeature(carried.id, releases: [release])
        } throws: { error in
            (error as? ValidationFailure)?.issues.map(\.message) == [
                "Release 2026.12.1 carries \(carried.title); take it out of the release first."
            ]
        }
        release.status = .rolledBack
        try sprint.removeFeature(carried.id, releases: [release])
        #expect(sprint.features == [kept], "a rolled-back release no longer holds its features")
        #expect(throws: ValidationFailure.self) { try sprint.removeFeature(carried.id, releases: []) }

        let plan = try SprintDraft(number: 43, startsOn: "2026-12-14", goal: "Calmer sign-in").validated(
            newID: UUID.init, partner: { _ in nil })
        sprint.reschedule(with: plan)
        #expect(sprint.number == 43 && sprint.endsOn == LocalDate("2026-12-27")! && sprint.goal == "Calmer sign-in")
        #expect(sprint.features == [kept], "rescheduling keeps the features")
    }
}
