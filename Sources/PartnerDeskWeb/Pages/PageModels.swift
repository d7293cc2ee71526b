import PartnerDeskDomain
import PartnerDeskServices
import Vapor

/// Who is signed in, as the page header shows them.
struct SignedInHeader: Encodable {
    var name: String
    var role: String
    var csrf: String
    /// The site's sections this person may use, for the navigation bar.
    var canManageUsers: Bool
    var canManageTokens: Bool
    var canReadAudit: Bool
    var canManageWebhooks: Bool
    var canManageOutbox: Bool
    var canChooseNotifications: Bool
    var canReadProblems: Bool
    var canReadHSSI: Bool
    var canReadServiceRequests: Bool
    /// Staff follow every partner; a partner's people see their own organisation's page.
    var partnersLink: String
    var canReadReleases: Bool
    var canReadServiceLevels: Bool
    var canManageBankHolidays: Bool
    /// Partners' people read the change notices sent to their organisation.
    var canReadChangeNotices: Bool

    init(_ principal: Principal, csrf: String) {
        name = principal.displayName
        role = principal.role.label
        self.csrf = csrf
        func may(_ action: AccessAction) -> Bool {
            AccessPolicy.permits(principal, action)
        }
        canManageUsers = may(.manageUsers)
        canManageTokens = may(.manageTokens)
        canReadAudit = may(.readAuditLog)
        canManageWebhooks = may(.manageWebhooks)
        canManageOutbox = may(.manageOutbox)
        canChooseNotifications = may(.manageOwnNotifications)
        canReadProblems = may(.readProblems)
        canReadHSSI = may(.readHSSI)
        canReadServiceRequests = may(.readServiceRequests)
        partnersLink = principal.role.isPartnerRole ? "Your organisation" : "Partners"
        canReadReleases = may(.readReleases)
        canReadServiceLevels = may(.readServiceLevels)
        canManageBankHolidays = may(.manageBankHolidays)
        canReadChangeNotices = principal.role.isPartnerRole && may(.readChangeNotices)
    }
}

/// One line of a summary list: a label and its value.
struct LabelledValue: Encodable {
    var label: String
    var value: String
}

/// One choice of a `<select>`.
struct SelectOption: Encodable {
    var value: String
    var label: String
    var selected = false

    /// The partners to choose from by code, after a first "none" choice, with the one chosen selected.
    static func partners(_ partners: [Partner], none: String, selected: String?) -> [SelectOption] {
        [SelectOption(value: "", label: none)]
            + partners.map { SelectOption(value: $0.code.value, label: $0.name, selected: selected == $0.code.value) }
    }
}

/// One message in a page's error summary, linked to the field it is about.
struct PageError: Encodable {
    var field: String
    var anchor: String
    var message: String

    init(field: String, message: String) {
        self.field = field
        self.anchor = "#" + field
        self.message = message
    }
}

/// The sign-in page.
struct SignInPage: Encodable {
    var title = "Sign in"
    var csrf: String
    var email: String
    var notice: String?
    var errors: [PageError]
    var hasErrors: Bool

    init(csrf: String, email: String = "", notice: String? = nil, errors: [PageError] = []) {
        self.csrf = csrf
        self.email = email
        self.notice = notice
        self.errors = errors
        self.hasErrors = !errors.isEmpty
    }
}

/// The second sign-in step: the authenticator code.
struct SignInCodePage: Encodable {
    var title = "Enter your security code"
    var csrf: String
    var errors: [PageError]
    var hasErrors: Bool

    init(csrf: String, errors: [PageError] = []) {
        self.csrf = csrf
        self.errors = errors
        self.hasErrors = !errors.isEmpty
    }
}

/// The page reached from an invitation or reset link.
struct SetPasswordPage: Encodable {
    var title = "Choose your password"
    var csrf: String
    var token: String
    var errors: [PageError] = []
    var hasErrors: Bool

    init(csrf: String, token: String, errors: [PageError] = []) {
        self.csrf = csrf
        self.token = token
        self.errors = errors
        self.hasErrors = !errors.isEmpty
    }
}

