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
