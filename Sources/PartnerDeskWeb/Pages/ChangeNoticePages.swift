import Foundation
import PartnerDeskDomain
import PartnerDeskServices

/// An integration notice: for staff with its answers and a preview before sending; for a partner with its
/// own answer and the acknowledge and sign-off form.
struct NoticePage: Encodable {
    var title: String
    var signedIn: SignedInHeader
    var csrf: String
    var canManage: Bool
    var canRespond: Bool
    var id: String
    var version: Int
    var reference: String
    var noticeTitle: String
    var description: String
    var availableFrom: String
    var sent: Bool
    var answers: [LabelledValue]
    var subject: String
    var preview: [PreviewBlock]
    /// For staff only: partners never see the platform's decisions.
    var assurance: AssurancePanel?
    var acknowledged: Bool
    var signedOff: Bool
    var values: [String: String]
    var notice: String?
    var errors: [PageError]
    var hasErrors: Bool

    init(
        notice record: IntegrationNotice, preview: ReleaseNotice, principal: Principal, csrf: String,
        codes: [Partner.ID: String], levels: [ApprovalLevel], values: [String: String] = [:], notice: String? = nil,
        errors: [PageError] = []
    ) {
        title = "\(record.reference): \(record.title)"
        signedIn = SignedInHeader(principal, csrf: csrf)
        self.csrf = csrf
        canManage = AccessPolicy.permits(principal, .manageReleases)
        canRespond = AccessPolicy.permits(principal, .respondToChangeNotice) && record.sentAt != nil
        id = record.id.description
        version = record.version
        reference = record.reference
        noticeTitle = record.title
        description = record.description
        availableFrom = PageFormat.longDate(record.availableFrom)
        sent = record.sentAt != nil
        answers = record.partners.map { partner in
            let answer = record.responses[partner]
            let words =
                answer.map { response in
                    "Acknowledged by \(response.acknowledgedBy), \(PageFormat.londonTime(response.acknowledgedAt))"
                        + (response.signOff.map { "; signed off by \($0.by)" + ($0.note.map { ": \($0)" } ?? "") } ?? "")
                } ?? "Not acknowledged" + (record.reminders[partner].map { " (\($0.count) reminders)" } ?? "")
            return LabelledValue(label: codes[partner] ?? "?", value: words)
        }
        subject = preview.subject
        self.preview = PreviewBlock.blocks(of: preview)
        assurance =
            principal.role.isPartnerRole
            ? nil
            : AssurancePanel(
                record.assurance, step: "the notice", action: .noticeDecisions(.value(record.id.description)),
                levels: levels, open: record.sentAt == nil, principal: principal, csrf: csrf,
                version: record.version, values: values)
        let own = principal.partnerID.flatMap { record.responses[$0] }
        acknowledged = own != nil
        signedOff = own?.signOff != nil
        self.values = values
        self.notice = notice
        self.errors = errors
        hasErrors = !errors.isEmpty
    }
}

/// What a partner is told of change: the notices sent to it and the releases that need its approval.
struct ChangeNoticesPage: Encodable {
    struct Row: Encodable {
        var id: String
        var reference: String
        var title: String
        var availableFrom: String
        var answer: String
    }

    struct Asked: Encodable {
        var id: String
        var name: String
        var summary: String
        var planned: String
        var state: String
        var pending: Bool
        var version: Int
        var features: [String]
    }

    var title = "Change notices"
    var signedIn: SignedInHeader
    var csrf: String
    var canApprove: Bool
    var notices: [Row]
    var approvals: [Asked]
    /// The latest e-mails about change to the organisation: subject, recipient and when.
    var messages: [LabelledValue]
    var notice: String?
    var errors: [PageError]
    var hasErrors: Bool

    init(
        principal: Principal, csrf: String, notices: [IntegrationNotice], approvals: [ChangeApprovalView],
        messages: [OutboxMessage] = [], notice: String? = nil, errors: [PageError] = []
    ) {
        // One line per message, however many of the organisation's addresses it went to.
        var grouped: [(subject: String, at: Date, to: [String])] = []
        for message in messages {
            if let last = grouped.last, last.subject == message.subject, last.at == message.createdAt {
                grouped[grouped.count - 1].to.append(message.recipient)
            } else {
                grouped.append((message.subject, message.createdAt, [message.recipient]))
            }
        }
        self.messages = grouped.map {
            LabelledValue(
                label: $0.subject, value: "To \($0.to.joined(separator: ", ")), \(PageFormat.londonTime($0.at))")
        }
        signedIn = SignedInHeader(principal, csrf: csrf)
        self.csrf = csrf
        canApprove = AccessPolicy.permits(principal, .approveChangeAsPartner)
        self.notices = notices.map { record in
            let answer = record.responses.values.first
            return Row(
                id: record.id.description, reference: record.reference, title: record.title,
                availableFrom: PageFormat.longDate(record.availableFrom),
                answer: answer.map { $0.signOff == nil ? "Acknowledged" : "Signed off" } ?? "Waiting for your answer")
        }
        self.approvals = approvals.map { view in
            let state: String
            switch view.state {
            case .pending: state = "Waiting for your approval"
            case .approved: state = "Approved"
            case .held: state = "Held by you as unsafe"
            }
            return Asked(
                id: view.release.id.description, name: view.release.name, summary: view.release.summary,
                planned: PageFormat.londonTime(view.release.plannedAt), state: state, pending: view.state == .pending,
                version: view.release.version, features: view.features.map(\.title))
        }
        self.notice = notice
        self.errors = errors
        hasErrors = !errors.isEmpty
    }
}
