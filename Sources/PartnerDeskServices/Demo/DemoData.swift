import Foundation
import PartnerDeskDomain

/// The fictional organisations and people loaded by ``DemoDataService``. Every name, address and client id
/// is invented; the e-mail domains are reserved example domains.
enum DemoData {
    /// The one password every demo account shares. Demo data is for trying PartnerDesk out, never for a
    /// deployment that holds real records.
    static let password = "try-partnerdesk-demo"

    static let partners: [PartnerDraft] = [
        PartnerDraft(
            code: "WELLPATH", name: "Wellpath Digital", status: PartnerStatus.live.rawValue,
            services: [
                .init(name: "Wellpath GP Appointments", clientID: "wellpath-gp-appointments"),
                .init(name: "Wellpath Repeat Prescriptions", clientID: "wellpath-repeat-prescriptions"),
            ],
            contacts: [
                .init(
                    role: "primary", name: "Amira Shah", email: "amira.shah@wellpath.example", phone: "0113 496 0001"),
                .init(
                    role: "secondary", name: "Tom Baker", email: "tom.baker@wellpath.example", phone: "0113 496 0002"),
                .init(role: "escalation", name: "Grace Okafor", email: "grace.okafor@wellpath.example"),
                .init(
                    role: "hssi_manager", name: "Daniel Price", email: "hssi@wellpath.example", phone: "0113 496 0009"),
            ]
        ),
        PartnerDraft(
            code: "CAREBRIDGE", name: "CareBridge Health", status: PartnerStatus.earlyLive.rawValue,
            services: [.init(name: "CareBridge Care Records", clientID: "carebridge-care-records")],
            contacts: [
                .init(role: "primary", name: "Megan Lewis", email: "megan.lewis@carebridge.example"),
                .init(
                    role: "hssi_manager", name: "Owen Hughes", email: "on-call@carebridge.example",
                    phone: "029 2018 0000"),
            ],
            hoursOfOperation: "08:00-20:00"
        ),
        PartnerDraft(
            code: "MINDFUL", name: "Mindful Minutes", status: PartnerStatus.onboarding.rawValue,
            services: [.init(name: "Mindful Minutes Therapy", clientID: "mindful-minutes-therapy")],
            contacts: [.init(role: "primary", name: "Priya Nair", email: "priya.nair@mindful.example")]
        ),
        PartnerDraft(
            code: "OLDCLINIC", name: "Old Clinic Online", status: PartnerStatus.offboarded.rawValue,
            services: [.init(name: "Old Clinic Bookings", clientID: "old-clinic-bookings")],
            contacts: [.init(role: "primary", name: "Ian Ford", email: "ian.ford@oldclinic.example")]
        ),
    ]

    struct AccountSeed {
        var email: String
        var name: String
        var role: Role
        var partner: String?
    }

    /// What the demo partners wrote as onboarding evidence.
    static let evidence: [EvidenceRequirement: String] = [
        .incidentProcess:
            "Our support desk logs every user contact in our ticketing tool, triages it within one working day, "
            + "and raises an incident with the platform when sign-in or identity checks are at fault.",
        .problemRecords:
            "Repeated faults get a problem record in the same tool, owned by our head of engineering and "
            + "reviewed every fortnight.",
        .hssiManager: "Our on-call lead manages HSSIs; a weekly rota covers evenings and weekends.",
        .registrationContacts: "Primary, secondary and escalation contacts as on our registration form.",
    ]

    static let accounts: [AccountSeed] = [
        .init(email: "reporter@wellpath.example", name: "Rosa Reporter", role: .partnerReporter, partner: "WELLPATH"),
        .init(email: "hssi@wellpath.example", name: "Daniel Price", role: .partnerHSSIManager, partner: "WELLPATH"),
        .init(email: "admin@wellpath.example", name: "Ada Admin", role: .partnerAdministrator, partner: "WELLPATH"),
        .init(
            email: "reporter@carebridge.example", name: "Carl Reporter", role: .partnerReporter, partner: "CAREBRIDGE"),
        .init(
            email: "admin@carebridge.example", name: "Cara Admin", role: .partnerAdministrator, partner: "CAREBRIDGE"),
        .init(email: "admin@mindful.example", name: "Maya Admin", role: .partnerAdministrator, partner: "MINDFUL"),
        .init(email: "firstline@partnerdesk.example", name: "Fiona Firstline", role: .firstLineAgent),
        .init(email: "devops@partnerdesk.example", name: "Dev Patel", role: .devOpsEngineer),
        .init(email: "bridge@partnerdesk.example", name: "Bea Bridge", role: .serviceBridgeOperator),
        .init(email: "problems@partnerdesk.example", name: "Paul Problem", role: .problemManager),
        .init(email: "releases@partnerdesk.example", name: "Rita Release", role: .releaseManager),
        .init(email: "safety@partnerdesk.example", name: "Cal Safety", role: .assuranceApprover),
        .init(email: "service@partnerdesk.example", name: "Sam Service", role: .serviceManager),
        .init(email: "admin@partnerdesk.example", name: "Alex Admin", role: .administrator),
    ]
}

