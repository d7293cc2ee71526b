import Foundation
import PartnerDeskDomain
import Testing

/// Shared people, partners, calendars and records for the HSSI suites.
enum HSSIFixture {
    static let dana = HSSIActor(name: "Dana Price", role: "Partner HSSI manager")
    static let sam = HSSIActor(name: "Sam Okafor", role: "Service Bridge analyst")

    /// Open every second of every day.
    static let alwaysOpen = try! OperatingHours.alwaysOpen.makeCalendar(tableYears: 2025...2027)
    /// Monday to Friday 09:00–17:00 Europe/London, closed on England and Wales bank holidays.
    static let officeHours = OperatingHours(shortForm: "09:00-17:00")!
    static let office = try! officeHours.makeCalendar(tableYears: 2025...2027)

    static let primaryID = Partner.ID(UUID(uuidString: "00000000-0000-0000-0000-00000000000A")!)
    static let secondID = Partner.ID(UUID(uuidString: "00000000-0000-0000-0000-00000000000B")!)

    /// A partner with one contact for each of the given roles, named after the role ("Primary", "HSSI manager").
    static func partner(_ id: Partner.ID, roles: [PartnerContact.Role] = PartnerContact.Role.allCases) -> Partner {
        let contacts = roles.map {
            PartnerContact(
                role: $0, name: $0.label, email: EmailAddress("\($0.rawValue)@example.org")!, phone: "0113 496 0000")
        }
        return Partner(
            id: id, code: PartnerCode("P\(id.description.suffix(1).uppercased())X")!, name: "Partner", status: .live,
            tierID: "silver", services: [], contacts: contacts)
    }

    /// A newly declared HSSI affecting the primary partner and, when asked, a second one.
    static func declared(occurredAt: Date, now: Date? = nil, twoPartners: Bool = false) -> HigherSeverityIncident {
        try! HigherSeverityIncident(
            id: .init(UUID()), reference: HSSIReference(number: 1)!, primaryPartnerID: primaryID,
            affectedPartnerIDs: twoPartners ? [secondID] : [], title: "Wrong appointments shown",
            description: "Some users saw appointments that were not theirs", declaredBy: .partner,
            occurredAt: occurredAt, recordedBy: dana, now: now ?? occurredAt)
    }

    /// The steps up to and including `stage`, each `spacing` seconds after the previous one.
    static func advance(
        _ hssi: inout HigherSeverityIncident, to stage: HSSIStage, from start: Date, spacing: TimeInterval = 60,
        severity: Int = 1
    ) throws {
        let steps: [HSSIStep] = [
            .identify, .notifyPlatform,
            .prioritise(party: .partner, severityLevel: severity, category: .potentialDataBreach),
            .notifyBridge, .engageDevOps, .sendCommunications, .resolve, .close,
        ]
        var at = start
        for step in steps where step.stage > hssi.stage && step.stage <= stage {
            try hssi.record(step, at: at, by: dana, now: at)
            at = at.addingTimeInterval(spacing)
        }
    }

    /// The issues of the validation failure `body` throws (recording a test failure when it does not throw one).
    static func issues(
        sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
    ) -> [ValidationIssue] {
        let failure = #expect(throws: ValidationFailure.self, sourceLocation: sourceLocation) { try body() }
        return failure?.issues ?? []
    }
}
