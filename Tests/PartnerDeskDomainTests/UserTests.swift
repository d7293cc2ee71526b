import Foundation
import PartnerDeskDomain
import Testing

@Suite struct UserTests {
    let email = EmailAddress("someone@example.org")!
    let partnerID = Partner.ID(UUID(uuidString: "00000000-0000-0000-0000-0000000000AA")!)

    @Test(arguments: Role.allCases)
    func partnerRolesNeedAPartner_staffRolesMustHaveNone(_ role: Role) {
        let withPartner = Result {
            try User(id: .init(UUID()), email: email, displayName: "S", role: role, partnerID: partnerID)
        }
        let withoutPartner = Result {
            try User(id: .init(UUID()), email: email, displayName: "S", role: role, partnerID: nil)
        }
        if role.isPartnerRole {
            #expect((try? withPartner.get()) != nil)
            #expect((try? withoutPartner.get()) == nil)
        } else {
            #expect((try? withPartner.get()) == nil)
            #expect((try? withoutPartner.get()) != nil)
        }
    }

    @Test func exactlyThreeRolesBelongToPartners() {
        #expect(
            Role.allCases.filter(\.isPartnerRole) == [.partnerReporter, .partnerHSSIManager, .partnerAdministrator])
    }
}
