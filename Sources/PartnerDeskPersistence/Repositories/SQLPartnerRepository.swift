import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import SQLKit

/// Partners in the SQL database: one row per partner, its services and contacts in child tables. Plain SQL
/// rather than Fluent models: raising an incident reads its partner on every request.
struct SQLPartnerRepository: PartnerRepository {
    let sql: any SQLDatabase

    func create(_ partner: Partner) async throws {
        try await translatingConstraintFailures("A partner with this code or client id already exists.") {
            try await sql.insert(
                into: "partners",
                row: [
                    ("id", partner.id.rawValue), ("code", partner.code.value), ("name", partner.name),
                    ("status", partner.status.rawValue), ("tier_id", partner.tierID),
                    ("hours_of_operation", try Self.hours(partner)), ("registered_at", partner.registeredAt),
                    ("version", partner.version),
                ]
            )
            try await insertServicesAndContacts(of: partner)
        }
    }

    func update(_ partner: Partner, expectedVersion: Int) async throws {
        let claimed = try await sql.update("partners")
            .set("name", to: partner.name).set("status", to: partner.status.rawValue)
            .set("tier_id", to: partner.tierID).set("hours_of_operation", to: try Self.hours(partner))
            .set("version", to: partner.version)
            .where("id", .equal, partner.id.rawValue).where("version", .equal, expectedVersion)
            .returning("id").all()
        guard !claimed.isEmpty else { throw RepositoryError.staleVersion }
        try await sql.delete(from: "partner_services").where("partner_id", .equal, partner.id.rawValue).run()
        try await sql.delete(from: "partner_contacts").where("partner_id", .equal, partner.id.rawValue).run()
        try await translatingConstraintFailures("Another partner already uses one of these client ids.") {
            try await insertServicesAndContacts(of: partner)
        }
    }

    private static func hours(_ partner: Partner) throws -> String {
        String(decoding: try JSONEncoder().encode(partner.hoursOfOperation), as: UTF8.self)
    }

    private func insertServicesAndContacts(of partner: Partner) async throws {
        for (position, service) in partner.services.enumerated() {
            try await sql.insert(
                into: "partner_services",
                row: [
                    ("id", service.id.rawValue), ("partner_id", partner.id.rawValue), ("name", service.name),
                    ("client_id", service.clientID), ("position", position),
                ]
            )
        }
        for contact in partner.contacts {
            try await sql.insert(
                into: "partner_contacts",
                row: [
                    ("id", UUID()), ("partner_id", partner.id.rawValue), ("role", contact.role.rawValue),
                    ("name", contact.name), ("email", contact.email.value), ("phone", contact.phone),
                ]
            )
        }
    }

    func find(id: Partner.ID) async throws -> Partner? {
        try await partners(sql.selectAll(from: "partners").where("id", .equal, id.rawValue)).first
    }

    func find(code: PartnerCode) async throws -> Partner? {
        try await partners(sql.selectAll(from: "partners").where("code", .equal, code.value)).first
    }

    func list() async throws -> [Partner] {
        try await partners(sql.selectAll(from: "partners").orderBy("code"))
    }

    /// The partners the query selects, with their services and contacts (one query each for all of them).
    private func partners(_ select: SQLSelectBuilder) async throws -> [Partner] {
        let rows = try await select.all()
        guard !rows.isEmpty else { return [] }
        let ids = try rows.map { try $0.decode(column: "id", as: UUID.self) }
        let services = try await sql.selectAll(from: "partner_services").where("partner_id", .in, ids)
            .orderBy("position").all()
        let contacts = try await sql.selectAll(from: "partner_contacts").where("partner_id", .in, ids).all()
        let servicesByPartner = try Dictionary(grouping: services) {
            try $0.decode(column: "partner_id", as: UUID.self)
        }
        let contactsByPartner = try Dictionary(grouping: contacts) {
            try $0.decode(column: "partner_id", as: UUID.self)
        }
        return try zip(ids, rows).map { id, row in
            try Self.partner(
                id: id, from: row, services: servicesByPartner[id] ?? [], contacts: contactsByPartner[id] ?? [])
        }
    }

    private static func partner(id: UUID, from row: any SQLRow, services: [any SQLRow], contacts: [any SQLRow]) throws
        -> Partner
    {
        guard let code = PartnerCode(try row.decode(column: "code", as: String.self)),
            let status = PartnerStatus(rawValue: try row.decode(column: "status", as: String.self))
        else { throw StoredDataError.unreadable(table: "partners", id: id) }
        let partnerServices = try services.map { row in
            PartnerService(
                id: .init(try row.decode(column: "id", as: UUID.self)),
                name: try row.decode(column: "name", as: String.self),
                clientID: try row.decode(column: "client_id", as: String.self))
        }
        let partnerContacts = try contacts.map { row in
            guard let role = PartnerContact.Role(rawValue: try row.decode(column: "role", as: String.self)),
                let email = EmailAddress(try row.decode(column: "email", as: String.self))
            else {
                throw StoredDataError.unreadable(
                    table: "partner_contacts", id: try? row.decode(column: "id", as: UUID.self))
            }
            return PartnerContact(
                role: role, name: try row.decode(column: "name", as: String.self), email: email,
                phone: try row.decode(column: "phone", as: String?.self))
        }
        let hours = try JSONDecoder().decode(
            OperatingHours.self, from: Data(try row.decode(column: "hours_of_operation", as: String.self).utf8))
        return Partner(
            id: .init(id), code: code, name: try row.decode(column: "name", as: String.self), status: status,
            tierID: try row.decode(column: "tier_id", as: String.self), services: partnerServices,
            contacts: PartnerContact.inRoleOrder(partnerContacts), hoursOfOperation: hours,
            registeredAt: try row.decode(column: "registered_at", as: Date?.self),
            version: try row.decode(column: "version", as: Int.self)
        )
    }
}
