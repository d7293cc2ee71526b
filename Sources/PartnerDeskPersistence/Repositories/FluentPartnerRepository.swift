import FluentKit
import Foundation
import PartnerDeskDomain
import PartnerDeskServices

/// Partners in the SQL database: one row per partner, its services and contacts in child tables.
struct FluentPartnerRepository: PartnerRepository {
    let database: any Database

    func create(_ partner: Partner) async throws {
        try await translatingConstraintFailures("A partner with this code or client id already exists.") {
            let record = PartnerRecord()
            record.id = partner.id.rawValue
            record.code = partner.code.value
            record.name = partner.name
            record.status = partner.status.rawValue
            record.tierID = partner.tierID
            record.hoursOfOperation = String(
                decoding: try JSONEncoder().encode(partner.hoursOfOperation), as: UTF8.self)
            try await record.create(on: database)
            for (position, service) in partner.services.enumerated() {
                let row = PartnerServiceRecord()
                row.id = service.id.rawValue
                row.$partner.id = partner.id.rawValue
                row.name = service.name
                row.clientID = service.clientID
                row.position = position
                try await row.create(on: database)
            }
            for contact in partner.contacts {
                let row = PartnerContactRecord()
                row.$partner.id = partner.id.rawValue
                row.role = contact.role.rawValue
                row.name = contact.name
                row.email = contact.email.value
                row.phone = contact.phone
                try await row.create(on: database)
            }
        }
    }

    func find(id: Partner.ID) async throws -> Partner? {
        try await query().filter(\.$id == id.rawValue).first().map(Self.partner(from:))
    }

    func find(code: PartnerCode) async throws -> Partner? {
        try await query().filter(\.$code == code.value).first().map(Self.partner(from:))
    }

    func list() async throws -> [Partner] {
        try await query().sort(\.$code).all().map(Self.partner(from:))
    }

    private func query() -> QueryBuilder<PartnerRecord> {
        PartnerRecord.query(on: database).with(\.$services).with(\.$contacts)
    }

    private static func partner(from record: PartnerRecord) throws -> Partner {
        guard let id = record.id, let code = PartnerCode(record.code),
            let status = PartnerStatus(rawValue: record.status)
        else { throw StoredDataError.unreadable(table: PartnerRecord.schema, id: record.id) }
        let services = record.services.sorted { $0.position < $1.position }.compactMap { row in
            row.id.map { PartnerService(id: .init($0), name: row.name, clientID: row.clientID) }
        }
        let contacts = try record.contacts.map { row in
            guard let role = PartnerContact.Role(rawValue: row.role), let email = EmailAddress(row.email) else {
                throw StoredDataError.unreadable(table: PartnerContactRecord.schema, id: row.id)
            }
            return PartnerContact(role: role, name: row.name, email: email, phone: row.phone)
        }.sorted {
            PartnerContact.Role.allCases.firstIndex(of: $0.role)! < PartnerContact.Role.allCases.firstIndex(
                of: $1.role)!
        }
        let hours = try JSONDecoder().decode(OperatingHours.self, from: Data(record.hoursOfOperation.utf8))
        return Partner(
            id: .init(id), code: code, name: record.name, status: status, tierID: record.tierID,
            services: services, contacts: contacts, hoursOfOperation: hours
        )
    }
}
