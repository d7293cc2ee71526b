import Foundation
import PartnerDeskDomain
import PartnerDeskServices

extension Components.Schemas.HSSIRecord {
    /// A Higher Severity Service Incident as the API shows it, with its deadlines worked out at the time of
    /// the answer. A partner sees every affected partner's name but only its own people's invitations,
    /// escalations and messages.
    init(_ view: HSSIView, for principal: Principal) throws {
        let hssi = view.hssi
        func code(_ id: Partner.ID) -> String {
            view.partners.first { $0.id == id }?.code.description ?? id.description
        }
        func ref(_ partner: Partner) -> Components.Schemas.PartnerRef {
            .init(code: partner.code.description, name: partner.name)
        }
        let ownOnly = principal.role.isPartnerRole
        self.init(
            id: hssi.id.description, reference: hssi.reference.description, title: hssi.title,
            description: hssi.description, stage: try .documented(hssi.stage.rawValue),
            primaryPartner: view.partners.first.map(ref) ?? .init(code: code(hssi.primaryPartnerID), name: ""),
            affectedPartners: view.partners.map(ref), originatingIncident: hssi.originatingIncidentID?.description,
            declaredBy: try .documented(hssi.declaredBy.rawValue), declaredAt: hssi.declaredAt,
            severity: hssi.severity?.level,
            assessments: try hssi.assessments.map {
                .init(
                    party: try .documented($0.party.rawValue), severity: $0.severity.level,
                    category: try .documented($0.category.rawValue), by: $0.assessedBy.display, at: $0.assessedAt)
            },
            steps: hssi.steps.map { .init(stage: $0.stage.rawValue, at: $0.at, by: $0.by.display, note: $0.note) },
            notification: .init(
                countingFrom: view.notification.countingFrom, deadline: view.notification.deadline,
                notifiedAt: view.notification.notifiedAt, timeliness: try .init(view.notification.timeliness)),
            intervention: try hssi.intervention.map { intervention in
                .init(
                    convenedAt: intervention.convenedAt, convenedBy: intervention.convenedBy.display,
                    joiningDetails: intervention.joiningDetails,
                    invitations: try intervention.invitations.map { invitation in
                        let shown = !ownOnly || invitation.partnerID == principal.partnerID
                        return .init(
                            partner: code(invitation.partnerID),
                            invitees: shown
                                ? try invitation.invitees.map {
                                    .init(
                                        name: $0.name, email: $0.email.value, phone: $0.phone,
                                        source: try .documented($0.source.rawValue))
                                } : [],
                            invitedAt: invitation.invitedAt, joinDeadline: invitation.joinDeadline,
                            acknowledgedAt: invitation.acknowledgedAt,
                            acknowledgedBy: shown ? invitation.acknowledgedBy?.display : nil,
                            joinedAt: invitation.joinedAt, joinedBy: shown ? invitation.joinedBy?.display : nil,
                            joining: try .init(invitation.joinTimeliness(now: view.at)))
                    })
            },
            statusUpdates: hssi.statusUpdates.map {
                .init(
                    postedAt: $0.postedAt, postedBy: $0.postedBy.display, currentImpact: $0.currentImpact,
                    usersAffected: $0.usersAffected.description, actionsTaken: $0.actionsTaken,
                    nextUpdateDue: $0.nextUpdateDue)
            },
            nextUpdateDue: view.nextUpdateDue, updateTimeliness: try view.updateTimeliness.map { try .init($0) },
            deadlines: try view.deadlines.map {
                .init(
                    kind: try .documented($0.kind.rawValue), partner: code($0.partnerID), due: $0.due,
                    overdue: $0.isOverdue)
            },
            escalations: try view.escalations.filter { !ownOnly || $0.partnerID == principal.partnerID }.map {
                .init(
                    partner: code($0.partnerID), reason: try .documented($0.reason.rawValue),
                    contactRoles: $0.contactRoles.map(\.rawValue))
            },
            messages: try view.messages.map {
                .init(
                    kind: $0.kind, partner: $0.partnerID.map(code), recipient: $0.recipient, subject: $0.subject,
                    status: try .documented($0.status.rawValue), attempts: $0.attempts, createdAt: $0.createdAt,
                    deliveredAt: $0.deliveredAt)
            },
            version: hssi.version, masked: try Components.Schemas.Masking.list(view.maskings))
    }
}

extension Components.Schemas.Timeliness {
    /// How a deadline went: `in_time`, `late`, `pending` or `overdue`, with the seconds late or overdue.
    init(_ timeliness: HSSITimeliness) throws {
        switch timeliness {
        case .inTime: self.init(state: .inTime)
        case .late(let by): self.init(state: .late, seconds: by)
        case .pending: self.init(state: .pending)
        case .overdue(let by): self.init(state: .overdue, seconds: by)
        }
    }
}

extension Components.Schemas.HSSIRota {
    /// A partner's HSSI manager rota with who is on duty and the gaps in cover ahead.
    init(_ view: HSSIRotaView) {
        self.init(
            partner: view.partner.code.description,
            entries: view.entries.map {
                .init(
                    id: $0.id.uuidString.lowercased(), managerName: $0.entry.managerName,
                    email: $0.entry.email.value, phone: $0.entry.phone, startsAt: $0.entry.startsAt,
                    endsAt: $0.entry.endsAt, addedBy: $0.addedBy)
            },
            onDuty: view.onDuty.map(\.managerName),
            gaps: view.gaps.map { .init(from: $0.start, until: $0.end) })
    }
}
