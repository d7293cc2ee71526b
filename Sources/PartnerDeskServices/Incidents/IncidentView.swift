import PartnerDeskDomain

/// An incident with everything needed to show it: its clock's state now and its partner's tier.
public struct IncidentView: Sendable {
    public var incident: Incident
    /// The resolution clock as of the moment the view was made; `nil` before the desk received it.
    public var sla: SLAStatus?
    public var tier: ServiceLevelTier
    /// The partner's code and the client id of the service concerned, for display.
    public var partnerCode: PartnerCode?
    public var serviceClientID: String?
    /// Whether the partner is in its early-live period, when the desk keeps a closer eye on its incidents.
    public var isEarlyLive: Bool
    /// What was masked in the text just sent (secrets, other people's personal data), for telling the sender;
    /// empty when reading.
    public var maskings: [TextMasking] = []

    public init(incident: Incident, sla: SLAStatus?, tier: ServiceLevelTier, partner: Partner?) {
        self.incident = incident
        self.sla = sla
        self.tier = tier
        self.partnerCode = partner?.code
        self.isEarlyLive = partner?.status == .earlyLive
        self.serviceClientID = incident.report.serviceID.flatMap { id in
            partner?.services.first { $0.id == id }?.clientID
        }
    }
}

/// A comment as stored, with what was masked in it before it was.
public struct CommentOutcome: Sendable {
    public var event: IncidentEvent
    public var maskings: [TextMasking]
}
