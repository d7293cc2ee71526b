import Vapor

/// Every page's address, spelled once: routes are registered with ``pathComponents`` (a record's place as a
/// named parameter) and links and redirects are built with ``path`` (the record's id or reference in that
/// place). A test renders every page and checks that every link and form on it resolves to a route.
enum SiteURL: Sendable, Equatable {
    /// A record's place in a path: ``key`` when registering the route, ``value(_:)`` in a link.
    enum Parameter: Sendable, Equatable {
        case key
        case value(String)
    }

    /// The steps of a problem record taken from its page.
    enum ProblemStep: String, Sendable, CaseIterable {
        case status, publication, withdrawal, merge, resolutions
    }

    /// The steps of a release taken from its page.
    enum ReleaseStep: String, Sendable, CaseIterable {
        case contents, notes, decisions, plan, release, rollback
    }

    /// The steps of an HSSI taken from its page.
    enum HSSIStep: String, Sendable, CaseIterable {
        case steps, assessments, intervention, answers, updates, communications
    }

    case home
    case signIn, signInCode, signOut, password
    case audit
    case newIncident, incidents
    case incident(Parameter)
    case incidentTransitions(Parameter)
    case incidentComments(Parameter)
    case incidentAttachments(Parameter)
    case attachment(Parameter, Parameter)
    case people
    case personRole(Parameter)
    case personDisable(Parameter)
    case tokens
    case tokenRevoke(Parameter)
    case notifications, webhooks
    case webhookRotation(Parameter)
    case webhookRemoval(Parameter)
    case outbox
    case outboxRetry(Parameter)
    case outboxDiscard(Parameter)
    case staffProblems, newProblem
    case staffProblem(Parameter)
    case problemStep(Parameter, ProblemStep)
    case hssiList, newHSSI
    case hssi(Parameter)
    case hssiTimelineCSV(Parameter)
    case hssiStep(Parameter, HSSIStep)
    case rota
    case rotaRemoval(Parameter)
    case problems, problemsJSON, problemsAtom
    case publicProblem(Parameter)
    case serviceUpdates, serviceUpdatesJSON, serviceUpdatesAtom, serviceUpdatesCalendar
    case status, statusJSON, statusAtom, statusCalendar
    case serviceLevels, outages, maintenance, components, componentChoice
    case serviceReports, serviceReportCSV, serviceReportPDF
    case bankHolidays, bankHolidayPreview
    case outage(Parameter)
    case outageEnd(Parameter)
    case maintenanceAnnouncement(Parameter)
    case publicRelease(Parameter)
    case releases, sprints, notices
    case sprint(Parameter)
    case sprintFeatures(Parameter)
    case sprintFeatureRemoval(Parameter, Parameter)
    case sprintSchedule(Parameter)
    case sprintDigest(Parameter)
    case sprintDigestDecisions(Parameter)
    case release(Parameter)
    case releaseStep(Parameter, ReleaseStep)
    case notice(Parameter)
    case noticeSend(Parameter)
    case noticeDecisions(Parameter)
    case levelApprovers(Parameter)
    case changeNotices
    case changeNotice(Parameter)
    case changeNoticeAnswers(Parameter)
    case changeApproval(Parameter)
    case serviceRequests, newServiceRequest
    case serviceRequest(Parameter)
    case serviceRequestActions(Parameter)
    case serviceRequestNotes(Parameter)
    case partners
    case partner(Parameter)
    case partnerDetails(Parameter)
    case partnerContacts(Parameter)
    case partnerJourney(Parameter)
    case partnerJourneyStep(Parameter, PartnerJourneyStep)
    case partnerActionDone(Parameter, Parameter)
    case partnerReviews(Parameter)
    case partnerReviewCadence(Parameter)
    case partnerReview(Parameter, Parameter)
    case partnerReviewStep(Parameter, Parameter, ReviewStep)

    /// What is done to one service review from its page.
    enum ReviewStep: String, CaseIterable {
        case minutes, cancel
        case invitation = "invitation.ics"
    }

    /// The forms of a partner's onboarding page.
    enum PartnerJourneyStep: String, CaseIterable {
        case evidence, reviews, moves
        case checkIns = "check-ins"
    }

