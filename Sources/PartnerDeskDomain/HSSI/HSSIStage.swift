/// Where a Higher Severity Service Incident has got to.
///
/// The stages run in one fixed order and each is reached once: it occurred → the partner identified it → the
/// partner raised it with the platform → it was prioritised at severity 1 or 2 → the Service Bridge was told →
/// DevOps were engaged to investigate → communications went to the affected partners → resolved → closed.
/// Raw values are the names the API and the timeline export use.
public enum HSSIStage: String, CaseIterable, Hashable, Sendable, Codable, Comparable {
    /// The incident happened (the record's starting point).
    case occurred = "occurred"
    /// The partner recognised it as a potential HSSI.
    case identified = "identified"
    /// The partner told the platform (raised a call with the Service Bridge).
    case notified = "notified"
    /// Severity 1 or 2 was set.
    case prioritised = "prioritised"
    /// The Service Bridge was notified.
    case bridgeNotified = "bridge_notified"
    /// DevOps were engaged to investigate.
    case devOpsEngaged = "devops_engaged"
    /// The platform's communications went to the affected partners.
    case communicationsSent = "communications_sent"
    /// The harm has stopped; no further status updates are due.
    case resolved = "resolved"
    /// Nothing more will be recorded.
    case closed = "closed"

    /// Words for people.
    public var label: String {
        switch self {
        case .occurred: "Occurred"
        case .identified: "Identified by partner"
        case .notified: "Notified to the platform"
        case .prioritised: "Prioritised"
        case .bridgeNotified: "Service Bridge notified"
        case .devOpsEngaged: "DevOps engaged"
        case .communicationsSent: "Communications sent to affected partners"
        case .resolved: "Resolved"
        case .closed: "Closed"
        }
    }

    /// The only stage that may follow this one; `nil` once closed.
    public var next: HSSIStage? {
        let all = HSSIStage.allCases
        let index = all.firstIndex(of: self)! + 1
        return index < all.count ? all[index] : nil
    }

    /// Whether the harm is over (resolved or closed).
    public var isResolved: Bool { self >= .resolved }

    /// Orders stages as the process runs.
    public static func < (lhs: HSSIStage, rhs: HSSIStage) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
