import Foundation

/// An e-mail (and, for partners, a webhook call) about a service request: a new one for the service desk, the
/// desk's step for the partner (and by name for the person who asked), the partner's answer or withdrawal for
/// the desk, and the desk's warnings that a request's last day is near or has passed.
/// Partners' messages never carry the desk's internal notes.
public struct ServiceRequestNotice: Sendable, Hashable {
    public enum Kind: String, CaseIterable, Sendable, Hashable {
        case submitted = "request.submitted"
        case moved = "request.moved"
        case targetWarning = "request.target_warning"
        case partnerStep = "request.partner_step"

        public var label: String {
            switch self {
            case .submitted: "A partner makes a service request"
            case .moved: "The service desk moves a service request on"
            case .targetWarning: "A service request is due within a fortnight, or overdue"
            case .partnerStep: "A partner answers the service desk's question, or withdraws a request"
            }
        }

        /// Partners hear of the desk's steps; the desk hears of new requests and of targets.
        public var audience: NotificationEvent.Audience { self == .moved ? .partner : .staff }
    }

    /// What partners' systems receive in a webhook call: the request under `request`.
    public struct Data: Hashable, Sendable, Encodable {
        public var request: RequestData
    }

    /// The request as a webhook describes it.
    public struct RequestData: Hashable, Sendable, Encodable {
        public var reference: String
        public var type: String
        public var title: String
        public var status: String
        /// The action the desk took (`accept`, `ask_partner`, `fulfil`, …).
        public var action: String?
        /// What the desk wrote with it.
        public var note: String?
        /// The last day it may be fulfilled on, `YYYY-MM-DD`, once accepted.
        public var dueDate: String?
        public var url: String
    }

    public var kind: Kind
    public var subject: String
    public var content: EmailContent
    public var data: Data

    /// The webhook body for one delivery of the notice.
    public func webhookBody(deliveryID: UUID, occurredAt: Date) -> Foundation.Data {
        WebhookEnvelope.body(event: .request(kind), data: data, deliveryID: deliveryID, occurredAt: occurredAt)
    }

    /// A partner made a request: for the service desk.
    public static func submitted(_ request: ServiceRequest, partner: String, link: String) -> ServiceRequestNotice {
        notice(
            .submitted, request, link: link,
            subject: "New service request \(request.reference) from \(partner): \(request.title)",
            opening: "\(partner) asks for: \(request.type.name). Accept it to start its months, or decline it with a "
                + "reason.", note: nil)
    }

    /// The desk took a step on the partner's request: what it did and what it wrote (never an internal note).
    public static func moved(_ request: ServiceRequest, by step: ServiceRequestStep, link: String)
        -> ServiceRequestNotice
    {
        let opening =
            switch request.status {
            case .accepted:
                "The service desk accepted your request"
                    + (request.target.map { ": it will be done by \($0.dueDate.longDescription)." } ?? ".")
            case .waitingForPartner: "The service desk needs something from you before it can go on (below)."
            case .fulfilled: "Your request is fulfilled."
            case .declined: "The service desk declined your request."
            default: "Your request is now \(request.status.label.lowercased())."
            }
        return notice(
            .moved, request, link: link,
            subject: "Service request \(request.reference) \(request.status.label.lowercased()): \(request.title)",
            opening: opening, note: step.isInternal ? nil : step.note, action: step.action)
    }

    /// The partner answered what the desk asked, or withdrew the request: for the service desk.
    public static func partnerStep(
        _ request: ServiceRequest, by step: ServiceRequestStep, partner: String, link: String
    )
        -> ServiceRequestNotice
    {
        let withdrawn = request.status == .withdrawn
        return notice(
            .partnerStep, request, link: link,
            subject: "Service request \(request.reference) \(withdrawn ? "withdrawn" : "answered") by \(partner): "
                + request.title,
            opening: withdrawn
                ? "\(step.by.name) of \(partner) withdrew the request."
                : "\(step.by.name) of \(partner) answered; the request is \(request.status.label.lowercased()) again.",
            note: step.note, noteHeading: "\(partner) wrote", action: step.action)
    }

    /// An open request's last day is a fortnight away, or has passed: for the service desk.
    public static func warning(
        _ warning: ServiceRequestTarget.Warning, _ request: ServiceRequest, partner: String, link: String
    ) -> ServiceRequestNotice {
        let due = request.target?.dueDate.longDescription ?? ""
        return notice(
            .targetWarning, request, link: link,
            subject: "Service request \(request.reference) \(warning.label): \(request.title)",
            opening: warning == .overdue
                ? "\(partner)'s request was due by \(due) and is not fulfilled."
                : "\(partner)'s request must be fulfilled by \(due).", note: nil)
    }

    private static func notice(
        _ kind: Kind, _ request: ServiceRequest, link: String, subject: String, opening: String, note: String?,
        noteHeading: String = "The service desk wrote", action: ServiceRequestAction? = nil
    ) -> ServiceRequestNotice {
        var facts: [EmailContent.Fact] = [
            .init("Request", "\(request.reference): \(request.title)"), .init("Kind", request.type.name),
            .init("Status", request.status.label),
        ]
        if let target = request.target { facts.append(.init("Due by", target.dueDate.longDescription)) }
        var blocks: [EmailContent.Block] = [.paragraph(opening), .facts(facts)]
        if let note { blocks.append(.section(heading: noteHeading, text: note)) }
        blocks.append(.action(label: "Open the request", link: link))
        return ServiceRequestNotice(
            kind: kind, subject: subject, content: EmailContent(blocks),
            data: Data(
                request: RequestData(
                    reference: request.reference.description, type: request.type.id, title: request.title,
                    status: request.status.rawValue, action: action?.rawValue, note: note,
                    dueDate: request.target?.dueDate.description, url: link)))
    }
}
