import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import Vapor

/// How a deadline went: `in_time`, `late`, `pending` or `overdue`, with the seconds late or overdue.
struct TimelinessDTO: Content, Equatable {
    var state: String
    var seconds: Int?

    init(_ timeliness: HSSITimeliness) {
        switch timeliness {
        case .inTime: (state, seconds) = ("in_time", nil)
        case .late(let by): (state, seconds) = ("late", by)
        case .pending: (state, seconds) = ("pending", nil)
        case .overdue(let by): (state, seconds) = ("overdue", by)
        }
    }
}

/// A Higher Severity Service Incident as the API shows it, with its deadlines worked out at the time of the
/// answer. A partner sees every affected partner's name but only its own people's invitations and messages.
struct HSSIDTO: Content {
    struct PartnerRef: Content {
        var code: String
        var name: String
    }

    struct Assessment: Content {
        var party: String
        var severity: Int
        var category: String
        var by: String
        var at: String
    }

    struct Step: Content {
        var stage: String
        var at: String
        var by: String
        var note: String?
    }

    struct Notification: Content {
        var countingFrom: String
        var deadline: String
        var notifiedAt: String?
        var timeliness: TimelinessDTO
    }

    struct Invitation: Content {
        struct Invitee: Content {
            var name: String
            var email: String
            var phone: String?
            var source: String
        }

        var partner: String
        var invitees: [Invitee]
        var invitedAt: String
        var joinDeadline: String
        var acknowledgedAt: String?
        var acknowledgedBy: String?
        var joinedAt: String?
        var joinedBy: String?
        var joining: TimelinessDTO
    }

    struct Intervention: Content {
        var convenedAt: String
        var convenedBy: String
        var joiningDetails: String
        var invitations: [Invitation]
    }

    struct StatusUpdate: Content {
        var postedAt: String
        var postedBy: String
        var currentImpact: String
        var usersAffected: String
        var actionsTaken: String
        var nextUpdateDue: String
    }

    struct Deadline: Content {
        var kind: String
        var partner: String
        var due: String
        var overdue: Bool
    }

    struct Escalation: Content {
        var partner: String
        var reason: String
        var contactRoles: [String]
    }

    struct Message: Content {
        var kind: String
        var partner: String?
        var recipient: String
        var subject: String
        var status: String
        var attempts: Int
        var createdAt: String
        var deliveredAt: String?
    }

    var id: String
    var reference: String
    var title: String
    var description: String
    var stage: String
    var primaryPartner: PartnerRef
    var affectedPartners: [PartnerRef]
    var originatingIncident: String?
    var declaredBy: String
    var declaredAt: String
    var severity: Int?
    var assessments: [Assessment]
    var steps: [Step]
    var notification: Notification
    var intervention: Intervention?
    var statusUpdates: [StatusUpdate]
    var nextUpdateDue: String?
    var updateTimeliness: TimelinessDTO?
    var deadlines: [Deadline]
    var escalations: [Escalation]
    var messages: [Message]
    var version: Int
    /// Only in the answer to a status update: what was masked in it.
    var masked: [Components.Schemas.Masking]?