extension DemoData {
    /// Who raises the demo incidents and who works them.
    static let problemManager = "problems@partnerdesk.example"
    static let serviceManager = "service@partnerdesk.example"
    /// Wellpath's HSSI manager and the Service Bridge operator, who run the demo HSSI.
    static let hssiManager = "hssi@wellpath.example"
    static let serviceBridge = "bridge@partnerdesk.example"
    static let releaseManager = "releases@partnerdesk.example"
    static let assuranceApprover = "safety@partnerdesk.example"
    /// The problem the demo links an incident to, published for partners.
    static let problem = ProblemDraft(
        title: "Signed out early on some Android browsers",
        description: "Sessions end after a few minutes in some Android browsers that clear cookies aggressively.",
        severity: 3, origin: "incidents", errorCodes: ["S0201"],
        workaround: "Ask the user to allow cookies for the site, or to use Chrome.")
    static let problemSummary =
        "Some Android browsers end the session after a few minutes. Allowing cookies for the site, or using Chrome, avoids it while a fix is prepared."
    static let incidentReporter = "reporter@wellpath.example"
    static let incidentDesk = "firstline@partnerdesk.example"

    struct IncidentScenario {
        var draft: IncidentReportDraft
        /// How long ago it was raised.
        var hoursAgo: Int = 0
        /// Raised last month instead, so the monthly report has something to show: on the second Tuesday
        /// (plus `days`) at 09:00 UTC.
        var lastMonth: Int? = nil
        var steps: [IncidentTransitionDraft]
        /// The time between one step and the next.
        var stepSeconds: TimeInterval = 600
    }

    static func report(
        _ number: Int, _ type: IncidentType, _ errorType: String, _ description: String, _ device: DeviceType,
        _ os: String, _ version: String, codes: [String] = []
    ) -> IncidentReportDraft {
        IncidentReportDraft(
            service: number.isMultiple(of: 2) ? "wellpath-gp-appointments" : "wellpath-repeat-prescriptions",
            partnerReference: String(format: "DEMO-%02d", number), type: type.rawValue,
            occurredAt: "2026-01-05T09:00:00Z", userEmail: "user\(number)@example.org", errorType: errorType,
            description: description, deviceType: device.rawValue, operatingSystem: os, operatingSystemVersion: version,
            errorCodes: codes, checkedKnownProblems: true, suggestedSeverity: 3
        )
    }