    /// Every page address, parameters as keys, for the test that holds them to the registered routes.
    static var all: [SiteURL] {
        [
            .home, .signIn, .signInCode, .signOut, .password, .audit, .newIncident, .incidents, .incident(.key),
            .incidentTransitions(.key), .incidentComments(.key), .incidentAttachments(.key), .attachment(.key, .key),
            .people, .personRole(.key), .personDisable(.key), .tokens, .tokenRevoke(.key), .notifications, .webhooks,
            .webhookRotation(.key), .webhookRemoval(.key), .outbox, .outboxRetry(.key), .outboxDiscard(.key),
            .staffProblems, .newProblem, .staffProblem(.key), .hssiList, .newHSSI, .hssi(.key), .hssiTimelineCSV(.key),
            .rota, .rotaRemoval(.key), .problems, .problemsJSON, .problemsAtom, .publicProblem(.key),
            .serviceUpdates, .serviceUpdatesJSON, .serviceUpdatesAtom, .serviceUpdatesCalendar, .publicRelease(.key),
            .status, .statusJSON, .statusAtom, .statusCalendar, .serviceLevels, .outages, .maintenance, .components,
            .componentChoice, .serviceReports, .serviceReportCSV, .serviceReportPDF, .bankHolidays, .bankHolidayPreview,
            .outage(.key), .outageEnd(.key),
            .maintenanceAnnouncement(.key),
            .releases, .sprints, .notices, .sprint(.key), .sprintFeatures(.key),
            .sprintFeatureRemoval(.key, .key), .sprintSchedule(.key), .sprintDigest(.key),
            .sprintDigestDecisions(.key), .release(.key), .notice(.key), .noticeSend(.key), .noticeDecisions(.key),
            .levelApprovers(.key), .changeNotices, .changeNotice(.key), .changeNoticeAnswers(.key),
            .changeApproval(.key), .serviceRequests, .newServiceRequest, .serviceRequest(.key),
            .serviceRequestActions(.key), .serviceRequestNotes(.key), .partners, .partner(.key),
            .partnerDetails(.key), .partnerContacts(.key), .partnerJourney(.key), .partnerActionDone(.key, .key),
            .partnerReviews(.key), .partnerReviewCadence(.key), .partnerReview(.key, .key),
        ] + PartnerJourneyStep.allCases.map { .partnerJourneyStep(.key, $0) }
            + ReviewStep.allCases.map { .partnerReviewStep(.key, .key, $0) }
            + ProblemStep.allCases.map { .problemStep(.key, $0) } + HSSIStep.allCases.map { .hssiStep(.key, $0) }
            + ReleaseStep.allCases.map { .releaseStep(.key, $0) }
    }

    /// The path of a link or a redirect (every parameter given).
    var path: String {
        "/" + segments.map { segment in segment.value ?? ":\(segment.name)" }.joined(separator: "/")
    }

    /// The path with a query string (`?name=value&…`, encoded), for redirects that say what happened.
    func path(query: [(String, String)]) -> String {
        var components = URLComponents()
        components.path = path
        components.queryItems = query.map { URLQueryItem(name: $0.0, value: $0.1) }
        return components.string ?? path
    }

    /// The route's path, every parameter named.
    var pathComponents: [PathComponent] {
        segments.map { segment in segment.isParameter ? .parameter(segment.name) : .constant(segment.name) }
    }

    private struct Segment {
        /// The constant, or the parameter's name.
        var name: String
        var isParameter = false
        var value: String?

        static func constant(_ name: String) -> Segment { Segment(name: name, value: name) }

        static func parameter(_ name: String, _ given: Parameter) -> Segment {
            switch given {
            case .key: Segment(name: name, isParameter: true, value: nil)
            case .value(let value): Segment(name: name, isParameter: true, value: value)
            }
        }
    }

