/// The one place that decides who may do what.
///
/// A partner's people and systems act only on their own organisation's records. The platform's staff act
/// on every partner's records, each within their role: the First Line Service Desk and DevOps work
/// incidents; other staff roles read them. Read-only tokens never change anything.
///
/// ```swift
/// AccessPolicy.decide(principal, .triageIncident, resourcePartner: incident.partnerID)  // .allow or .deny
/// ```
public enum AccessPolicy {
    /// The outcome of a decision.
    public enum Decision: Hashable, Sendable {
        case allow
        /// Denied because the record belongs to another partner: callers must see it as missing.
        case denyOtherPartner
        /// Denied because the role or scope does not permit the action.
        case denyForbidden
    }

    /// Decides whether the principal may perform the action on a record of `resourcePartner` (or on no
    /// particular record when `nil`, such as raising an incident or listing).
    public static func decide(_ principal: Principal, _ action: AccessAction, resourcePartner: Partner.ID?) -> Decision
    {
        if principal.scope == .read, !action.isReadOnly { return .denyForbidden }
        // Preferences belong to a person; a system's token has none.
        if action == .manageOwnNotifications, case .token = principal.credential { return .denyForbidden }
        if principal.role.isPartnerRole {
            if let resourcePartner, resourcePartner != principal.partnerID { return .denyOtherPartner }
            let allowed: Set<AccessAction> =
                switch principal.role {
                case .partnerAdministrator:
                    partnerActions.union([.manageTokens, .manageUsers, .manageWebhooks, .manageHSSIRota])
                case .partnerHSSIManager: partnerActions.union([.manageHSSIRota])
                default: partnerActions
                }
            return allowed.contains(action) ? .allow : .denyForbidden
        }
        return staffActions(principal.role).contains(action) ? .allow : .denyForbidden
    }

    private static let partnerActions: Set<AccessAction> = [
        .readPartner, .readIncident, .raiseIncident, .updateIncident, .commentOnIncident, .provideInformation,
        .attachScreenshot, .manageOwnNotifications, .readHSSI, .declareHSSI, .respondToHSSI,
    ]

    private static func staffActions(_ role: Role) -> Set<AccessAction> {
        switch role {
        case .administrator:
            [
                .readPartner, .readIncident, .updateIncident, .commentOnIncident, .internalNotes, .triageIncident,
                .attachScreenshot, .readAuditLog, .manageTokens, .manageUsers, .manageWebhooks, .manageOutbox,
                .manageOwnNotifications, .readProblems, .manageProblems, .publishProblems, .readHSSI, .declareHSSI,
                .respondToHSSI, .runHSSI, .manageHSSIRota,
            ]
        case .firstLineAgent:
            [
                .readPartner, .readIncident, .updateIncident, .commentOnIncident, .internalNotes, .triageIncident,
                .attachScreenshot, .manageOwnNotifications, .readProblems, .manageProblems, .readHSSI, .declareHSSI,
            ]
        case .devOpsEngineer:
            [
                .readPartner, .readIncident, .updateIncident, .commentOnIncident, .internalNotes, .triageIncident,
                .attachScreenshot, .manageOwnNotifications, .readProblems, .manageProblems, .readHSSI,
            ]
        case .problemManager:
            [
                .readPartner, .readIncident, .internalNotes, .manageOwnNotifications, .readProblems, .manageProblems,
                .publishProblems, .readHSSI,
            ]
        case .serviceBridgeOperator:
            [
                .readPartner, .readIncident, .internalNotes, .manageOwnNotifications, .readProblems, .readHSSI,
                .declareHSSI, .respondToHSSI, .runHSSI,
            ]
        case .releaseManager, .serviceManager:
            [.readPartner, .readIncident, .internalNotes, .manageOwnNotifications, .readProblems, .readHSSI]
        case .partnerReporter, .partnerHSSIManager, .partnerAdministrator:
            []
        }
    }
}
