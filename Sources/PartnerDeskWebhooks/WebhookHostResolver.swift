import PartnerDeskDomain

/// Looks up the addresses of a webhook's host. ``HTTPWebhookTransport`` asks once per call (and once per
/// redirect), checks every answer with ``WebhookTargetPolicy`` and connects only to those answers, so a
/// second, different answer can never be used.
public protocol WebhookHostResolver: Sendable {
    /// Every address the name resolves to, in the order the system prefers; throws when the lookup fails.
    func addresses(of host: String) async throws -> [IPAddress]
}
