/// Everything a caller can ask PartnerDesk to do. Every route declares exactly one of these, and
/// ``AccessPolicy`` decides whether the caller may do it.
public enum AccessAction: String, CaseIterable, Hashable, Sendable {
    /// Read a partner organisation's details.
    case readPartner = "partner.read"
    /// Read incidents and their public history.
    case readIncident = "incident.read"
    /// Raise a new incident.
    case raiseIncident = "incident.raise"
    /// Correct the fields of an incident's required data set.
    case updateIncident = "incident.update"
    /// Add a comment the partner can see.
    case commentOnIncident = "incident.comment"
    /// Answer the desk when it is awaiting information.
    case provideInformation = "incident.provide_information"
    /// Read and write notes only staff can see.
    case internalNotes = "incident.internal_notes"
    /// Receive, assign severity, forward, await, resolve, link, respond, close or reopen.
    case triageIncident = "incident.triage"
    /// Upload a screenshot to an incident.
    case attachScreenshot = "incident.attach"
    /// Page and filter the audit log.
    case readAuditLog = "audit.read"
    /// Create, list and revoke API tokens (an organisation's own, or any for administrators).
    case manageTokens = "token.manage"
    /// Invite, list and disable users and change their roles (an organisation's own, or any for administrators).
    case manageUsers = "user.manage"
    /// Add, list, rotate the secrets of and remove webhook endpoints (an organisation's own, or any for
    /// administrators).
    case manageWebhooks = "webhook.manage"
    /// Choose which notifications one receives (a signed-in person, for themselves).
    case manageOwnNotifications = "notification.preferences"
    /// See the outbox and retry or discard its dead letters.
    case manageOutbox = "outbox.manage"
    /// Read problem records, published or not, and their ranking.
    case readProblems = "problem.read"
    /// Record problems, move them through their states and link incidents to them.
    case manageProblems = "problem.manage"
    /// Approve a problem's public summary and publish or withdraw it on the problems-and-fixes page.
    case publishProblems = "problem.publish"
    /// Read Higher Severity Service Incidents (a partner: those affecting it) and their timelines.
    case readHSSI = "hssi.read"
    /// Declare an HSSI, from an incident or directly.
    case declareHSSI = "hssi.declare"
    /// Take the partner's part in an HSSI: identify and notify, assess, post status updates, acknowledge and
    /// join the Multi-Party Intervention.
    case respondToHSSI = "hssi.respond"
    /// Run an HSSI as the Service Bridge: prioritise, notify, engage DevOps, convene the intervention,
    /// communicate with partners, resolve and close.
    case runHSSI = "hssi.run"
    /// Keep a partner's HSSI manager rota.
    case manageHSSIRota = "hssi.rota"
    /// Read sprints, releases, integration notices and their approvals, internal reasons included.
    case readReleases = "release.read"
    /// Plan sprints and send their digests, send integration-environment notices, plan releases, publish their
    /// notes, re-plan them and mark them released or rolled back.
    case manageReleases = "release.manage"
    /// Approve a release, or hold it as unsafe, for the assurance levels one decides for.
    case approveReleases = "release.approve"
    /// Keep the assurance levels and who decides for each.
    case manageApprovalLevels = "release.levels"
    /// Read the change notices addressed to one's organisation and the approvals asked of it.
    case readChangeNotices = "change.read"
    /// Acknowledge an integration-environment notice and sign its testing off.
    case respondToChangeNotice = "change.respond"
    /// Approve a major change for one's organisation, or hold it as unsafe.
    case approveChangeAsPartner = "change.approve"
    /// Read availability against the service level, with the outages and maintenance behind it (a partner:
    /// its own, in partners' words; staff: every partner's, with internal notes).
    case readServiceLevels = "service_level.read"
    /// Record, correct and close outages (by hand or from monitoring), and plan and announce maintenance.
    case manageOutages = "outage.manage"
    /// Keep the platform's components and the monitoring labels that map alerts to them.
    case manageComponents = "service_level.components"
    /// Choose the components one's organisation uses, so that it hears only of their outages and maintenance
    /// (an organisation's own, or any for administrators).
    case chooseComponents = "component.choose"
    /// Import the bank holidays the business calendars skip, replaying every running clock.
    case manageBankHolidays = "calendar.holidays"
    /// Read service requests (a partner's people: their organisation's own).
    case readServiceRequests = "service_request.read"
    /// Make service requests for one's organisation, answer what the desk asks, comment, and withdraw them.
    case raiseServiceRequests = "service_request.raise"
    /// Work service requests on the service desk: accept, ask the partner, fulfil or decline, internal notes.
    case workServiceRequests = "service_request.work"
    /// Change a service request at all: whoever makes or works them (each change then needs the side's own
    /// action, ``raiseServiceRequests`` or ``workServiceRequests``).
    case updateServiceRequest = "service_request.update"
    /// Keep partners' details, review their onboarding evidence, move their status, and record early-live
    /// check-ins.
    case managePartners = "partner.manage"
    /// Change a partner's contacts (a partner's administrators: their organisation's own).
    case editPartnerContacts = "partner.contacts"
    /// Give one's organisation's onboarding evidence.
    case giveEvidence = "partner.evidence"
    /// Mark an action agreed with a partner (at a check-in or a review) done: service management, or the
    /// partner's administrators for their own organisation.
    case completePartnerActions = "partner.actions"

    /// Whether the action only reads.
    public var isReadOnly: Bool {
        switch self {
        case .readPartner, .readIncident, .readAuditLog, .readProblems, .readHSSI, .readReleases, .readChangeNotices,
            .readServiceLevels, .readServiceRequests:
            true
        default: false
        }
    }
}
