import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import PartnerDeskTestSupport
import Testing
import VaporTesting

@testable import PartnerDeskWeb

/// Walks every registered route × every role × own partner / other partner / anonymous and compares the
/// answer with what ``AccessPolicy`` says: allowed callers are never turned away (401, 403, 404), refused
/// ones get 403, another partner's record answers 404 exactly like a missing one, and nobody gets in
/// without a token. Every response carries the security headers.
@Suite struct AccessMatrixTests {
    struct Caller {
        var name: String
        var token: String?
        var principal: Principal?
    }

    @Test func everyRoute_answersEveryCaller_asThePolicySays() async throws {
        try await APIHarness.run { api in
            let (incidentID, _) = try await api.raiseIncident()
            let png = ScreenshotTestImages.png()
            let attachment = try await api.services.incidents.attach(
                Incident.ID(uuidString: incidentID)!, bytes: Data(png), fileName: "a.png", confirmedNoPatientData: true,
                by: try await api.services.tokens.authenticate(api.tokens["wellpath"]!)!
            )
            // A Wellpath token for the revocation route to act on (revoking twice changes nothing).
            let spare = try await api.services.tokens.create(
                name: "spare", partnerCode: PartnerCode("WELLPATH"), role: nil)
            // A problem record for the problem routes to act on.
            let problem = try await api.services.problems.record(
                ProblemDraft(title: "Loop", description: "Loops", severity: 3, origin: nil),
                by: Principal(
                    credential: .user(.init(UUID())), displayName: "Pat", role: .problemManager, partnerID: nil,
                    scope: .write)
            ).problem
            // The problem the merge route merges into.
            let keeper = try await api.services.problems.record(
                ProblemDraft(title: "Loop too", description: "Loops", severity: 3, origin: nil),
                by: Principal(
                    credential: .user(.init(UUID())), displayName: "Pat", role: .problemManager, partnerID: nil,
                    scope: .write)
            ).problem
            // A Wellpath user for the user-management routes to act on.
            let person = try await api.services.accounts.add(
                email: "matrix@wellpath.example", name: "Matrix", role: .partnerReporter,
                partnerCode: PartnerCode("WELLPATH")
            ).user
            // An HSSI Wellpath declared, for the HSSI routes to act on.
            let hssi = try await api.services.hssis.declare(
                HSSIDeclaration(
                    title: "Wrong record shown", description: "Users saw other records",
                    occurredAt: ISO8601Instant.string(from: api.clock.now()), severity: 1, category: "other"),
                by: try #require(try await api.services.tokens.authenticate(api.tokens["wellpath"]!))
            ).hssi
            var callers = [Caller(name: "anonymous", token: nil, principal: nil)]
            for role in Role.allCases {
                let partners = role.isPartnerRole ? ["WELLPATH", "CAREBRIDGE"] : [nil]
                for partner in partners {
                    let issued = try await api.services.tokens.create(
                        name: "\(role.rawValue) \(partner ?? "staff")", partnerCode: partner.flatMap(PartnerCode.init),
                        role: role
                    )
                    let principal = try await api.services.tokens.authenticate(issued.secret)
                    callers.append(
                        Caller(
                            name: "\(role.rawValue)@\(partner ?? "staff")", token: issued.secret, principal: principal))
                }
            }
            let wellpath = try await api.services.partners.find(code: PartnerCode("WELLPATH")!)!.id
            let administrator = Principal(
                credential: .user(.init(UUID())), displayName: "Admin", role: .administrator, partnerID: nil,
                scope: .write)
            // Removing an endpoint or retrying a dead letter leaves nothing for the next caller to act on, so
            // each caller gets a fresh one.
            func freshWebhook() async throws -> String {
                try await api.services.notifications.addWebhook(
                    url: "https://hooks.wellpath.example/in", events: ["incident.received"], partnerCode: "WELLPATH",
                    as: administrator
                ).endpoint.id.uuidString
            }
            func freshDeadLetter() async throws -> String {
                _ = try await freshWebhook()
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
            func freshRotaEntry() async throws -> String {
                try #require(
                    try await api.services.hssis.addRotaEntry(
                        partnerCode: "WELLPATH", managerName: "Nina", email: "nina@wellpath.example", phone: nil,
                        startsAt: "2026-11-26T00:00:00Z", endsAt: "2026-11-27T00:00:00Z", by: administrator
                    ).entries.last
                ).id.uuidString
            }
            var checked = 0
            // Pages authenticate with session cookies, not tokens: PageTests covers them.
            let apiRoutes = api.app.routes.all.filter { $0.path.first?.description == "api" || $0.access == .public }
            for route in apiRoutes {
                let access = try #require(route.access, "\(route.description) declares no access")
                let pathTemplate = route.path.map { component -> String in
                    switch component {
                    case .parameter("incidentID"): incidentID
                    case .parameter("attachmentID"): attachment.id.description
                    case .parameter("tokenID"): spare.token.id.description
                    case .parameter("userID"): person.id.description
                    case .parameter("problemID"): problem.id.description
                    case .parameter("hssiID"): hssi.id.description
                    default: component.description
                    }
                }.joined(separator: "/")
                let ownsResource = [
                    PathComponent.parameter("incidentID"), .parameter("tokenID"), .parameter("userID"),
                    .parameter("webhookID"), .parameter("hssiID"), .parameter("entryID"),
                ].contains { route.path.contains($0) }
                // Listing and creating tokens, users and webhooks, and one's own preferences, act on the caller's
                // own organisation.
                let callerScoped = ["tokens", "users", "webhooks", "preferences", "hssi-rota"].contains {
                    route.path.last == .constant($0)
                }
                for caller in callers {
                    var path = pathTemplate
                    if route.path.contains(.parameter("webhookID")) {
                        path = path.replacingOccurrences(of: ":webhookID", with: try await freshWebhook())
                    }
                    if route.path.contains(.parameter("entryID")) {
                        path = path.replacingOccurrences(of: ":entryID", with: try await freshRotaEntry())
                    }
                    if route.path.contains(.parameter("messageID")) {
                        path = path.replacingOccurrences(of: ":messageID", with: try await freshDeadLetter())
                    }
                    var headers = HTTPHeaders([("If-Match", "\"1\""), ("Content-Type", "application/json")])
                    if let token = caller.token { headers.bearerAuthorization = BearerAuthorization(token: token) }
                    let body =
                        route.path.last == .constant("merge")
                        ? #"{"into":"\#(keeper.id)"}"# : Self.body(for: route)
                    var status: HTTPResponseStatus = .ok
                    var responseHeaders = HTTPHeaders()
                    try await api.app.testing().test(
                        route.method, path, headers: headers, body: ByteBuffer(string: body)
                    ) {
                        status = $0.status
                        responseHeaders = $0.headers
                    }
                    #expect(
                        responseHeaders.first(name: "Content-Security-Policy")?.contains("frame-ancestors 'none'")
                            == true)
                    #expect(responseHeaders.first(name: "X-Content-Type-Options") == "nosniff")
                    let label = "\(route.method) /\(path) as \(caller.name) → \(status.code)"
                    checked += 1
                    switch access {
                    case .public:
                        #expect(![401, 403].contains(status.code), "\(label)")
                    case .action(let action):
                        guard let principal = caller.principal else {
                            #expect(status == .unauthorized, "\(label)")
                            continue
                        }
                        let resource = ownsResource ? wellpath : callerScoped ? principal.partnerID : nil
                        switch AccessPolicy.decide(principal, action, resourcePartner: resource) {
                        case .allow: #expect(![401, 403, 404].contains(status.code), "\(label)")
                        case .denyOtherPartner: #expect(status == .notFound, "\(label)")
                        case .denyForbidden: #expect(status == .forbidden, "\(label)")
                        }
                    }
                }
            }
            #expect(checked == apiRoutes.count * 14)
        }
    }

    /// A body each route accepts from an allowed caller (so the answer reflects access, not a bad request).
    static func body(for route: Route) -> String {
        let path = route.path.map(\.description).joined(separator: "/")
        switch (route.method, path) {
        case (.POST, "api/v1/incidents"): return APIHarness.incidentJSON()
        case (.PATCH, "api/v1/incidents/:incidentID"): return #"{"errorType":"Loop"}"#
        case (.POST, "api/v1/incidents/:incidentID/transitions"): return #"{"action":"receive","severity":3}"#
        case (.POST, "api/v1/incidents/:incidentID/comments"): return #"{"text":"Any news?"}"#
        case (.POST, "api/v1/tokens"): return #"{"name":"Booking system","partner":"WELLPATH"}"#
        case (.POST, "api/v1/users"):
            return
                #"{"email":"new-\#(UUID().uuidString.prefix(8))@wellpath.example","name":"New","role":"partner_reporter","partner":"WELLPATH"}"#
        case (.PATCH, "api/v1/users/:userID"): return #"{"role":"partner_hssi_manager"}"#
        case (.POST, "api/v1/webhooks"):
            return #"{"url":"https://hooks.wellpath.example/in","events":["incident.received"],"partner":"WELLPATH"}"#
        case (.PUT, "api/v1/notifications/preferences"): return #"{"enabled":[]}"#
        case (.POST, "api/v1/problems"): return #"{"title":"Loop","description":"Loops","severity":3}"#
        case (.POST, "api/v1/problems/:problemID/status"): return #"{"status":"investigating"}"#
        case (.PUT, "api/v1/problems/:problemID/publication"): return #"{"summary":"Sign-in can loop."}"#
        case (.POST, "api/v1/problems/:problemID/resolutions"): return #"{"kind":"fix"}"#
        case (.POST, "api/v1/hssis"):
            return
                #"{"partner":"WELLPATH","title":"Wrong record","description":"Shown","occurredAt":"2026-11-23T08:00:00Z","severity":1,"category":"other"}"#
        case (.POST, "api/v1/hssis/:hssiID/steps"): return #"{"step":"identify"}"#
        case (.POST, "api/v1/hssis/:hssiID/assessments"): return #"{"severity":1,"category":"other"}"#
        case (.POST, "api/v1/hssis/:hssiID/intervention"): return #"{"joiningDetails":"Call 0300 555 0100"}"#
        case (.POST, "api/v1/hssis/:hssiID/communications"): return #"{"message":"Fix under way"}"#
        case (.POST, "api/v1/hssis/:hssiID/updates"):
            return
                #"{"currentImpact":"Some","usersAffected":"3","actionsTaken":"Cache cleared","nextUpdateDue":"2030-01-01T00:00:00Z"}"#
        case (.POST, "api/v1/hssi-rota"):
            return
                #"{"partner":"WELLPATH","managerName":"Mo","email":"mo@wellpath.example","startsAt":"2026-11-26T00:00:00Z","endsAt":"2026-11-27T00:00:00Z"}"#
        default: return ""
        }
    }
}
