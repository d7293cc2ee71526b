import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import PartnerDeskTestSupport
import Testing

/// Secrets and other people's personal data pasted into an incident are masked before anything is stored:
/// the incident still goes through, the sender hears what was masked and where, and the audit log says so.
@Suite struct SensitiveTextMaskingTests {
    let clock = FixedClock(ISO8601Instant.date(from: "2026-11-23T09:00:00Z")!)

    func setUp() async throws -> (AppServices, Principal) {
        let services = AppServices.inMemory(clock: clock)
        let partner = try await services.partners.register(
            PartnerDraft(
                code: "WELLPATH", name: "Wellpath", status: "live", services: [.init(name: "GP", clientID: "wp")]))
        let system = try #require(
            try await services.tokens.authenticate(
                try await services.tokens.create(name: "Wellpath system", partnerCode: partner.code, role: nil).secret))
        return (services, system)
    }

    func draft(_ description: String) -> IncidentReportDraft {
        IncidentReportDraft(
            type: "accessing_service", occurredAt: "2026-11-23T08:00:00Z", userEmail: "u@example.org",
            errorType: "Loop", description: description, deviceType: "mobile", operatingSystem: "iOS",
            operatingSystemVersion: "17")
    }

    func maskingEntries(_ services: AppServices, _ incident: Incident) async throws -> [AuditEntry] {
        var query = AuditQuery()
        query.subject = incident.auditSubject
        return try await services.audit.list(query).filter { $0.action == "text.masked" }
    }

    @Test func raising_masksSecretsAndThirdPartyData_keepsTheUsersAddress_andAuditsIt() async throws {
        let (services, system) = try await setUp()
        let text =
            "User u@example.org loops. Their carer jane@example.net said so; token "
            + "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJl and call 07700 900123."
        guard case .created(let raised, _) = try await services.incidents.raise(draft(text), by: system) else {
            Issue.record("not raised")
            return
        }
        let stored = try await services.incidents.view(raised.incident.id, as: system).incident.report.description
        #expect(
            stored
                == "User u@example.org loops. Their carer [e-mail address removed] said so; token [token removed] "
                + "and call [phone number removed].")
        #expect(raised.maskings.map(\.kind) == [.jsonWebToken, .emailAddress, .phoneNumber])
        #expect(raised.maskings.allSatisfy { $0.field == "description" && $0.count == 1 })
        let audited = try await maskingEntries(services, raised.incident)
        #expect(audited.count == 1)
        #expect(audited.first?.changes.map(\.field) == ["description", "description", "description"])
        #expect(!(audited.first?.changes.contains { ($0.after ?? "").contains("07700") } ?? true))
    }

    @Test func commentsAndNotes_areMaskedToo() async throws {
        let (services, system) = try await setUp()
        guard case .created(let raised, _) = try await services.incidents.raise(draft("Loops"), by: system) else {
            Issue.record("not raised")
            return
        }
        let comment = try await services.incidents.comment(
            raised.incident.id, text: "Our key is client_secret=abc123def456", visibility: .public, by: system)
        #expect(comment.event.note == "Our key is client_secret=[secret removed]")
        #expect(comment.maskings == [TextMasking(field: "text", kind: .secret, count: 1)])

        let desk = Principal(
            credential: .user(.init(UUID())), displayName: "Fiona", role: .firstLineAgent, partnerID: nil,
            scope: .write)
        let received = try await services.incidents.transition(
            raised.incident.id,
            IncidentTransitionDraft(action: "receive", severity: 3, note: "Rang them on 0113 496 0000"),
            expectedVersion: raised.incident.version, by: desk)
        #expect(received.maskings == [TextMasking(field: "note", kind: .phoneNumber, count: 1)])
        let history = try await services.incidents.history(raised.incident.id, as: desk)
        #expect(history.last?.note == "Rang them on [phone number removed]")
        #expect(try await maskingEntries(services, raised.incident).count == 2)
    }

    @Test func anEmptyAnswerToTheDesksQuestion_isRefused_andChangesNothing() async throws {
        let (services, system) = try await setUp()
        guard case .created(let raised, _) = try await services.incidents.raise(draft("Loops"), by: system) else {
            Issue.record("not raised")
            return
        }
        let desk = Principal(
            credential: .user(.init(UUID())), displayName: "Fiona", role: .firstLineAgent, partnerID: nil,
            scope: .write)
        var view = try await services.incidents.transition(
            raised.incident.id, IncidentTransitionDraft(action: "receive", severity: 3), expectedVersion: 1, by: desk)
        view = try await services.incidents.transition(
            raised.incident.id, IncidentTransitionDraft(action: "await_partner", note: "Which app version?"),
            expectedVersion: view.incident.version, by: desk)
        for empty in [nil, "", "   \n "] {
            await #expect(throws: ValidationFailure.self) {
                _ = try await services.incidents.transition(
                    raised.incident.id, IncidentTransitionDraft(action: "provide_information", note: empty),
                    expectedVersion: view.incident.version, by: system)
            }
        }
        let after = try await services.incidents.view(raised.incident.id, as: desk)
        #expect(after.incident.status == view.incident.status && after.incident.version == view.incident.version)
    }
}
