import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import PartnerDeskTestSupport
import Testing
import VaporTesting

@testable import PartnerDeskWeb

/// The records the access tables' rows act on: Wellpath's (`own`), CareBridge's (`other`) and the platform's
/// (`staff`), and a token for every caller column. Records a request uses up (a removed endpoint or rota entry,
/// a retried dead letter) are made afresh for each request.
struct AccessFixtures {
    let api: APIHarness
    /// Token secrets by the table's caller names.
    var callers: [String: String] = [:]
    /// Record ids by path parameter and owner.
    var records: [String: [String: String]] = [:]
    /// The problem the merge route merges into.
    var keeper = ""
    let administrator = Principal(
        credential: .user(.init(UUID())), displayName: "Admin", role: .administrator, partnerID: nil, scope: .write)

    init(_ api: APIHarness) async throws {
        self.api = api
        let services = api.services
        let wellpath = try #require(try await services.tokens.authenticate(api.tokens["wellpath"]!))
        let carebridge = try #require(try await services.tokens.authenticate(api.tokens["carebridge"]!))
        let columns: [(String, Role, TokenScope)] = [
            ("rep", .partnerReporter, .write), ("rep-ro", .partnerReporter, .read),
            ("hssi", .partnerHSSIManager, .write), ("padm", .partnerAdministrator, .write),
            ("padm-ro", .partnerAdministrator, .read), ("fl", .firstLineAgent, .write),
            ("dev", .devOpsEngineer, .write), ("bri", .serviceBridgeOperator, .write),
            ("pm", .problemManager, .write), ("rel", .releaseManager, .write), ("apr", .assuranceApprover, .write),
            ("svc", .serviceManager, .write),
            ("adm", .administrator, .write), ("adm-ro", .administrator, .read),
        ]
        for (name, role, scope) in columns {
            callers[name] = try await services.tokens.create(
                name: name, partnerCode: role.isPartnerRole ? PartnerCode("WELLPATH") : nil, role: role,
                scope: scope
            ).secret
        }
        let (own, _) = try await api.raiseIncident()
        let raised = try await api.send(
            .POST, "api/v1/incidents", as: "carebridge",
            json: APIHarness.incidentJSON().replacingOccurrences(of: "wellpath-gp", with: "carebridge-records"))
        let other = try #require(raised.json["id"] as? String)
        records["incidentID"] = ["own": own, "other": other]
        var attachments: [String: String] = [:]
        for (owner, incident, by) in [("own", own, wellpath), ("other", other, carebridge)] {
            attachments[owner] = try await services.incidents.attach(
                Incident.ID(uuidString: incident)!, bytes: Data(ScreenshotTestImages.png()), fileName: "a.png",
                confirmedNoPatientData: true, by: by
            ).id.description
        }
        records["attachmentID"] = attachments
        var tokens: [String: String] = [:]
        var users: [String: String] = [:]
        for (owner, partner, role) in [
            ("own", "WELLPATH", Role.partnerReporter), ("other", "CAREBRIDGE", .partnerReporter),
            ("staff", nil, .devOpsEngineer),
        ] {
            tokens[owner] = try await services.tokens.create(
                name: "spare \(owner)", partnerCode: partner.flatMap(PartnerCode.init),
                role: partner == nil ? role : nil
            ).token.id.description
            users[owner] = try await services.accounts.add(
                email: "\(owner)@people.example", name: "Person \(owner)", role: role,
                partnerCode: partner.flatMap(PartnerCode.init)
            ).user.id.description
        }
        records["tokenID"] = tokens
        records["userID"] = users
        var hssis: [String: String] = [:]
        var hssiReferences = ["missing": "HSSI-999999"]
        for (owner, by) in [("own", wellpath), ("other", carebridge)] {
            let hssi = try await services.hssis.declare(
                HSSIDeclarationDraft(
                    title: "Wrong record shown", description: "Users saw other records",
                    occurredAt: ISO8601Instant.string(from: api.clock.now()), severity: 1, category: "other"),
                by: by
            ).hssi
            hssis[owner] = hssi.id.description
            hssiReferences[owner] = hssi.reference.description
        }
        records["hssiID"] = hssis
        records["hssiReference"] = hssiReferences
        let manager = Principal(
            credential: .user(.init(UUID())), displayName: "Pat", role: .problemManager, partnerID: nil,
            scope: .write)
        let problem = try await services.problems.record(
            ProblemDraft(title: "Loop", description: "Loops", severity: 3, origin: nil), by: manager
        ).problem
        records["problemID"] = ["staff": problem.id.description]
        records["problemReference"] = ["staff": problem.reference.description, "missing": "PRB-999998"]
        keeper = try await services.problems.record(
            ProblemDraft(title: "Loop too", description: "Loops", severity: 3, origin: nil), by: manager
        ).problem.id.description
        let published = try await services.problems.record(
            ProblemDraft(title: "Published", description: "Known", severity: 3, origin: nil), by: manager
        ).problem
        _ = try await services.problems.publish(
            published.id, summary: "Sign-in can loop.", expectedVersion: published.version, by: manager)
        records["reference"] = ["staff": published.reference.description, "missing": "PRB-999999"]
        try await addReleaseRecords()
        try await addServiceLevelRecords()
        try await addServiceRequests(by: wellpath, carebridge)
        try await addPartnerJourneys()
    }

