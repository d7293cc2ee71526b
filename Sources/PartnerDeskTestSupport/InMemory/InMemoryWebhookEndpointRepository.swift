import Foundation
import PartnerDeskDomain
import PartnerDeskServices

struct InMemoryWebhookEndpointRepository: WebhookEndpointRepository {
    let box: StateBox

    func create(_ endpoint: WebhookEndpoint) async throws { try box.write { $0.webhooks[endpoint.id] = endpoint } }
    func find(id: WebhookEndpoint.ID) async throws -> WebhookEndpoint? { box.read().webhooks[id] }

    func list(partnerID: Partner.ID?) async throws -> [WebhookEndpoint] {
        box.read().webhooks.values.filter { partnerID == nil || $0.partnerID == partnerID }.sorted {
            $0.createdAt < $1.createdAt
        }
    }

    func update(_ endpoint: WebhookEndpoint) async throws { try box.write { $0.webhooks[endpoint.id] = endpoint } }
    func delete(id: WebhookEndpoint.ID) async throws { try box.write { $0.webhooks[id] = nil } }
}
