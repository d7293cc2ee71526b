import Foundation
import PartnerDeskDomain

extension HSSIService {
    /// Every step, assessment, invitation, answer and status update, and every message sent with where its
    /// delivery stands (a partner: those to its own people), in order, for the post-incident review.
    public func timeline(_ id: HigherSeverityIncident.ID, as principal: Principal) async throws
        -> [HSSITimelineEntry]
    {
        let view = try await self.view(id, as: principal)
        let messages = view.messages.map { message in
            let delivery =
                switch message.status {
                case .delivered: "delivered \(message.deliveredAt.map(ISO8601Instant.string(from:)) ?? "")"
                case .pending: "not delivered yet (\(message.attempts) attempts)"
                case .dead: "could not be delivered"
                }
            return HSSITimelineEntry(
                at: message.createdAt, kind: .message, actor: "PartnerDesk", partnerID: message.partnerID,
                text: "\(message.subject) — e-mailed to \(message.recipient), \(delivery)")
        }
        // A partner sees the entries about the HSSI and its own invitation, never another partner's people.
        let entries = view.hssi.timeline().filter { entry in
            !principal.role.isPartnerRole || entry.partnerID == nil || entry.partnerID == principal.partnerID
        }
        return (entries + messages).enumerated().sorted {
            ($0.element.at, $0.offset) < ($1.element.at, $1.offset)
        }
        .map(\.element)
    }
}