    /// A sprint with a major change for each partner, a release of the platform's, one that needs Wellpath's
    /// approval (`own`) and one that needs CareBridge's (`other`), and a notice sent to each.
    private mutating func addReleaseRecords() async throws {
        let releases = api.services.releases
        let manager = Principal(
            credential: .user(.init(UUID())), displayName: "Rita", role: .releaseManager, partnerID: nil,
            scope: .write)
        let sprint = try await releases.planSprint(
            SprintDraft(
                number: 1, startsOn: "2026-12-07",
                features: ["WELLPATH", "CAREBRIDGE"].map {
                    SprintFeatureDraft(
                        title: "Change for \($0)", description: "Words.", services: ["Sign-in"], impact: "major",
                        affectedPartners: [$0])
                }), by: manager)
        // A missing feature is looked for in a sprint that exists.
        records["sprintID"] = ["staff": sprint.sprint.id.description, "own": sprint.sprint.id.description]
        records["featureID"] = ["staff": sprint.sprint.features[0].id.description]
        var ids: [String: String] = [:]
        for (owner, feature) in [
            ("staff", nil), ("own", sprint.sprint.features[0]), ("other", sprint.sprint.features[1]),
        ] {
            guard
                case .created(let view, _) = try await releases.planRelease(
                    ReleaseDraft(
                        name: "2030.1.\(ids.count)", summary: "Changes.", plannedAt: "2030-01-01T19:00:00Z",
                        features: feature.map { [$0.id.description] }), by: manager)
            else { throw ServiceError.notFound }
            ids[owner] = view.release.id.description
        }
        records["releaseID"] = ids
        let published = try await releases.publishNotes(
            Release.ID(uuidString: ids["staff"]!)!, expectedVersion: 1, by: manager)
        records["name"] = ["staff": published.release.name]
        var notices: [String: String] = [:]
        for (owner, partner) in [("own", "WELLPATH"), ("other", "CAREBRIDGE")] {
            guard
                case .created(let notice, _) = try await releases.createNotice(
                    IntegrationNoticeDraft(
                        title: "Test it", description: "Words.", availableFrom: "2026-12-14", partners: [partner]),
                    by: manager)
            else { throw ServiceError.notFound }
            notices[owner] = try await releases.sendNotice(notice.id, expectedVersion: 1, by: manager).id.description
        }
        records["noticeID"] = notices
        records["code"] = ["staff": "clinical_safety"]
    }

    /// A service request of Wellpath's (`own`) and one of CareBridge's (`other`).
    private mutating func addServiceRequests(by wellpath: Principal, _ carebridge: Principal) async throws {
        var requests: [String: String] = [:]
        for (owner, by) in [("own", wellpath), ("other", carebridge)] {
            requests[owner] = try await api.services.serviceRequests.submit(
                ServiceRequestDraft(
                    type: "redirect_change", title: "Add an address",
                    answers: ["environment": "production", "clientID": "gp", "add": "https://a.example/cb"]),
                by: by
            ).request.id.description
        }
        records["serviceRequestID"] = requests
    }

    /// Wellpath (`own`) and CareBridge (`other`) moved to early live, each with a check-in and an open action,
    /// and a service review scheduled.
    private mutating func addPartnerJourneys() async throws {
        var actions: [String: String] = [:]
        var reviews: [String: String] = [:]
        for (owner, partner) in [("own", "WELLPATH"), ("other", "CAREBRIDGE")] {
            let journeys = api.services.journeys
            let moved = try await journeys.move(
                partner, to: "early_live", reason: "Fixture",
                plan: CheckInPlan(first: .daily, firstWeeks: 2, then: .weekly),
                expectedVersion: 1, by: administrator)
            let today = moved.today.description
            let recorded = try await journeys.recordCheckIn(
                partner,
                CheckIn.Draft(
                    heldOn: today, notes: "Steady.",
                    actions: [.init(text: "Send the rota", owner: partner, dueOn: today)]),
                expectedVersion: moved.journey.version, by: administrator)
            actions[owner] = try #require(recorded.journey.currentEarlyLive?.openActions.first).id.uuidString
            let scheduled = try await journeys.scheduleReview(
                partner,
                ServiceReview.Draft(
                    startsAt: "2031-01-14T10:00:00Z", endsAt: "2031-01-14T11:00:00Z", location: "Video call",
                    agenda: ["Figures"], attendees: [.init(name: "Sam", organisation: "Platform")]),
                expectedVersion: recorded.journey.version, by: administrator)
            reviews[owner] = try #require(scheduled.journey.reviews.last).id.uuidString
        }
        records["actionID"] = actions
        records["reviewID"] = reviews
    }