    private var segments: [Segment] {
        let c = Segment.constant
        let p = Segment.parameter
        switch self {
        case .home: return []
        case .signIn: return [c("sign-in")]
        case .signInCode: return [c("sign-in"), c("code")]
        case .signOut: return [c("sign-out")]
        case .password: return [c("account"), c("password")]
        case .audit: return [c("admin"), c("audit")]
        case .newIncident: return [c("incidents"), c("new")]
        case .incidents: return [c("incidents")]
        case .incident(let id): return [c("incidents"), p("incidentID", id)]
        case .serviceRequests: return [c("service-requests")]
        case .newServiceRequest: return [c("service-requests"), c("new")]
        case .serviceRequest(let id): return [c("service-requests"), p("serviceRequestID", id)]
        case .serviceRequestActions(let id): return [c("service-requests"), p("serviceRequestID", id), c("actions")]
        case .serviceRequestNotes(let id): return [c("service-requests"), p("serviceRequestID", id), c("notes")]
        case .partners: return [c("partners")]
        case .partner(let code): return [c("partners"), p("partnerCode", code)]
        case .partnerDetails(let code): return [c("partners"), p("partnerCode", code), c("details")]
        case .partnerContacts(let code): return [c("partners"), p("partnerCode", code), c("contacts")]
        case .partnerJourney(let code): return [c("partners"), p("partnerCode", code), c("onboarding")]
        case .partnerJourneyStep(let code, let step):
            return [c("partners"), p("partnerCode", code), c("onboarding"), c(step.rawValue)]
        case .partnerReviews(let code): return [c("partners"), p("partnerCode", code), c("reviews")]
        case .partnerReviewCadence(let code):
            return [c("partners"), p("partnerCode", code), c("reviews"), c("cadence")]
        case .partnerReview(let code, let review):
            return [c("partners"), p("partnerCode", code), c("reviews"), p("reviewID", review)]
        case .partnerReviewStep(let code, let review, let step):
            return [c("partners"), p("partnerCode", code), c("reviews"), p("reviewID", review), c(step.rawValue)]
        case .partnerActionDone(let code, let action):
            return [
                c("partners"), p("partnerCode", code), c("onboarding"), c("actions"), p("actionID", action), c("done"),
            ]
        case .incidentTransitions(let id): return [c("incidents"), p("incidentID", id), c("transitions")]
        case .incidentComments(let id): return [c("incidents"), p("incidentID", id), c("comments")]
        case .incidentAttachments(let id): return [c("incidents"), p("incidentID", id), c("attachments")]
        case .attachment(let incident, let attachment):
            return [c("incidents"), p("incidentID", incident), c("attachments"), p("attachmentID", attachment)]
        case .people: return [c("organisation"), c("people")]
        case .personRole(let id): return [c("organisation"), c("people"), p("userID", id), c("role")]
        case .personDisable(let id): return [c("organisation"), c("people"), p("userID", id), c("disable")]
        case .tokens: return [c("organisation"), c("tokens")]
        case .tokenRevoke(let id): return [c("organisation"), c("tokens"), p("tokenID", id), c("revoke")]
        case .notifications: return [c("account"), c("notifications")]
        case .webhooks: return [c("organisation"), c("webhooks")]
        case .webhookRotation(let id): return [c("organisation"), c("webhooks"), p("webhookID", id), c("rotate")]
        case .webhookRemoval(let id): return [c("organisation"), c("webhooks"), p("webhookID", id), c("remove")]
        case .outbox: return [c("admin"), c("outbox")]
        case .outboxRetry(let id): return [c("admin"), c("outbox"), p("messageID", id), c("retry")]
        case .outboxDiscard(let id): return [c("admin"), c("outbox"), p("messageID", id), c("discard")]
        case .staffProblems: return [c("staff"), c("problems")]
        case .newProblem: return [c("staff"), c("problems"), c("new")]
        case .staffProblem(let reference): return [c("staff"), c("problems"), p("reference", reference)]
        case .problemStep(let reference, let step):
            return [c("staff"), c("problems"), p("reference", reference), c(step.rawValue)]
        case .hssiList: return [c("hssi")]
        case .newHSSI: return [c("hssi"), c("new")]
        case .hssi(let reference): return [c("hssi"), p("reference", reference)]
        case .hssiTimelineCSV(let reference): return [c("hssi"), p("reference", reference), c("timeline.csv")]
        case .hssiStep(let reference, let step): return [c("hssi"), p("reference", reference), c(step.rawValue)]
        case .rota: return [c("organisation"), c("hssi-rota")]
        case .rotaRemoval(let id): return [c("organisation"), c("hssi-rota"), p("entryID", id), c("remove")]
        case .problems: return [c("problems")]
        case .problemsJSON: return [c("problems.json")]
        case .problemsAtom: return [c("problems.atom")]
        case .publicProblem(let reference): return [c("problems"), p("reference", reference)]
        case .serviceUpdates: return [c("service-updates")]
        case .serviceUpdatesJSON: return [c("service-updates.json")]
        case .serviceUpdatesAtom: return [c("service-updates.atom")]
        case .serviceUpdatesCalendar: return [c("service-updates.ics")]
        case .status: return [c("status")]
        case .statusJSON: return [c("status.json")]
        case .statusAtom: return [c("status.atom")]
        case .statusCalendar: return [c("status.ics")]
        case .serviceLevels: return [c("service-levels")]
        case .outages: return [c("service-levels"), c("outages")]
        case .maintenance: return [c("service-levels"), c("maintenance")]
        case .components: return [c("service-levels"), c("components")]
        case .componentChoice: return [c("service-levels"), c("components"), c("choice")]
        case .bankHolidays: return [c("admin"), c("bank-holidays")]
        case .bankHolidayPreview: return [c("admin"), c("bank-holidays"), c("preview")]
        case .serviceReports: return [c("service-levels"), c("reports")]
        case .serviceReportCSV: return [c("service-levels"), c("reports.csv")]
        case .serviceReportPDF: return [c("service-levels"), c("reports.pdf")]
        case .outage(let id): return [c("service-levels"), c("outages"), p("outageID", id)]
        case .outageEnd(let id): return [c("service-levels"), c("outages"), p("outageID", id), c("end")]
        case .maintenanceAnnouncement(let id):
            return [c("service-levels"), c("maintenance"), p("maintenanceID", id), c("announcement")]
        case .publicRelease(let name): return [c("service-updates"), c("releases"), p("name", name)]
        case .releases: return [c("releases")]
        case .sprints: return [c("releases"), c("sprints")]
        case .notices: return [c("releases"), c("notices")]
        case .sprint(let id): return [c("releases"), c("sprints"), p("sprintID", id)]
        case .sprintFeatures(let id): return [c("releases"), c("sprints"), p("sprintID", id), c("features")]
        case .sprintFeatureRemoval(let id, let feature):
            return [
                c("releases"), c("sprints"), p("sprintID", id), c("features"), p("featureID", feature), c("removal"),
            ]
        case .sprintSchedule(let id): return [c("releases"), c("sprints"), p("sprintID", id), c("schedule")]
        case .sprintDigest(let id): return [c("releases"), c("sprints"), p("sprintID", id), c("digest")]
        case .sprintDigestDecisions(let id):
            return [c("releases"), c("sprints"), p("sprintID", id), c("digest"), c("decisions")]
        case .release(let id): return [c("releases"), p("releaseID", id)]
        case .releaseStep(let id, let step): return [c("releases"), p("releaseID", id), c(step.rawValue)]
        case .notice(let id): return [c("releases"), c("notices"), p("noticeID", id)]
        case .noticeSend(let id): return [c("releases"), c("notices"), p("noticeID", id), c("send")]
        case .noticeDecisions(let id): return [c("releases"), c("notices"), p("noticeID", id), c("decisions")]
        case .levelApprovers(let code): return [c("releases"), c("levels"), p("code", code), c("approvers")]
        case .changeNotices: return [c("change-notices")]
        case .changeNotice(let id): return [c("change-notices"), p("noticeID", id)]
        case .changeNoticeAnswers(let id): return [c("change-notices"), p("noticeID", id), c("answers")]
        case .changeApproval(let id): return [c("change-approvals"), p("releaseID", id)]
        }
    }
}

extension Request {
    /// A redirect (303 after a form, 302 otherwise, as Vapor's default) to a page.
    func redirect(to page: SiteURL) -> Response {
        redirect(to: page.path)
    }
}