    init(_ view: HSSIView, for principal: Principal) throws {
        masked = try Components.Schemas.Masking.list(view.maskings)
        let hssi = view.hssi
        func time(_ date: Date) -> String { ISO8601Instant.string(from: date) }
        func code(_ id: Partner.ID) -> String {
            view.partners.first { $0.id == id }?.code.description ?? id.description
        }
        func ref(_ partner: Partner) -> PartnerRef { PartnerRef(code: partner.code.description, name: partner.name) }
        id = hssi.id.description
        reference = hssi.reference.description
        title = hssi.title
        description = hssi.description
        stage = hssi.stage.rawValue
        primaryPartner = view.partners.first.map(ref) ?? PartnerRef(code: code(hssi.primaryPartnerID), name: "")
        affectedPartners = view.partners.map(ref)
        originatingIncident = hssi.originatingIncidentID?.description
        declaredBy = hssi.declaredBy.rawValue
        declaredAt = time(hssi.declaredAt)
        severity = hssi.severity?.level
        assessments = hssi.assessments.map {
            Assessment(
                party: $0.party.rawValue, severity: $0.severity.level, category: $0.category.rawValue,
                by: $0.assessedBy.display, at: time($0.assessedAt))
        }
        steps = hssi.steps.map { Step(stage: $0.stage.rawValue, at: time($0.at), by: $0.by.display, note: $0.note) }
        notification = Notification(
            countingFrom: time(view.notification.countingFrom), deadline: time(view.notification.deadline),
            notifiedAt: view.notification.notifiedAt.map(time), timeliness: TimelinessDTO(view.notification.timeliness))
        let ownOnly = principal.role.isPartnerRole
        intervention = hssi.intervention.map { intervention in
            Intervention(
                convenedAt: time(intervention.convenedAt), convenedBy: intervention.convenedBy.display,
                joiningDetails: intervention.joiningDetails,
                invitations: intervention.invitations.map { invitation in
                    let shown = !ownOnly || invitation.partnerID == principal.partnerID
                    return Invitation(
                        partner: code(invitation.partnerID),
                        invitees: shown
                            ? invitation.invitees.map {
                                .init(name: $0.name, email: $0.email.value, phone: $0.phone, source: $0.source.rawValue)
                            } : [],
                        invitedAt: time(invitation.invitedAt), joinDeadline: time(invitation.joinDeadline),
                        acknowledgedAt: invitation.acknowledgedAt.map(time),
                        acknowledgedBy: shown ? invitation.acknowledgedBy?.display : nil,
                        joinedAt: invitation.joinedAt.map(time), joinedBy: shown ? invitation.joinedBy?.display : nil,
                        joining: TimelinessDTO(invitation.joinTimeliness(now: view.at)))
                })
        }
        statusUpdates = hssi.statusUpdates.map {
            StatusUpdate(
                postedAt: time($0.postedAt), postedBy: $0.postedBy.display, currentImpact: $0.currentImpact,
                usersAffected: $0.usersAffected.description, actionsTaken: $0.actionsTaken,
                nextUpdateDue: time($0.nextUpdateDue))
        }
        nextUpdateDue = view.nextUpdateDue.map(time)
        updateTimeliness = view.updateTimeliness.map(TimelinessDTO.init)
        deadlines = view.deadlines.map {
            Deadline(kind: $0.kind.rawValue, partner: code($0.partnerID), due: time($0.due), overdue: $0.isOverdue)
        }
        escalations = view.escalations.filter { !ownOnly || $0.partnerID == principal.partnerID }.map {
            Escalation(
                partner: code($0.partnerID), reason: $0.reason.rawValue, contactRoles: $0.contactRoles.map(\.rawValue))
        }
        messages = view.messages.map {
            Message(
                kind: $0.kind, partner: $0.partnerID.map(code), recipient: $0.recipient, subject: $0.subject,
                status: $0.status.rawValue, attempts: $0.attempts, createdAt: time($0.createdAt),
                deliveredAt: $0.deliveredAt.map(time))
        }
        version = hssi.version
    }
}

/// A partner's HSSI manager rota with who is on duty and the gaps in cover ahead.
struct HSSIRotaDTO: Content {
    struct Entry: Content {
        var id: String
        var managerName: String
        var email: String
        var phone: String?
        var startsAt: String
        var endsAt: String
        var addedBy: String
    }

    struct Gap: Content {
        var from: String
        var until: String
    }

    var partner: String
    var entries: [Entry]
    var onDuty: [String]
    var gaps: [Gap]

    init(_ view: HSSIRotaView) {
        partner = view.partner.code.description
        entries = view.entries.map {
            Entry(
                id: $0.id.uuidString.lowercased(), managerName: $0.entry.managerName, email: $0.entry.email.value,
                phone: $0.entry.phone, startsAt: ISO8601Instant.string(from: $0.entry.startsAt),
                endsAt: ISO8601Instant.string(from: $0.entry.endsAt), addedBy: $0.addedBy)
        }
        onDuty = view.onDuty.map(\.managerName)
        gaps = view.gaps.map {
            Gap(from: ISO8601Instant.string(from: $0.start), until: ISO8601Instant.string(from: $0.end))
        }
    }
}
