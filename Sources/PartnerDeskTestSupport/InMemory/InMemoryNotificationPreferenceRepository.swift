import Foundation
import PartnerDeskDomain
import PartnerDeskServices

struct InMemoryNotificationPreferenceRepository: NotificationPreferenceRepository {
    let box: StateBox

    func optOuts(of users: [User.ID]) async throws -> [User.ID: Set<NotificationEvent>] {
        box.read().optOuts.filter { users.contains($0.key) }
    }

    func setOptOuts(_ events: Set<NotificationEvent>, for user: User.ID) async throws {
        try box.write { $0.optOuts[user] = events.isEmpty ? nil : events }
    }
}
