import Foundation
import PartnerDeskDomain
import PartnerDeskServices

extension Components.Schemas.ServiceComponent {
    init(_ component: ServiceComponent) {
        self.init(
            code: component.code, name: component.name, description: component.description,
            alertLabels: .init(additionalProperties: component.alertLabels))
    }
}

extension Components.Schemas.ComponentChoice {
    init(_ choice: PartnerComponents) {
        self.init(
            partner: choice.partner.code.value, partnerName: choice.partner.name,
            components: choice.chosen.map(\.code), everyComponent: choice.isEveryComponent)
    }
}

extension Components.Schemas.Outage {
    /// The outage, naming partners by `codes` and its maintenance window by `windows` (id to reference).
    init(_ outage: Outage, codes: [Partner.ID: String], windows: [MaintenanceWindow.ID: String]) throws {
        self.init(
            id: outage.id.description, reference: outage.reference, component: outage.component,
            startedAt: outage.startedAt, endedAt: outage.endedAt, impact: try .documented(outage.impact.rawValue),
            maintenance: outage.maintenanceID.map { windows[$0] ?? $0.description },
            partners: outage.affectedPartners.map { codes[$0] ?? $0.description },
            incidentIds: outage.incidents.map(\.description), hssiIds: outage.hssis.map(\.description),
            publicSummary: outage.publicSummary, internalNotes: outage.internalNotes,
            openedByMonitoring: outage.alertKey != nil, version: outage.version)
    }
}

extension Components.Schemas.MaintenanceWindow {
    init(_ view: ServiceLevelService.MaintenanceView, codes: [Partner.ID: String]) throws {
        let window = view.window
        let (state, announceBy): (String, Date) =
            switch view.announcement {
            case .due(let by): ("due", by)
            case .inTime: ("in_time", window.startsAt)
            case .late(_, let by): ("late", by)
            case .overdue(let by): ("overdue", by)
            }
        self.init(
            id: window.id.description, reference: window.reference, components: window.components,
            startsAt: window.startsAt, endsAt: window.endsAt,
            partners: window.affectedPartners.map { codes[$0] ?? $0.description }, summary: window.summary,
            announcedAt: window.announcedAt, announcement: try .documented(state),
            announcementFlagged: view.announcement.isFlagged, announceBy: announceBy, version: window.version)
    }
}

extension Components.Schemas.Availability {
    init(_ view: AvailabilityView, codes: [Partner.ID: String]) throws {
        let measure = view.measure
        let windows = Dictionary(
            view.maintenance.map { ($0.window.id, $0.window.reference) }, uniquingKeysWith: { first, _ in first })
        self.init(
            month: measure.month.description, partner: view.partner?.code.description, tier: view.tierName,
            complete: view.isComplete, businessSeconds: measure.monthBusinessSeconds,
            measuredSeconds: measure.measuredBusinessSeconds, downtimeSeconds: measure.downtimeSeconds,
            degradedSeconds: measure.degradedSeconds, excusedMaintenanceSeconds: measure.excusedMaintenanceSeconds,
            percent: measure.percent, targetPercent: measure.targetPercent, meetsTarget: measure.meetsTarget,
            allowanceSeconds: measure.allowanceSeconds, allowanceLeftSeconds: measure.budgetLeftSeconds,
            outages: try view.outages.map { try .init($0, codes: codes, windows: windows) },
            maintenance: try view.maintenance.map { try .init($0, codes: codes) })
    }
}
