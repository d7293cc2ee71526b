/// The one place that decides who may do what.
///
/// Two questions, always in this order. First, does the caller's role grant the action at all, and does the
/// credential's scope allow it (read-only tokens never change anything)? Then, when the action is on a stored
/// record, may the caller know the record exists? A partner's people and systems act only on records their
/// organisation owns (see ``RecordOwner``); anything else, another partner's or the platform's own, is
/// answered exactly as if it were missing. The platform's staff act on every record, each within their role.
///
/// ```swift
/// AccessPolicy.decide(principal, .triageIncident, on: incident.owner)  // .allow, .denyAsMissing or .denyForbidden
/// AccessPolicy.decide(principal, .raiseIncident)                       // no particular record
/// ```
public enum AccessPolicy {
    /// The outcome of a decision.
    public enum Decision: Hashable, Sendable {
        case allow
        /// Denied because the caller may not know the record exists: callers must answer as for a missing one.
        case denyAsMissing
        /// Denied because the role or scope does not permit the action.
        case denyForbidden
    }

    /// Decides an action on no particular record (raising, listing, or creating within the caller's own
    /// organisation): the role and the scope decide.
    public static func decide(_ principal: Principal, _ action: AccessAction) -> Decision {
        guard principal.scope == .write || action.isReadOnly else { return .denyForbidden }
        // Preferences belong to a person; a system's token has none.
        if action == .manageOwnNotifications, case .token = principal.credential { return .denyForbidden }
        return grants(principal.role).contains(action) ? .allow : .denyForbidden
    }

    /// Decides an action on one stored record: the role and scope first, then whether the caller may know
    /// the record exists.
    public static func decide(_ principal: Principal, _ action: AccessAction, on owner: RecordOwner) -> Decision {
        let granted = decide(principal, action)
        guard granted == .allow, principal.role.isPartnerRole else { return granted }
        guard let partnerID = principal.partnerID, owner.includes(partnerID) else { return .denyAsMissing }
        return .allow
    }

    /// Whether the caller may perform the action (on no particular record): a shorthand for pages that
    /// offer or hide a control.
    public static func permits(_ principal: Principal, _ action: AccessAction) -> Bool {
        decide(principal, action) == .allow
    }

    /// Whether the caller may perform the action on a record of that owner.
    public static func permits(_ principal: Principal, _ action: AccessAction, on owner: RecordOwner) -> Bool {
        decide(principal, action, on: owner) == .allow
    }

    /// Every action a role grants, before scope and ownership are considered.
    public static func grants(_ role: Role) -> Set<AccessAction> {
        switch role {
        case .partnerReporter: partnerActions
        case .partnerHSSIManager: partnerActions.union([.manageHSSIRota])
        case .partnerAdministrator:
            partnerActions.union([
                .manageTokens, .manageUsers, .manageWebhooks, .manageHSSIRota, .approveChangeAsPartner,
                .chooseComponents, .editPartnerContacts, .giveEvidence, .completePartnerActions,
            ])
        case .administrator:
            [
                .readPartner, .readIncident, .updateIncident, .commentOnIncident, .internalNotes, .triageIncident,
                .attachScreenshot, .readAuditLog, .manageTokens, .manageUsers, .manageWebhooks, .manageOutbox,
                .manageOwnNotifications, .readProblems, .manageProblems, .publishProblems, .readHSSI, .declareHSSI,
                .respondToHSSI, .runHSSI, .manageHSSIRota, .readReleases, .manageReleases, .manageApprovalLevels,
                .readChangeNotices, .readServiceLevels, .manageOutages, .manageComponents, .chooseComponents,
                .manageBankHolidays, .readServiceRequests, .workServiceRequests, .updateServiceRequest,
                .managePartners, .editPartnerContacts, .completePartnerActions,
            ]
        case .firstLineAgent:
            [
                .readPartner, .readIncident, .updateIncident, .commentOnIncident, .internalNotes, .triageIncident,
                .attachScreenshot, .manageOwnNotifications, .readProblems, .manageProblems, .readHSSI, .declareHSSI,
                .readReleases, .readChangeNotices, .readServiceLevels, .manageOutages, .readServiceRequests,
                .workServiceRequests, .updateServiceRequest,
            ]
        case .devOpsEngineer:
            [
                .readPartner, .readIncident, .updateIncident, .commentOnIncident, .internalNotes, .triageIncident,
                .attachScreenshot, .manageOwnNotifications, .readProblems, .manageProblems, .readHSSI,
                .readReleases, .readChangeNotices, .readServiceLevels, .manageOutages, .readServiceRequests,
            ]
        case .problemManager:
            [
                .readPartner, .readIncident, .internalNotes, .manageOwnNotifications, .readProblems, .manageProblems,
                .publishProblems, .readHSSI, .readReleases, .readChangeNotices, .readServiceLevels,
                .readServiceRequests,
            ]
        case .serviceBridgeOperator:
            [
                .readPartner, .readIncident, .internalNotes, .manageOwnNotifications, .readProblems, .readHSSI,
                .declareHSSI, .respondToHSSI, .runHSSI, .readReleases, .readChangeNotices, .readServiceLevels,
                .manageOutages, .readServiceRequests,
            ]
        case .releaseManager:
            staffReaders.union([.manageReleases])
        case .assuranceApprover:
            staffReaders.union([.approveReleases])
        case .serviceManager:
            staffReaders.union([
                .manageOutages, .workServiceRequests, .updateServiceRequest, .managePartners, .editPartnerContacts,
                .completePartnerActions,
            ])
        }
    }

    private static let partnerActions: Set<AccessAction> = [
        .readPartner, .readIncident, .raiseIncident, .updateIncident, .commentOnIncident, .provideInformation,
        .attachScreenshot, .manageOwnNotifications, .readHSSI, .declareHSSI, .respondToHSSI, .readChangeNotices,
        .respondToChangeNotice, .readServiceLevels, .readServiceRequests, .raiseServiceRequests,
        .updateServiceRequest,
    ]

    /// What the staff roles that only follow incidents and problems may do: read, with the staff's notes.
    private static let staffReaders: Set<AccessAction> = [
        .readPartner, .readIncident, .internalNotes, .manageOwnNotifications, .readProblems, .readHSSI,
        .readReleases, .readChangeNotices, .readServiceLevels, .readServiceRequests,
    ]
}
