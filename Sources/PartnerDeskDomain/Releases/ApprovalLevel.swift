/// A level of assurance within the platform's organisation that signs a change off as safe, such as clinical
/// safety. Levels are data: which exist, what each must approve (every release, major changes to partners) and
/// who its approvers are.
public struct ApprovalLevel: Hashable, Sendable, Identifiable, Codable {
    /// A short stable code, `clinical_safety`.
    public var code: String
    public var name: String
    /// What the level looks at, for approvers and release managers.
    public var description: String
    /// Whether every release needs this level's approval.
    public var requiredForReleases: Bool
    /// Whether a release that carries a major change to partners needs it.
    public var requiredForMajorChanges: Bool
    /// The assurance approvers who decide for this level.
    public var approvers: [User.ID]

    public init(
        code: String, name: String, description: String, requiredForReleases: Bool, requiredForMajorChanges: Bool,
        approvers: [User.ID] = []
    ) {
        self.code = code
        self.name = name
        self.description = description
        self.requiredForReleases = requiredForReleases
        self.requiredForMajorChanges = requiredForMajorChanges
        self.approvers = approvers
    }

    public var id: String { code }

    /// The levels a new installation starts with.
    public static let defaults: [ApprovalLevel] = [
        ApprovalLevel(
            code: "technical_design", name: "Technical design",
            description: "The design and its tests are sound, and the release can be rolled back.",
            requiredForReleases: true, requiredForMajorChanges: true),
        ApprovalLevel(
            code: "clinical_safety", name: "Clinical safety",
            description: "The clinical risk of the change is assessed and acceptable (DCB0129).",
            requiredForReleases: false, requiredForMajorChanges: true),
        ApprovalLevel(
            code: "information_governance", name: "Information governance",
            description: "Personal data is handled lawfully and no more of it is used than before.",
            requiredForReleases: false, requiredForMajorChanges: true),
        ApprovalLevel(
            code: "service_management", name: "Service management",
            description: "Partners have been told, the service desk is ready, and the timing avoids busy periods.",
            requiredForReleases: true, requiredForMajorChanges: true),
    ]

    /// What a release carrying `features` needs: the levels every release needs, the levels for major changes
    /// when it carries one, and the approval of each partner a major change names.
    public static func requirements(levels: [ApprovalLevel], features: [SprintFeature]) -> [ApprovalRequirement] {
        let major = features.filter { $0.impact == .major }
        var required = levels.filter { $0.requiredForReleases || (!major.isEmpty && $0.requiredForMajorChanges) }
            .map { ApprovalRequirement.level($0.code) }
        for partner in major.flatMap(\.affectedPartners) where !required.contains(.partner(partner)) {
            required.append(.partner(partner))
        }
        return required
    }
}

/// One approval a release needs: an assurance level's, or an affected partner's. Stored and sent as its
/// ``key``.
public enum ApprovalRequirement: Hashable, Sendable, Codable {
    case level(String)
    case partner(Partner.ID)

    /// `level:clinical_safety` or `partner:<id>`, as stored and sent.
    public var key: String {
        switch self {
        case .level(let code): "level:\(code)"
        case .partner(let id): "partner:\(id)"
        }
    }

    public init?(key: String) {
        if key.hasPrefix("level:") {
            let code = String(key.dropFirst("level:".count))
            guard !code.isEmpty else { return nil }
            self = .level(code)
        } else if key.hasPrefix("partner:"), let id = Partner.ID(uuidString: String(key.dropFirst("partner:".count))) {
            self = .partner(id)
        } else {
            return nil
        }
    }

    public init(from decoder: any Decoder) throws {
        let key = try decoder.singleValueContainer().decode(String.self)
        guard let requirement = Self(key: key) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: key))
        }
        self = requirement
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(key)
    }
}
