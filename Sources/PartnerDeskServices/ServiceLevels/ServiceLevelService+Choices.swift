import Foundation
import PartnerDeskDomain

/// One partner's choice of the components its services use.
public struct PartnerComponents: Sendable, Hashable {
    public var partner: Partner
    /// The chosen components in the platform's order; empty when the partner hears of every component.
    public var chosen: [ServiceComponent]

    /// Whether the partner hears of every component.
    public var isEveryComponent: Bool { chosen.isEmpty }
}

/// Partners choose the components they use, and hear only of those components' outages and maintenance.
extension ServiceLevelService {
    /// The caller's own organisation's choice (a partner), or every partner's still served (staff).
    public func componentChoices(as principal: Principal) async throws -> [PartnerComponents] {
        try Authorization.require(principal, .readServiceLevels)
        let repositories = store.repositories
        let partners = try await Broadcast.audience(
            principal.role.isPartnerRole ? [principal.partnerID].compactMap { $0 } : nil, in: repositories)
        let components = try await Self.components(in: repositories)
        let choices = try await repositories.serviceLevels.componentChoices()
        return partners.map { Self.choice(of: $0, choices[$0.id] ?? .every, listed: components) }
    }

    /// Replaces a partner's choice (its administrators, or the platform's); an empty list chooses every
    /// component. Audited.
    public func chooseComponents(_ codes: [String], partnerCode: String, by principal: Principal) async throws
        -> PartnerComponents
    {
        try Authorization.require(principal, .chooseComponents)
        guard !partnerCode.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationFailure([
                ValidationIssue(field: "partner", code: "required", message: "Choose the partner.")
            ])
        }
        let audit = self.audit
        return try await store.transaction { repositories in
            guard let code = PartnerCode(partnerCode), let partner = try await repositories.partners.find(code: code),
                partner.status != .offboarded
            else { throw ServiceError.notFound }
            try Authorization.require(principal, .chooseComponents, owner: .partner(partner.id))
            let components = try await Self.components(in: repositories)
            let choice = try ComponentChoice.validated(codes, listed: components)
            let before = try await repositories.serviceLevels.componentChoices()[partner.id] ?? .every
            try await repositories.serviceLevels.setComponentChoice(choice, for: partner.id)
            let describe = { (choice: ComponentChoice) in
                let codes = choice.current(in: components)
                return codes.isEmpty ? "every component" : codes.joined(separator: ", ")
            }
            try await audit.append(
                AuditRecord(
                    principal: principal, action: "component.choose", outcome: .succeeded,
                    target: partner.code.value
                ).about(
                    AuditSubject(kind: "partner", id: partner.id.description),
                    changes: FieldChange.between(["components": describe(before)], ["components": describe(choice)])),
                in: repositories)
            return Self.choice(of: partner, choice, listed: components)
        }
    }

    private static func choice(of partner: Partner, _ choice: ComponentChoice, listed components: [ServiceComponent])
        -> PartnerComponents
    {
        let codes = Set(choice.current(in: components))
        return PartnerComponents(partner: partner, chosen: components.filter { codes.contains($0.code) })
    }

    /// The partners a notice about `codes` reaches: those named in `affected` (every partner still served when it
    /// is empty) whose choice covers at least one of the codes.
    static func audience(of codes: [String], affected: [Partner.ID], in repositories: any Repositories) async throws
        -> [Partner]
    {
        let components = try await Self.components(in: repositories)
        let choices = try await repositories.serviceLevels.componentChoices()
        return try await Broadcast.audience(affected.isEmpty ? nil : affected, in: repositories).filter {
            (choices[$0.id] ?? .every).covers(codes, listed: components)
        }
    }
}