    static let incidents: [IncidentScenario] = [
        // Last month's, for its service report: one met, one breached while DevOps worked on it, one handed to
        // the known problem, and one still open when the month ended.
        .init(
            draft: report(
                11, .accessingService, "Consent screen loops", "The consent screen is shown again after accepting.",
                .mobile, "iOS", "17.4"), lastMonth: 0,
            steps: [
                .init(action: "receive", severity: 3),
                .init(action: "resolve", resolution: "fix", note: "The consent record is now saved first time."),
            ], stepSeconds: 5 * 3_600),
        .init(
            draft: report(
                12, .accessingService, "Nobody can sign in to the GP service",
                "Every sign-in to the appointments service ends on an error page.", .pc, "Windows", "11",
                codes: ["E503"]), lastMonth: 0,
            steps: [
                .init(action: "receive", severity: 1), .init(action: "forward_to_devops"),
                .init(action: "resolve", resolution: "fix", note: "The expired certificate was replaced."),
            ], stepSeconds: 3 * 3_600),
        .init(
            draft: report(
                13, .other, "Signed out after a few minutes", "Users are signed out while reading their record.",
                .laptop, "macOS", "14.4"), lastMonth: 1,
            steps: [
                .init(action: "receive", severity: 2),
                .init(
                    action: "link_to_problem", problem: "PRB-000001",
                    note: "This matches a known problem with session lifetimes."),
            ], stepSeconds: 2 * 3_600),
        .init(
            draft: report(
                14, .provingIdentity, "Address lookup empty", "The address lookup finds no addresses for one postcode.",
                .tablet, "Android", "14"), lastMonth: 2,
            steps: [.init(action: "receive", severity: 1), .init(action: "forward_to_devops")]),
        .init(
            draft: report(
                1, .accessingService, "Sign-in loop",
                "After entering the security code the user is sent back to the start page.", .mobile, "iOS", "17.4.1",
                codes: ["P0042"]), hoursAgo: 1, steps: []),
        .init(
            draft: report(
                2, .provingIdentity, "Photo upload fails", "The passport photo upload spins and then times out.",
                .mobile, "Android", "14", codes: ["ID-UPLOAD-408"]), hoursAgo: 3,
            steps: [.init(action: "receive", severity: 3, note: "Received by the First Line Service Desk.")]),
        .init(
            draft: report(
                3, .connectedServiceUnavailable, "GP system not responding",
                "Appointments cannot be loaded after sign-in.", .pc, "Windows", "11"), hoursAgo: 30,
            steps: [
                .init(action: "receive", severity: 2),
                .init(action: "forward_to_devops", note: "Passed to DevOps for investigation."),
            ]),
        .init(
            draft: report(
                4, .accessingService, "Blank page", "A blank page is shown after the consent screen.", .laptop, "macOS",
                "14.5", codes: ["E500"]), hoursAgo: 6,
            steps: [
                .init(action: "receive", severity: 1), .init(action: "forward_to_devops"),
                .init(action: "start_investigating"),
            ]),
        .init(
            draft: report(
                5, .provingIdentity, "Code not received", "The user says the text message code never arrives.", .mobile,
                "iOS", "16.7"), hoursAgo: 8,
            steps: [
                .init(action: "receive", severity: 4),
                .init(
                    action: "await_partner", note: "Please send the time of the last attempt and the error code shown."),
            ]),
        .init(
            draft: report(
                6, .accessingService, "Redirect error", "The service shows an invalid redirect message.", .tablet,
                "iPadOS", "17.2", codes: ["invalid_request"]), hoursAgo: 50,
            steps: [
                .init(action: "receive", severity: 3),
                .init(
                    action: "resolve", resolution: "fix",
                    note: "The redirect address was corrected in the partner configuration."),
            ]),
        .init(
            draft: report(
                7, .other, "SignInSession ends early", "Users are signed out after a few minutes.", .pc, "Windows", "10"
            ),
            hoursAgo: 70,
            steps: [
                .init(action: "receive", severity: 4),
                .init(
                    action: "link_to_problem", problem: "PRB-000001",
                    note: "This matches a known problem with session lifetimes."),
            ]),
        .init(
            draft: report(
                8, .accessingService, "Wrong error message",
                "Users see 'try again later' instead of the locked-account message.", .laptop, "Ubuntu", "24.04"),
            hoursAgo: 100,
            steps: [
                .init(action: "receive", severity: 5),
                .init(
                    action: "resolve", resolution: "workaround",
                    note: "Ask the user to reset their password from the sign-in page."),
                .init(action: "respond", note: "Workaround sent to the partner."),
            ]),
        .init(
            draft: report(
                9, .provingIdentity, "Face scan rejected", "The face scan is rejected in good light.", .mobile,
                "Android", "13"), hoursAgo: 200,
            steps: [
                .init(action: "receive", severity: 3),
                .init(action: "resolve", resolution: "fix", note: "The matching threshold was adjusted."),
                .init(action: "respond"), .init(action: "close"),
            ]),
        .init(
            draft: report(
                10, .accessingService, "Loop returned", "The sign-in loop came back after the fix.", .mobile, "iOS",
                "17.5"), hoursAgo: 40,
            steps: [
                .init(action: "receive", severity: 2),
                .init(action: "resolve", resolution: "fix", note: "Cookie settings corrected."),
                .init(action: "reopen", note: "The partner reports the loop again."),
            ]),
    ]

    static func currentSprint(startingOn monday: LocalDate) -> SprintDraft {
        SprintDraft(
            number: 101, startsOn: monday.description, goal: "Clearer sign-in for people whose link expired.",
            features: [
                SprintFeatureDraft(
                    title: "Clearer expired-link messages",
                    description:
                        "When a sign-in link has expired, people are told so and offered a new one in one step.",
                    services: ["Sign-in"], impact: "minor"),
                SprintFeatureDraft(
                    title: "Identity level claim",
                    description: "Services that ask for it receive the level of identity checks a person has passed.",
                    services: ["Identity verification", "OpenID Connect"], impact: "major",
                    partnerAction: "Ask for the identity_level scope if your service needs it.",
                    affectedPartners: ["WELLPATH"]),
            ])
    }

    static func nextSprint(startingOn monday: LocalDate) -> SprintDraft {
        SprintDraft(
            number: 102, startsOn: monday.description,
            features: [
                SprintFeatureDraft(
                    title: "Faster passport photo checks",
                    description: "Photo checks take seconds rather than minutes.",
                    services: ["Identity verification"], impact: "none")
            ])
    }

    static func integrationNotice(feature: String, from day: LocalDate) -> IntegrationNoticeDraft {
        IntegrationNoticeDraft(
            title: "Identity level claim in integration",
            description: "Ask for the identity_level scope in the integration environment and check your service "
                + "reads the new claim.",
            feature: feature, availableFrom: day.description)
    }

    static func release(name: String, plannedAt: Date, summary: String, features: [String], problems: [String])
        -> ReleaseDraft
    {
        ReleaseDraft(
            name: name, summary: summary, plannedAt: ISO8601Instant.string(from: plannedAt), sprint: 101,
            features: features, problems: problems)
    }
}
