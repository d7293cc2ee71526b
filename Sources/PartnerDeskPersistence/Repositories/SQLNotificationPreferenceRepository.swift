import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import SQLKit

/// People's notification opt-outs in SQL: one row per user and event turned off.
struct SQLNotificationPreferenceRepository: NotificationPreferenceRepository {
    static let table = "notification_opt_outs"
    let sql: any SQLDatabase

    func optOuts(of users: [User.ID]) async throws -> [User.ID: Set<NotificationEvent>] {
        guard !users.isEmpty else { return [:] }
        var result: [User.ID: Set<NotificationEvent>] = [:]
        for row in try await sql.selectAll(from: Self.table).where("user_id", .in, users.map(\.rawValue)).all() {
            guard let event = NotificationEvent(rawValue: try row.decode(column: "event", as: String.self)) else {
                continue
            }
            result[.init(try row.decode(column: "user_id", as: UUID.self)), default: []].insert(event)
        }
        return result
    }

    func setOptOuts(_ events: Set<NotificationEvent>, for user: User.ID) async throws {
        try await sql.delete(from: Self.table).where("user_id", .equal, user.rawValue).run()
        for event in events.map(\.rawValue).sorted() {
            try await sql.insert(into: Self.table, row: [("user_id", user.rawValue), ("event", event)])
        }
    }
}