    /// An outage affecting only Wellpath (`own`), one affecting only CareBridge (`other`), and a maintenance
    /// window of the platform's.
    private mutating func addServiceLevelRecords() async throws {
        let levels = api.services.serviceLevels
        var outages: [String: String] = [:]
        for (owner, partner) in [("own", "WELLPATH"), ("other", "CAREBRIDGE")] {
            guard
                case .created(let outage, _) = try await levels.recordOutage(
                    OutageDraft(
                        component: "sign-in", startedAt: "2026-11-23T08:00:00Z", impact: "down", partners: [partner],
                        publicSummary: "Sign-in fails."), by: administrator)
            else { throw ServiceError.notFound }
            outages[owner] = outage.id.description
        }
        records["outageID"] = outages
        guard
            case .created(let window, _) = try await levels.planMaintenance(
                MaintenanceDraft(
                    components: ["sign-in"], startsAt: "2030-01-01T10:00:00Z", endsAt: "2030-01-01T11:00:00Z",
                    summary: "Upgrade."), by: administrator)
        else { throw ServiceError.notFound }
        records["maintenanceID"] = ["staff": window.window.id.description]
        records["partnerCode"] = ["own": "WELLPATH", "other": "CAREBRIDGE"]
    }

    /// The row's path with its parameters filled for the owner: every parameter names that owner's record,
    /// except that for `missing` the last one names nothing.
    func path(_ template: String, owner: String) async throws -> String {
        var components = template.split(separator: "/").map(String.init)
        var query = ""
        for (index, component) in components.enumerated() where component.hasPrefix(":") {
            let name = String(component.dropFirst())
            let isLast = !components[(index + 1)...].contains { $0.hasPrefix(":") }
            let partner = owner == "other" ? "CAREBRIDGE" : "WELLPATH"
            if owner == "missing" && isLast && name != "reference" {
                components[index] = UUID().uuidString
                continue
            }
            // `:reference` names an HSSI under /hssi, a problem on the staff pages and a published problem on
            // the public ones.
            let key =
                name != "reference"
                ? name
                : template.hasPrefix("/hssi/")
                    ? "hssiReference"
                    : template.hasPrefix("/staff/") ? "problemReference" : "reference"
            let lookup = owner == "missing" ? (name == "reference" ? "missing" : "own") : owner
            switch name {
            case "webhookID": components[index] = try await freshWebhook(partner)
            case "entryID":
                components[index] = try await freshRotaEntry(partner)
                // Staff name the partner whose rota it is; a partner's callers always mean their own.
                query = "?partner=\(partner)"
            case "messageID": components[index] = try await freshDeadLetter()
            default:
                components[index] = try #require(records[key]?[lookup], "no \(lookup) record for \(key)")
            }
        }
        if owner == "missing", template.hasPrefix("/api/v1/hssi-rota/") { query = "?partner=WELLPATH" }
        return "/" + components.joined(separator: "/") + query
    }

    /// The body with every id replaced and JSON keys in order, so answers about different records compare
    /// equal.
    func withoutIDs(_ body: String) -> String {
        var text = body
        if let object = try? JSONSerialization.jsonObject(with: Data(body.utf8)),
            let sorted = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        {
            text = String(decoding: sorted, as: UTF8.self)
        }
        return text.replacing(
            /[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}/, with: "ID")
    }

    private func freshWebhook(_ partner: String) async throws -> String {
        try await api.services.notifications.addWebhook(
            url: "https://hooks.\(partner.lowercased()).example/in", events: ["incident.received"],
            partnerCode: partner, as: administrator
        ).endpoint.id.uuidString
    }

    private func freshRotaEntry(_ partner: String) async throws -> String {
        try #require(
            try await api.services.hssis.addRotaEntry(
                partnerCode: partner, managerName: "Nina", email: "nina@\(partner.lowercased()).example",
                phone: nil, startsAt: "2026-11-26T00:00:00Z", endsAt: "2026-11-27T00:00:00Z", by: administrator
            ).entries.last
        ).id.uuidString
    }

    private func freshDeadLetter() async throws -> String {
        _ = try await freshWebhook("WELLPATH")
        let (id, etag) = try await api.raiseIncident()
        _ = try await api.send(
            .POST, "api/v1/incidents/\(id)/transitions", as: "firstLine",
            json: #"{"action":"receive","severity":3}"#, headers: [("If-Match", etag)])
        api.transports.failing(with: DeliveryFailure(retryable: false, reason: "410 gone"))
        _ = try await api.services.jobs.tick(now: api.clock.now())
        api.transports.failing(with: nil)
        return try #require(try await api.services.notifications.deadLetters(as: administrator).first).id
            .uuidString
    }
}
