/// Who first said that an incident is a Higher Severity Service Incident.
///
/// The platform's side (its service desk or the Service Bridge) may declare one even when the partner judged
/// the incident less serious; the partner is then still bound to take part.
public enum HSSIDeclarer: String, CaseIterable, Hashable, Sendable, Codable {
    /// The partner spotted it and raised it.
    case partner = "partner"
    /// The platform's First Line Service Desk.
    case serviceDesk = "service_desk"
    /// The Service Bridge that coordinates HSSIs.
    case serviceBridge = "service_bridge"

    /// A short label for pages and exports.
    public var label: String {
        switch self {
        case .partner: "Partner"
        case .serviceDesk: "Service desk"
        case .serviceBridge: "Service Bridge"
        }
    }

    /// Whether the declarer speaks for the platform rather than the partner.
    public var isPlatform: Bool { self != .partner }
}

extension HSSIDeclarer {
    /// Who a person of the role declares as: a partner's people for the partner, the Service Bridge's
    /// operators for the Bridge, everyone else on the platform for the service desk.
    public init(role: Role) {
        self = role.isPartnerRole ? .partner : role == .serviceBridgeOperator ? .serviceBridge : .serviceDesk
    }

    /// What the affected partners' HSSI managers are told when an HSSI is declared.
    public static let partnersNotice =
        "A Higher Severity Service Incident affecting your service has been declared. Your HSSI manager must "
        + "take part until it is resolved."

    /// What the Service Bridge is told when an HSSI is declared, with how late the partner's notification came
    /// when it came late.
    public func bridgeNotice(notification: HSSITimeliness) -> String {
        var notice = "A Higher Severity Service Incident has been declared by \(label.lowercased())."
        if case .late(let seconds) = notification {
            notice +=
                " The partner's notification is late: it came \(seconds / 60) minutes after the 30 minutes "
                + "allowed within its hours of operation."
        }
        return notice
    }
}
