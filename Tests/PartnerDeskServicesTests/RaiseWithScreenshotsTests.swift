import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import PartnerDeskTestSupport
import Testing

/// Raising an incident with screenshots is all or nothing: every refusal is reported together and nothing
/// is stored unless the report and every screenshot pass.
@Suite struct RaiseWithScreenshotsTests {
    let services = AppServices.inMemory(clock: FixedClock(ISO8601Instant.date(from: "2026-11-23T09:00:00Z")!))

    func partner() async throws -> Principal {
        _ = try await services.partners.register(PartnerDraft(code: "WELLPATH", name: "Wellpath", status: "live"))
        return try #require(
            try await services.tokens.authenticate(
                services.tokens.create(name: "w", partnerCode: PartnerCode("WELLPATH"), role: nil).secret))
    }

    func draft(_ description: String = "Loops after the security code") -> IncidentReportDraft {
        IncidentReportDraft(
            type: "other", occurredAt: "2026-11-23T08:00:00Z", userEmail: "u@example.org", errorType: "Loop",
            description: description, deviceType: "pc", operatingSystem: "Windows", operatingSystemVersion: "11"
        )
    }

    var staff: Principal {
        Principal(
            credential: .token(.init(UUID())), displayName: "Desk", role: .serviceManager, partnerID: nil, scope: .read)
    }

    @Test func everyRefusal_isReportedTogether_andNothingIsStored() async throws {
        let rosa = try await partner()
        let notAnImage = ScreenshotUpload(bytes: Data("hello".utf8), fileName: "a.png", confirmedNoPatientData: false)
        await #expect {
            _ = try await services.incidents.raise(
                draft("User 401 023 2137 loops"), screenshots: [notAnImage], by: rosa)
        } throws: { error in
            Set((error as? ValidationFailure)?.issues.map(\.field) ?? [])
                == ["description", "screenshot", "confirmNoPatientData"]
        }
        let named = ScreenshotUpload(
            bytes: Data(ScreenshotTestImages.png()), fileName: "surname: Smith.png", confirmedNoPatientData: true)
        await #expect {
            _ = try await services.incidents.raise(draft(), screenshots: [named], by: rosa)
        } throws: { error in
            (error as? ValidationFailure)?.issues.map(\.field) == ["fileName"]
        }
        #expect(try await services.incidents.list(IncidentQuery(now: services.clock.now()), as: staff).views.isEmpty)
    }

    @Test func aGoodScreenshot_isStoredWithTheIncident_inItsTimeline() async throws {
        let rosa = try await partner()
        let upload = ScreenshotUpload(
            bytes: Data(ScreenshotTestImages.png()), fileName: "loop.png", confirmedNoPatientData: true)
        guard case .created(let view, _) = try await services.incidents.raise(draft(), screenshots: [upload], by: rosa)
        else {
            Issue.record("not created")
            return
        }
        let attachments = try await services.incidents.attachments(of: view.incident.id, as: rosa)
        #expect(attachments.map(\.fileName) == ["loop.png"])
        let history = try await services.incidents.history(view.incident.id, as: rosa)
        #expect(history.map(\.kind) == [.raised, .attachment(fileName: "loop.png")])
    }

    @Test func anIncidentKeepsAtMostItsQuotaOfScreenshots() async throws {
        let rosa = try await partner()
        guard case .created(let view, _) = try await services.incidents.raise(draft(), by: rosa) else {
            Issue.record("not raised")
            return
        }
        let limit = ScreenshotLimits.default.perIncident
        for index in 0..<limit {
            _ = try await services.incidents.attach(
                view.incident.id, bytes: Data(ScreenshotTestImages.png()), fileName: "s\(index).png",
                confirmedNoPatientData: true, by: rosa)
        }
        await #expect {
            _ = try await services.incidents.attach(
                view.incident.id, bytes: Data(ScreenshotTestImages.png()), fileName: "one-more.png",
                confirmedNoPatientData: true, by: rosa)
        } throws: { error in
            (error as? ValidationFailure)?.issues.map(\.code) == ["quota_exceeded"]
        }
        #expect(try await services.incidents.attachments(of: view.incident.id, as: rosa).count == limit)
    }

    @Test func theByteQuota_countsWhatIsKept() throws {
        let limits = ScreenshotLimits(perIncident: 5, bytesPerIncident: 1_000)
        let kept = Attachment(
            id: .init(UUID()), incidentID: .init(UUID()), fileName: "a.png", format: .png, byteCount: 900, width: 1,
            height: 1, contentHash: "h", removedMetadata: [], uploadedAt: Date(), uploadedBy: "r",
            confirmedNoPatientData: true)
        #expect(throws: Never.self) { try limits.checkQuota(existing: [kept], adding: 100, field: "file") }
        #expect(throws: ValidationFailure.self) { try limits.checkQuota(existing: [kept], adding: 101, field: "file") }
    }
}
