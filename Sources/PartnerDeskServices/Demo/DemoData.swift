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
            ]
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

    static let accounts: [AccountSeed] = [
        .init(email: "reporter@wellpath.example", name: "Rosa Reporter", role: .partnerReporter, partner: "WELLPATH"),
        .init(email: "hssi@wellpath.example", name: "Daniel Price", role: .partnerHSSIManager, partner: "WELLPATH"),
        .init(email: "admin@wellpath.example", name: "Ada Admin", role: .partnerAdministrator, partner: "WELLPATH"),
        .init(
            email: "reporter@carebridge.example", name: "Carl Reporter", role: .partnerReporter, partner: "CAREBRIDGE"),
        .init(email: "firstline@partnerdesk.example", name: "Fiona Firstline", role: .firstLineAgent),
        .init(email: "devops@partnerdesk.example", name: "Dev Patel", role: .devOpsEngineer),
        .init(email: "bridge@partnerdesk.example", name: "Bea Bridge", role: .serviceBridgeOperator),
        .init(email: "problems@partnerdesk.example", name: "Paul Problem", role: .problemManager),
        .init(email: "releases@partnerdesk.example", name: "Rita Release", role: .releaseManager),
        .init(email: "service@partnerdesk.example", name: "Sam Service", role: .serviceManager),
        .init(email: "admin@partnerdesk.example", name: "Alex Admin", role: .administrator),
    ]
}
