import FluentKit
import Foundation

/// Row of `partners`. Never leaves this module: repositories map it to ``PartnerDeskDomain/Partner``.
final class PartnerRecord: Model, @unchecked Sendable {
    static let schema = "partners"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "status") var status: String
    @Field(key: "tier_id") var tierID: String
    /// JSON of the partner's ``OperatingHours``.
    @Field(key: "hours_of_operation") var hoursOfOperation: String
    @Children(for: \.$partner) var services: [PartnerServiceRecord]
    @Children(for: \.$partner) var contacts: [PartnerContactRecord]

    init() {}
}

/// Row of `partner_services`.
final class PartnerServiceRecord: Model, @unchecked Sendable {
    static let schema = "partner_services"

    @ID(key: .id) var id: UUID?
    @Parent(key: "partner_id") var partner: PartnerRecord
    @Field(key: "name") var name: String
    @Field(key: "client_id") var clientID: String
    @Field(key: "position") var position: Int

    init() {}
}

/// Row of `partner_contacts`.
final class PartnerContactRecord: Model, @unchecked Sendable {
    static let schema = "partner_contacts"

    @ID(key: .id) var id: UUID?
    @Parent(key: "partner_id") var partner: PartnerRecord
    @Field(key: "role") var role: String
    @Field(key: "name") var name: String
    @Field(key: "email") var email: String
    @OptionalField(key: "phone") var phone: String?

    init() {}
}