/// The signed-in start page: the incidents the person may see, soonest due first, with filters and search.
struct HomePage: Encodable {
    struct Row: Encodable {
        var id: String
        var reference: String
        var partner: String
        /// The partner is early live: the desk keeps a closer eye on its incidents.
        var isEarlyLive: Bool
        var status: String
        var severity: String
        var due: String
        var slaText: String
        var slaClass: String
    }

    struct Filters: Encodable {
        var statuses: [SelectOption]
        var severities: [SelectOption]
        var partners: [SelectOption]
        var showPartners: Bool
        var breached: [SelectOption]
        var text: String
    }

    var title: String
    var signedIn: SignedInHeader
    var heading: String
    var summary: String
    var filters: Filters
    var errors: [PageError]
    var hasErrors: Bool
    var incidents: [Row]
    var hasIncidents: Bool
    var showPartner: Bool
    var nextPage: String?
    var canRaise: Bool
    var notice: String?

    /// Builds the page from the views; `now` and the zone decide how due times read. `form` holds the filter
    /// values as sent (so a refused one is shown back), `partners` the choices for staff.
    init(
        principal: Principal, csrf: String, views: [IncidentView], now: Date, form: [String: String],
        partners: [Partner], nextPage: String?, errors: [PageError] = [], notice: String? = nil
    ) {
        canRaise = AccessPolicy.permits(principal, .raiseIncident)
        self.notice = notice
        let partner = principal.role.isPartnerRole
        title = partner ? "Your incidents" : "Incident queue"
        signedIn = SignedInHeader(principal, csrf: csrf)
        heading = title
        summary =
            partner
            ? "Incidents raised by your organisation, soonest due first."
            : "Incidents from every partner, soonest due first, with the time left against each target."
        func options(_ name: String, _ choices: [(String, String)]) -> [SelectOption] {
            choices.map { SelectOption(value: $0.0, label: $0.1, selected: (form[name] ?? "") == $0.0) }
        }
        filters = Filters(
            statuses: options(
                "status", [("", "Any open status")] + IncidentStatus.allCases.map { ($0.rawValue, $0.label) }),
            severities: options("severity", [("", "Any")] + (1...5).map { ("\($0)", "Severity \($0)") }),
            partners: options("partner", [("", "All partners")] + partners.map { ($0.code.value, $0.name) }),
            showPartners: !partner,
            breached: options(
                "breached", [("", "Either"), ("true", "Target missed"), ("false", "Within target")]),
            text: form["q"] ?? ""
        )
        self.errors = errors
        hasErrors = !errors.isEmpty
        showPartner = !partner
        incidents = views.map { Row($0, now: now) }
        hasIncidents = !incidents.isEmpty
        self.nextPage = nextPage
    }
}

extension HomePage.Row {
    init(_ view: IncidentView, now: Date) {
        id = view.incident.id.description
        reference = view.incident.reference.description
        partner = view.partnerCode?.value ?? ""
        isEarlyLive = view.isEarlyLive
        status = view.incident.status.label
        severity = view.incident.severity.map { "Severity \($0.level)" } ?? "Not yet assessed"
        let dueDate = view.sla?.due ?? view.sla?.projectedDue
        due = dueDate.map(PageFormat.londonTime) ?? "Not started"
        (slaText, slaClass) = PageFormat.slaState(view.sla)
    }
}

/// A failed page request in words: the same status and explanation the API gives, with a way on.
struct ErrorPage: Encodable {
    var title: String
    var status: Int
    var detail: String
    var requestID: String?
    var errors: [String]

    init(_ problem: ProblemDetails) {
        status = problem.status
        requestID = problem.requestId
        errors = problem.errors?.map(\.message) ?? []
        switch problem.status {
        case 404:
            title = "Page not found"
            detail = "There is no such page or record, or it belongs to another organisation. Check the address."
        case 403:
            title = "You cannot do this"
            detail = "Your role does not allow this. Ask your organisation's PartnerDesk administrator if you need it."
        case 400..<500,
            503 where problem.detail != nil:
            // A refusal, or a part of the service that is not set up here (it says why).
            title = problem.title
            detail = problem.detail ?? "The request could not be accepted."
        default:
            title = "Sorry, something went wrong"
            detail =
                "Nothing you sent was lost or half-saved. Try again in a few minutes; if it keeps happening, contact the service desk and quote the reference below."
        }
    }
}
