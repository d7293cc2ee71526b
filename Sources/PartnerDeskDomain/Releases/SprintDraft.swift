import Foundation

/// A sprint as a release manager sent it, before any of it has been checked; every field is optional so that
/// each missing one gets its own message.
public struct SprintDraft: Hashable, Sendable {
    public var number: Int?
    /// `YYYY-MM-DD`.
    public var startsOn: String?
    /// `YYYY-MM-DD`; two weeks less a day after the start when left out.
    public var endsOn: String?
    public var goal: String?
    public var features: [SprintFeatureDraft]

    public init(
        number: Int? = nil, startsOn: String? = nil, endsOn: String? = nil, goal: String? = nil,
        features: [SprintFeatureDraft] = []
    ) {
        self.number = number
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.goal = goal
        self.features = features
    }

    /// The longest sprint accepted, in days, and the most features one sprint lists.
    public enum Limits {
        public static let days = 28
        public static let features = 50
        public static let services = 10
        public static let serviceName = 100
    }

    /// A checked sprint's fields.
    public struct Plan: Hashable, Sendable {
        public var number: Int
        public var startsOn: LocalDate
        public var endsOn: LocalDate
        public var goal: String?
        public var features: [SprintFeature]
    }

    /// Checks every field (texts through the patient-data guard) and reports every problem at once. A feature
    /// sent with the id of one of `existing` keeps it, so releases that carry it still do; `partner` resolves a
    /// partner's code.
    public func validated(
        existing: [SprintFeature] = [], newID: () -> UUID, partner: (String) -> Partner.ID?
    ) throws(ValidationFailure) -> Plan {
        var check = ValidationCollector()
        if number == nil { check.add("number", "required", "Give the sprint's number.") }
        if let number, !(1...1_000_000).contains(number) {
            check.add("number", "out_of_range", "The sprint's number must be between 1 and 1000000.")
        }
        let start = check.localDate(startsOn, field: "startsOn", label: "start date", required: true)
        var end = check.localDate(endsOn, field: "endsOn", label: "end date", required: false)
        if let start, end == nil, endsOn?.trimmingWhitespace.isEmpty ?? true { end = start.adding(days: 13) }
        if let start, let end {
            if end < start {
                check.add("endsOn", "before_start", "The sprint cannot end before it starts.")
            } else if start.days(until: end) >= Limits.days {
                check.add("endsOn", "too_long", "A sprint lasts at most \(Limits.days) days.")
            }
        }
        let goal = check.optionalGuardedText("goal", goal, label: "goal", maxLength: TextLimits.text)
        if features.count > Limits.features {
            check.add("features", "too_many", "A sprint lists at most \(Limits.features) features.")
        }
        let known = Dictionary(existing.map { ($0.id.description, $0.id) }, uniquingKeysWith: { first, _ in first })
        var checked: [SprintFeature] = []
        for (index, draft) in features.prefix(Limits.features).enumerated() {
            let id = draft.id.flatMap { known[$0.lowercased()] } ?? SprintFeature.ID(newID())
            if let feature = draft.checked(id: id, field: "features[\(index)]", partner: partner, into: &check) {
                checked.append(feature)
            }
        }
        // A missing number or date has already been named.
        guard check.issues.isEmpty, let number, let start, let end else { throw ValidationFailure(check.issues) }
        return Plan(number: number, startsOn: start, endsOn: end, goal: goal, features: checked)
    }
}

/// A feature as sent; see ``SprintFeature``.
public struct SprintFeatureDraft: Hashable, Sendable {
    /// The id of a feature the sprint already lists, to change it rather than add a new one.
    public var id: String?
    public var title: String?
    public var description: String?
    public var services: [String]?
    /// `none`, `minor` or `major`.
    public var impact: String?
    public var partnerAction: String?
    /// Partner codes; none means every partner.
    public var affectedPartners: [String]?

    public init(
        id: String? = nil, title: String? = nil, description: String? = nil, services: [String]? = nil,
        impact: String? = nil, partnerAction: String? = nil, affectedPartners: [String]? = nil
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.services = services
        self.impact = impact
        self.partnerAction = partnerAction
        self.affectedPartners = affectedPartners
    }

    func checked(
        id: SprintFeature.ID, field: String, partner: (String) -> Partner.ID?, into check: inout ValidationCollector
    ) -> SprintFeature? {
        let before = check.issues.count
        let title = check.guardedText("\(field).title", title ?? "", label: "title", maxLength: TextLimits.title)
        let description = check.guardedText(
            "\(field).description", description ?? "", label: "description", maxLength: TextLimits.text)
        let services = (services ?? []).map(\.trimmingWhitespace).filter { !$0.isEmpty }
        if services.isEmpty {
            check.add("\(field).services", "required", "Name at least one service the feature touches.")
        } else if services.count > SprintDraft.Limits.services {
            check.add("\(field).services", "too_many", "Name at most \(SprintDraft.Limits.services) services.")
        }
        let named = services.prefix(SprintDraft.Limits.services).enumerated().compactMap { index, service in
            check.guardedText(
                "\(field).services[\(index)]", service, label: "service", maxLength: SprintDraft.Limits.serviceName)
        }
        let given = impact?.trimmingWhitespace.lowercased() ?? ""
        let impact = ChangeImpact(rawValue: given)
        if impact == nil {
            check.add(
                "\(field).impact", given.isEmpty ? "required" : "invalid_value",
                "Choose the impact on partners: none, minor or major.")
        }
        let action = check.optionalGuardedText(
            "\(field).partnerAction", partnerAction, label: "action partners must take", maxLength: TextLimits.text)
        let partners = check.resolved(
            affectedPartners ?? [], field: "\(field).affectedPartners", code: "unknown_partner",
            missing: { "No partner has the code \($0)." }, lookup: partner)
        guard check.issues.count == before, let title, let description, let impact else { return nil }
        return SprintFeature(
            id: id, title: title, description: description, services: named, impact: impact, partnerAction: action,
            affectedPartners: partners)
    }
}

extension ValidationCollector {
    /// Each of `given` looked up (trimmed), without repeats; one `code` issue under `field[index]` for each
    /// that is not found.
    mutating func resolved<Found: Equatable>(
        _ given: [String], field: String, code: String, missing: (String) -> String, lookup: (String) -> Found?
    ) -> [Found] {
        var found: [Found] = []
        for (index, text) in given.enumerated() {
            if let item = lookup(text.trimmingWhitespace) {
                if !found.contains(item) { found.append(item) }
            } else {
                add("\(field)[\(index)]", code, missing(text))
            }
        }
        return found
    }

    /// A calendar date from `YYYY-MM-DD`, or `nil` with the reason added under `field`.
    mutating func localDate(_ text: String?, field: String, label: String, required: Bool) -> LocalDate? {
        guard let text = text?.trimmingWhitespace, !text.isEmpty else {
            if required { add(field, "required", "Give the \(label).") }
            return nil
        }
        guard let date = LocalDate(text) else {
            add(field, "invalid_format", "Give the \(label) as a date like 2026-12-07.")
            return nil
        }
        return date
    }
}
