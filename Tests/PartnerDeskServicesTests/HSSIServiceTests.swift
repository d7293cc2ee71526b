import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import PartnerDeskTestSupport
import Testing

/// HSSIs end to end over the in-memory store: declaring, the Service Bridge's steps, the intervention and its
/// roll-call, updates, communications, rotas, and deadlines acted on from stored times only.
@Suite struct HSSIServiceTests {
    /// Thursday 26 November 2026, 10:00 London (GMT).
    static let thursday10 = ISO8601Instant.date(from: "2026-11-26T10:00:00Z")!

    struct Fixture {
        let store: InMemoryStore
        let services: AppServices
        let clock: FixedClock
        let transports: RecordingTransports
        let wellpath: Principal
        let carebridge: Principal
        let bridge: Principal
        let desk: Principal
    }

    static func fixture(at instant: Date = thursday10, wellpathHours: String? = nil) async throws -> Fixture {
        let clock = FixedClock(instant)
        let store = InMemoryStore()
        let transports = RecordingTransports()
        let services = AppServices.inMemory(store: store, clock: clock, transports: transports)
        _ = try await services.partners.register(
            PartnerDraft(
                code: "WELLPATH", name: "Wellpath", status: "live",
                contacts: [
                    .init(role: "primary", name: "Pat", email: "primary@wellpath.example"),
                    .init(role: "secondary", name: "Sol", email: "secondary@wellpath.example"),
                    .init(role: "escalation", name: "Eve", email: "escalation@wellpath.example"),
                    .init(role: "hssi_manager", name: "Dana", email: "hssi@wellpath.example"),
                ], hoursOfOperation: wellpathHours))
        _ = try await services.partners.register(
            PartnerDraft(
                code: "CAREBRIDGE", name: "CareBridge", status: "live",
                contacts: [.init(role: "primary", name: "Cat", email: "primary@carebridge.example")]))
        func person(_ email: String, _ role: Role, _ partner: String?) async throws -> Principal {
            let invitation = try await services.accounts.add(
                email: email, name: email, role: role, partnerCode: partner.flatMap(PartnerCode.init))
            return Principal(
                credential: .user(invitation.user.id), displayName: email, role: role,
                partnerID: invitation.user.partnerID, scope: .write)
        }
        return Fixture(
            store: store, services: services, clock: clock, transports: transports,
            wellpath: try await person("dana@wellpath.example", .partnerHSSIManager, "WELLPATH"),
            carebridge: try await person("carl@carebridge.example", .partnerHSSIManager, "CAREBRIDGE"),
            bridge: try await person("bea@bridge.example", .serviceBridgeOperator, nil),
            desk: try await person("fiona@desk.example", .firstLineAgent, nil))
    }

    static func declaration(occurredAt: String = "2026-11-26T09:50:00Z", severity: Int = 1) -> HSSIDeclarationDraft {
        HSSIDeclarationDraft(
            title: "Wrong appointments shown", description: "Some users saw appointments that were not theirs",
            occurredAt: occurredAt, severity: severity, category: "wrong_information_shown")
    }

    func mailsSince(_ fixture: Fixture, _ count: Int) -> [MailMessage] {
        Array(fixture.transports.mails.dropFirst(count))
    }

    /// The Service Bridge declares an HSSI for Wellpath and CareBridge, then records Wellpath's call and
    /// prioritises it.
    func declaredByTheBridge(_ fixture: Fixture) async throws -> HSSIView {
        var declaration = Self.declaration()
        declaration.partner = "WELLPATH"
        declaration.affectedPartners = ["CAREBRIDGE"]
        var view = try await fixture.services.hssis.declare(declaration, by: fixture.bridge)
        #expect(view.hssi.stage == .occurred && view.hssi.platformAssessment?.severity == .one)
        for request in [
            HSSIStepRequest(step: "identify"), HSSIStepRequest(step: "notify_platform"),
            HSSIStepRequest(step: "prioritise", severity: 1, category: "wrong_information_shown"),
        ] {
            view = try await fixture.services.hssis.step(
                view.hssi.id, request, expectedVersion: view.hssi.version, by: fixture.bridge)
        }
        return view
    }

