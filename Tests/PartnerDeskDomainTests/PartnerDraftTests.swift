import Foundation
import PartnerDeskDomain
import Testing

@Suite struct PartnerDraftTests {
    private func makeID() -> UUID { UUID(uuidString: "00000000-0000-0000-0000-000000000001")! }

    @Test func validated_withGoodValues_normalisesCodeAndEmail() throws {
        let draft = PartnerDraft(
            code: " wellpath ", name: "Wellpath Digital", status: "early_live",
            services: [.init(name: "Bookings", clientID: "wellpath-bookings")],
            contacts: [.init(role: "primary", name: "Amira", email: "Amira@Wellpath.Example", phone: " ")]
        )
        let partner = try draft.validated(makeID: makeID)
        #expect(partner.code.value == "WELLPATH")
        #expect(partner.status == .earlyLive)
        #expect(partner.contact(.primary)?.email.value == "amira@wellpath.example")
        #expect(partner.contact(.primary)?.phone == nil)
        #expect(partner.tierID == "silver")
    }

    @Test func validated_reportsEveryProblemAtOnce() {
        let draft = PartnerDraft(
            code: "9x", name: "  ", status: "retired",
            services: [.init(name: "A", clientID: "same"), .init(name: "B", clientID: "same")],
            contacts: [
                .init(role: "primary", name: "P", email: "not-an-address"),
                .init(role: "primary", name: "Q", email: "q@example.org"),
                .init(role: "boss", name: "", email: "b@example.org"),
            ]
        )
        #expect {
            try draft.validated(makeID: makeID)
        } throws: { error in
            let issues = (error as? ValidationFailure)?.issues ?? []
            let fields = issues.map { "\($0.field):\($0.code)" }
            return fields == [
                "code:invalid_format", "name:required", "status:unknown_value", "services[1].clientID:duplicate",
                "contacts[0].email:invalid_format", "contacts[1].role:duplicate", "contacts[2].role:unknown_value",
                "contacts[2].name:required",
            ]
        }
    }

    @Test func hoursOfOperation_defaultToAlways_andAcceptWeekdayHours() throws {
        let always = try PartnerDraft(code: "AB", name: "A").validated(makeID: makeID)
        #expect(always.hoursOfOperation == .alwaysOpen)
        let office = try PartnerDraft(code: "AB", name: "A", hoursOfOperation: "08:00-20:00").validated(makeID: makeID)
        #expect(office.hoursOfOperation.weeklyHours.openDays == [.monday, .tuesday, .wednesday, .thursday, .friday])
        #expect(!office.hoursOfOperation.openOnBankHolidays)
        #expect(office.hoursOfOperation.summary.hasPrefix("Mon 08:00-20:00"))
        #expect(throws: ValidationFailure.self) {
            try PartnerDraft(code: "AB", name: "A", hoursOfOperation: "nine to five").validated(makeID: makeID)
        }
    }

    @Test(arguments: ["AB", "HEALTH-APP-2", "Z1234567890ABCDE"])
    func partnerCode_accepts(_ text: String) {
        #expect(PartnerCode(text)?.value == text)
    }

    @Test(arguments: ["A", "1ABC", "HEALTH APP", "ÄPP", "Z1234567890ABCDEF", "A_B", ""])
    func partnerCode_refuses(_ text: String) {
        #expect(PartnerCode(text) == nil)
    }

    @Test(arguments: ["a@b.co", "first.last+tag@nhs.example.org"])
    func emailAddress_accepts(_ text: String) {
        #expect(EmailAddress(text)?.value == text)
    }

    @Test(arguments: ["", "a@b", "@b.co", "a b@c.co", "a@b..co", "a@@b.co", "a@b.co."])
    func emailAddress_refuses(_ text: String) {
        #expect(EmailAddress(text) == nil)
    }
}