    @Test func aPartnerDeclares_itIsNotifiedAndPrioritised_andOnlyAffectedPartnersSeeIt() async throws {
        let fixture = try await Self.fixture()
        let view = try await fixture.services.hssis.declare(Self.declaration(), by: fixture.wellpath)
        #expect(view.hssi.reference.description == "HSSI-000001")
        #expect(view.hssi.stage == .prioritised && view.hssi.severity == .one)
        #expect(view.hssi.partnerAssessment?.category == .wrongInformationShown && view.hssi.platformAssessment == nil)
        #expect(view.notification.timeliness == .inTime)
        _ = try await fixture.services.jobs.tick(now: fixture.clock.now())
        let recipients = Set(fixture.transports.mails.flatMap(\.to).map(\.value))
        #expect(recipients == ["hssi@wellpath.example", "dana@wellpath.example", "bea@bridge.example"])
        #expect(fixture.transports.mails.allSatisfy { $0.subject.hasPrefix("HSSI-000001: ") })
        // Each side sees the messages to its own people: the partner its two, staff all three, now delivered.
        #expect(view.messages.count == 2 && view.messages.allSatisfy { $0.status == .pending })
        let staffView = try await fixture.services.hssis.view(view.hssi.id, as: fixture.desk)
        #expect(staffView.messages.count == 3 && staffView.messages.allSatisfy { $0.status == .delivered })

        await #expect(throws: ServiceError.notFound) {
            _ = try await fixture.services.hssis.view(view.hssi.id, as: fixture.carebridge)
        }
        // A declaration more than 30 minutes after the occurrence is late, and the Bridge hears so.
        let late = try await fixture.services.hssis.declare(
            Self.declaration(occurredAt: "2026-11-26T09:00:00Z"), by: fixture.wellpath)
        #expect(late.notification.timeliness == .late(bySeconds: 1_800))
        let seen = fixture.transports.mails.count
        _ = try await fixture.services.jobs.tick(now: fixture.clock.now())
        #expect(
            mailsSince(fixture, seen).contains {
                $0.to.map(\.value) == ["bea@bridge.example"] && $0.mentions("came 30 minutes after")
            })
        #expect(try await fixture.services.hssis.list(as: fixture.carebridge).isEmpty)
        #expect(try await fixture.services.hssis.list(as: fixture.desk).count == 2)
        // The platform's judgement stands over the partner's, and both are kept.
        let assessed = try await fixture.services.hssis.assess(
            view.hssi.id, severity: 2, category: "potential_data_breach", expectedVersion: view.hssi.version,
            by: fixture.bridge)
        #expect(assessed.hssi.severity == .two && assessed.hssi.partnerAssessment?.severity == .one)
    }

    @Test func declarationsAreCheckedWhole_andPatientDataIsRefused() async throws {
        let fixture = try await Self.fixture()
        var draft = Self.declaration(severity: 3)
        draft.title = "Patient 401 023 2137 saw the wrong record"
        draft.category = "gossip"
        await #expect {
            _ = try await fixture.services.hssis.declare(draft, by: fixture.wellpath)
        } throws: {
            Set(($0 as? ValidationFailure)?.issues.map(\.field) ?? []) == ["severity", "category", "title"]
        }
        await #expect {
            _ = try await fixture.services.hssis.declare(Self.declaration(), by: fixture.desk)
        } throws: {
            ($0 as? ValidationFailure)?.issues.map(\.field) == ["partner"]
        }
        #expect(try await fixture.services.hssis.list(as: fixture.desk).isEmpty)
    }

    @Test func theBridgeRunsTheSixSteps_andCommunicatesWithEveryAffectedPartner() async throws {
        let fixture = try await Self.fixture()
        var view = try await declaredByTheBridge(fixture)
        #expect(view.hssi.declaredBy == .serviceBridge && view.hssi.partners(in: view) == ["Wellpath", "CareBridge"])
        let hssis = fixture.services.hssis
        await #expect(throws: ServiceError.forbidden) {
            _ = try await hssis.step(
                view.hssi.id, HSSIStepRequest(step: "notify_bridge"), expectedVersion: view.hssi.version,
                by: fixture.wellpath)
        }
        await #expect(throws: ValidationFailure.self) {
            _ = try await hssis.communicate(
                view.hssi.id, message: "Too early", expectedVersion: view.hssi.version, by: fixture.bridge)
        }
        for step in ["notify_bridge", "engage_devops"] {
            view = try await hssis.step(
                view.hssi.id, HSSIStepRequest(step: step), expectedVersion: view.hssi.version, by: fixture.bridge)
        }
        await #expect(throws: ServiceError.versionMismatch(currentVersion: view.hssi.version)) {
            _ = try await hssis.step(
                view.hssi.id, HSSIStepRequest(step: "resolve"), expectedVersion: 1, by: fixture.bridge)
        }
        _ = try await fixture.services.jobs.tick(now: fixture.clock.now())
        let seen = fixture.transports.mails.count
        view = try await hssis.communicate(
            view.hssi.id, message: "A fix is being deployed; sign-ins are paused.", expectedVersion: view.hssi.version,
            by: fixture.bridge)
        #expect(view.hssi.stage == .communicationsSent)
        _ = try await fixture.services.jobs.tick(now: fixture.clock.now())
        let sent = mailsSince(fixture, seen)
        #expect(
            Set(sent.flatMap(\.to).map(\.value)) == [
                "hssi@wellpath.example", "dana@wellpath.example", "primary@wellpath.example",
                "primary@carebridge.example", "carl@carebridge.example",
            ])
        let delivered = try await hssis.view(view.hssi.id, as: fixture.carebridge).messages
        #expect(delivered.filter { $0.kind == "hssi.communication" }.allSatisfy { $0.status == .delivered })
        #expect(delivered.allSatisfy { $0.partnerID == view.partners[1].id })
        for step in ["resolve", "close"] {
            view = try await hssis.step(
                view.hssi.id, HSSIStepRequest(step: step), expectedVersion: view.hssi.version, by: fixture.bridge)
        }
        #expect(view.hssi.stage == .closed && view.deadlines.isEmpty)
        let timeline = try await hssis.timeline(view.hssi.id, as: fixture.wellpath)
        #expect(timeline.count >= 9 && HSSITimelineEntry.csv(timeline).contains("Communications sent"))
        // Messages to the partner's own people appear, with their delivery; other partners' do not.
        let sentToWellpath = timeline.filter { $0.kind == .message }
        #expect(
            sentToWellpath.contains {
                $0.text.contains("update from the identity platform") && $0.text.contains("delivered 2026")
            })
        #expect(sentToWellpath.allSatisfy { $0.partnerID == view.hssi.primaryPartnerID })
        #expect(!sentToWellpath.contains { $0.text.contains("carebridge") })
    }

    @Test func theInterventionInvitesWhoIsOnDuty_measuresJoining_andEscalatesOnceWhenNobodyJoins() async throws {
        let fixture = try await Self.fixture()
        let hssis = fixture.services.hssis
        _ = try await hssis.addRotaEntry(
            partnerCode: nil, managerName: "Nina Night", email: "nina@wellpath.example", phone: "0113 496 0100",
            startsAt: "2026-11-26T08:00:00Z", endsAt: "2026-11-26T20:00:00Z", by: fixture.wellpath)
        var view = try await declaredByTheBridge(fixture)
        let seen = fixture.transports.mails.count
        view = try await hssis.convene(
            view.hssi.id, joiningDetails: "Bridge call 0300 555 0100, PIN 4321", expectedVersion: view.hssi.version,
            by: fixture.bridge)
        let invitations = try #require(view.hssi.intervention?.invitations)
        #expect(invitations[0].invitees.map(\.email.value) == ["nina@wellpath.example"])
        #expect(invitations[1].invitees.isEmpty)  // CareBridge has no rota and no HSSI manager contact.
        _ = try await fixture.services.jobs.tick(now: fixture.clock.now())
        let mails = mailsSince(fixture, seen)
        #expect(mails.contains { $0.to.map(\.value) == ["nina@wellpath.example"] && $0.mentions("PIN 4321") })
        // CareBridge could invite nobody: its primary contact is asked at once.
        #expect(mails.contains { $0.to.map(\.value) == ["primary@carebridge.example"] })

        fixture.clock.advance(by: 10 * 60)
        view = try await hssis.answerInvitation(view.hssi.id, joined: false, by: fixture.wellpath)
        #expect(view.hssi.intervention?.invitation(for: view.partners[0].id)?.acknowledgedAt != nil)
        fixture.clock.advance(by: 20 * 60)
        let atDeadline = fixture.transports.mails.count
        _ = try await fixture.services.jobs.tick(now: fixture.clock.now())
        #expect(fixture.transports.mails.count == atDeadline)  // At the deadline itself: still in time.
        fixture.clock.advance(by: 1)
        _ = try await fixture.services.jobs.tick(now: fixture.clock.now())
        let escalated = mailsSince(fixture, atDeadline)
        #expect(
            Set(escalated.flatMap(\.to).map(\.value)).isSuperset(of: [
                "primary@wellpath.example", "secondary@wellpath.example", "escalation@wellpath.example",
            ]))
        let again = fixture.transports.mails.count
        _ = try await fixture.services.jobs.tick(now: fixture.clock.now().addingTimeInterval(60))
        #expect(fixture.transports.mails.count == again)
        fixture.clock.advance(by: 5 * 60)
        view = try await hssis.answerInvitation(view.hssi.id, joined: true, by: fixture.wellpath)
        let joined = try #require(view.hssi.intervention?.invitation(for: view.partners[0].id))
        #expect(joined.joinTimeliness(now: fixture.clock.now()) == .late(bySeconds: 301))
        await #expect(throws: ServiceError.forbidden) {
            _ = try await hssis.answerInvitation(view.hssi.id, joined: true, partner: "WELLPATH", by: fixture.desk)
        }
    }

    @Test func statusUpdates_maskSecretsAndOthersDetails_beforeTheyAreStored() async throws {
        let fixture = try await Self.fixture()
        let hssis = fixture.services.hssis
        let declared = try await hssis.declare(Self.declaration(severity: 2), by: fixture.wellpath)
        let view = try await hssis.postUpdate(
            declared.hssi.id,
            HSSIStatusUpdateDraft(
                currentImpact: "Users cannot book; ring our on-call on 07700 900123", usersAffected: "120",
                actionsTaken: "Rotated client_secret=abc123def456 and redeployed",
                nextUpdateDue: "2026-11-26T11:30:00Z"),
            expectedVersion: declared.hssi.version, by: fixture.wellpath)
        let update = try #require(view.hssi.statusUpdates.last)
        #expect(update.currentImpact == "Users cannot book; ring our on-call on [phone number removed]")
        #expect(update.actionsTaken == "Rotated client_secret=[secret removed] and redeployed")
        #expect(view.maskings.map(\.kind) == [.phoneNumber, .secret])
        var query = AuditQuery()
        query.subject = view.hssi.auditSubject
        #expect(try await fixture.services.audit.list(query).contains { $0.action == "text.masked" })
    }

    @Test func updatesCarryTheMinimumDataSet_andAnOverdueOneIsChasedOnce() async throws {
        let fixture = try await Self.fixture()
        let hssis = fixture.services.hssis
        var view = try await hssis.declare(Self.declaration(severity: 2), by: fixture.wellpath)
        #expect(view.nextUpdateDue == Self.thursday10.addingTimeInterval(7_200))
        await #expect {
            _ = try await hssis.postUpdate(
                view.hssi.id, HSSIStatusUpdateDraft(currentImpact: "", usersAffected: "lots"),
                expectedVersion: view.hssi.version, by: fixture.wellpath)
        } throws: {
            Set(($0 as? ValidationFailure)?.issues.map(\.field) ?? []) == [
                "currentImpact", "usersAffected", "actionsTaken", "nextUpdateDue",
            ]
        }
        fixture.clock.advance(by: 3_600)
        view = try await hssis.postUpdate(
            view.hssi.id,
            HSSIStatusUpdateDraft(
                currentImpact: "Appointments hidden for affected users", usersAffected: "120",
                actionsTaken: "Cache cleared", nextUpdateDue: "2026-11-26T11:30:00Z"),
            expectedVersion: view.hssi.version, by: fixture.wellpath)
        #expect(view.nextUpdateDue == ISO8601Instant.date(from: "2026-11-26T11:30:00Z"))
        let seen = fixture.transports.mails.count
        fixture.clock.advance(by: 30 * 60 + 1)
        _ = try await fixture.services.jobs.tick(now: fixture.clock.now())
        let chased = mailsSince(fixture, seen)
        #expect(chased.contains { $0.subject == "HSSI-000001: status update overdue" })
        let again = fixture.transports.mails.count
        _ = try await fixture.services.jobs.tick(now: fixture.clock.now().addingTimeInterval(60))
        #expect(fixture.transports.mails.count == again)
        // The chase went to the partner's managers and to the Service Bridge: the partner sees its own
        // addresses, and the Bridge only by role.
        #expect(chased.flatMap(\.to).map(\.value).contains("bea@bridge.example"))
        let partnerSees = try await hssis.view(view.hssi.id, as: fixture.wellpath).messages.map(\.recipient)
        #expect(partnerSees.contains("hssi@wellpath.example"))
        #expect(partnerSees.contains("Service Bridge operator (platform staff)"))
        #expect(!partnerSees.contains { $0.contains("bridge.example") })
        let timeline = HSSITimelineEntry.csv(try await hssis.timeline(view.hssi.id, as: fixture.wellpath))
        #expect(!timeline.contains("bridge.example"))
        let staffSees = try await hssis.view(view.hssi.id, as: fixture.desk).messages.map(\.recipient)
        #expect(staffSees.contains("bea@bridge.example"))
    }

    @Test(arguments: [
        // Occurs on Saturday 28 March 2026 with office hours: counted from Monday 30 March 09:00 BST.
        ("2026-03-28T11:00:00Z", "2026-03-30T08:30:00Z"),
        // Occurs on Friday 23 October 2026 at 16:50 BST: 10 minutes that day, 20 on Monday 26 (GMT, after the change).
        ("2026-10-23T15:50:00Z", "2026-10-26T09:20:00Z"),
    ])
    func aLateNotification_isReportedFromStoredTimes_evenByAServerStartedOneSecondBefore(
        occurred: String, deadline: String
    ) async throws {
        let due = try #require(ISO8601Instant.date(from: deadline))
        let fixture = try await Self.fixture(
            at: try #require(ISO8601Instant.date(from: occurred)), wellpathHours: "09:00-17:00")
        var declaration = Self.declaration(occurredAt: occurred)
        declaration.partner = "WELLPATH"
        // The Service Bridge hears of it first; the partner has not notified.
        let view = try await fixture.services.hssis.declare(declaration, by: fixture.bridge)
        #expect(view.notification.deadline == due)
        // A new server over the same store, started one second before the deadline, with nothing in memory.
        let restarted = AppServices.inMemory(store: fixture.store, clock: fixture.clock, transports: fixture.transports)
        let before = fixture.transports.mails.count
        #expect(try await restarted.jobs.tick(now: due.addingTimeInterval(-1)).hssiAlerts == 0)
        #expect(try await restarted.jobs.tick(now: due).hssiAlerts == 0)
        #expect(try await restarted.jobs.tick(now: due.addingTimeInterval(1)).hssiAlerts == 1)
        #expect(mailsSince(fixture, before).contains { $0.subject.contains("partner notification later") })
        #expect(try await restarted.jobs.tick(now: due.addingTimeInterval(120)).hssiAlerts == 0)
    }

    @Test func rotas_belongToTheirPartner_andGapsInCoverAreFlagged() async throws {
        let fixture = try await Self.fixture()
        let hssis = fixture.services.hssis
        var rota = try await hssis.addRotaEntry(
            partnerCode: nil, managerName: "Dana", email: "dana@wellpath.example", phone: nil,
            startsAt: "2026-11-26T00:00:00Z", endsAt: "2026-12-03T00:00:00Z", by: fixture.wellpath)
        #expect(rota.onDuty.map(\.managerName) == ["Dana"])
        // Cover for one week of the fourteen days ahead: the rest is a gap.
        #expect(rota.gaps.count == 1 && rota.gaps.first?.start == ISO8601Instant.date(from: "2026-12-03T00:00:00Z"))
        await #expect {
            _ = try await hssis.addRotaEntry(
                partnerCode: nil, managerName: "X", email: "not an address", phone: nil,
                startsAt: "2026-11-27T00:00:00Z", endsAt: "2026-11-26T00:00:00Z", by: fixture.wellpath)
        } throws: {
            Set(($0 as? ValidationFailure)?.issues.map(\.field) ?? []) == ["email", "endsAt"]
        }
        let entry = try #require(rota.entries.first)
        await #expect(throws: ServiceError.notFound) {
            _ = try await hssis.removeRotaEntry(entry.id, partnerCode: nil, by: fixture.carebridge)
        }
        await #expect(throws: ServiceError.forbidden) {
            _ = try await hssis.addRotaEntry(
                partnerCode: "WELLPATH", managerName: "X", email: "x@example.org", phone: nil,
                startsAt: "2026-11-27T00:00:00Z", endsAt: "2026-11-28T00:00:00Z", by: fixture.bridge)
        }
        rota = try await hssis.removeRotaEntry(entry.id, partnerCode: nil, by: fixture.wellpath)
        #expect(rota.entries.isEmpty && rota.onDuty.isEmpty)
        #expect(try await hssis.rota(partnerCode: "WELLPATH", as: fixture.bridge).gaps.count == 1)
    }

    @Test func rotaGaps_areFlaggedToThePartnerAndServiceManagers_onceADay() async throws {
        let fixture = try await Self.fixture()
        let manager = try await fixture.services.accounts.add(
            email: "sam@desk.example", name: "Sam", role: .serviceManager, partnerCode: nil)
        _ = try await fixture.services.hssis.addRotaEntry(
            partnerCode: nil, managerName: "Dana", email: "dana@wellpath.example", phone: nil,
            startsAt: "2026-11-26T00:00:00Z", endsAt: "2026-12-03T00:00:00Z", by: fixture.wellpath)
        let seen = fixture.transports.mails.count
        _ = try await fixture.services.jobs.tick(now: fixture.clock.now())
        let flagged = mailsSince(fixture, seen)
        #expect(flagged.allSatisfy { $0.subject == "Wellpath: gaps in HSSI manager cover in the next 14 days" })
        #expect(
            Set(flagged.flatMap(\.to).map(\.value)) == [
                "hssi@wellpath.example", "dana@wellpath.example", manager.user.email.value,
            ])
        #expect(flagged.first?.mentions("Thu, 3 Dec 2026 at 0:00 to") == true)
        // CareBridge keeps no rota: it relies on its registration form, and is not flagged.
        let again = fixture.transports.mails.count
        fixture.clock.advance(by: 3_600)
        _ = try await fixture.services.jobs.tick(now: fixture.clock.now())
        #expect(fixture.transports.mails.count == again)
        // A fresh server the same day does not flag again; the next day does.
        let restarted = AppServices.inMemory(store: fixture.store, clock: fixture.clock, transports: fixture.transports)
        #expect(try await restarted.jobs.tick(now: fixture.clock.now()).hssiAlerts == 0)
        #expect(try await restarted.jobs.tick(now: fixture.clock.now().addingTimeInterval(86_400)).hssiAlerts == 3)
    }
}

extension HigherSeverityIncident {
    /// The affected partners' names, primary first, as a view lists them.
    fileprivate func partners(in view: HSSIView) -> [String] { affectedPartnerIDs.map(view.partnerName) }
}
