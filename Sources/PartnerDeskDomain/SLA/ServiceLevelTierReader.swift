import Foundation

/// Reads one tier object of a configuration document, collecting a sentence for every problem.
struct ServiceLevelTierReader {
    private let fields: [String: JSONValue]
    private let position: Int
    private let isObject: Bool
    private(set) var problems: [String] = []
    /// The tier's id, when it has a usable one.
    private(set) var id: String?

    static let knownFields: Set<String> = [
        "id", "name", "operationalHours", "businessCalendar", "availabilityTargetPercent",
        "monthlyDowntimeAllowanceMinutes", "reportingPeriod", "serviceRequestMaximumAgeMonths",
        "recoveryPointObjectiveHours", "disasterRecovery", "incidentResolutionHours", "problemFixWorkingDays",
    ]

    init(_ value: JSONValue, position: Int) {
        if case .object(let fields) = value {
            self.fields = fields
            self.isObject = true
        } else {
            self.fields = [:]
            self.isObject = false
        }
        self.position = position
    }

    /// How problems name this tier: by id when it has one, else by position.
    private var label: String { id.map { "tier '\($0)'" } ?? "tier #\(position)" }

    mutating func read() -> ServiceLevelTier? {
        guard isObject else {
            problems.append("tier #\(position) must be an object")
            return nil
        }
        if case .string(let text)? = fields["id"], !text.trimmingCharacters(in: .whitespaces).isEmpty {
            id = text
        } else {
            problems.append("tier #\(position): \"id\" must be non-empty text")
        }
        for key in fields.keys.sorted() where !ServiceLevelTierReader.knownFields.contains(key) {
            problems.append("\(label): unknown field '\(key)'")
        }
        let name = text("name", default: nil)
        let operationalHours = text("operationalHours", default: "24x365")
        let calendar = calendarSpec()
        let availability = number(
            "availabilityTargetPercent", rule: "availability target must be between 0 and 100 percent"
        ) {
            $0 >= 0 && $0 <= 100
        }
        let downtime = wholeNumber(
            "monthlyDowntimeAllowanceMinutes", minimum: 0,
            rule: "monthly downtime allowance must be a whole number of minutes, 0 or more")
        let reporting: ReportingPeriod? = choice("reportingPeriod", default: .monthly)
        let maximumAge = wholeNumber(
            "serviceRequestMaximumAgeMonths", minimum: 1,
            rule: "service request maximum age must be a positive whole number of months")
        let recoveryPoint = wholeNumber(
            "recoveryPointObjectiveHours", minimum: 1,
            rule: "recovery point objective must be a positive whole number of hours")
        let disasterRecovery: DisasterRecoveryOption? = choice("disasterRecovery", default: .optionalBoltOn)
        let incident = severityTable(
            "incidentResolutionHours", target: "incident target", unit: "a positive number of hours"
        ) {
            let seconds = ($0 * 3600).rounded()
            return $0 > 0 && abs($0 * 3600 - seconds) < 1e-6
                && seconds <= Double(BusinessCalendar.maximumBusinessSeconds)
                ? Int(seconds) : nil
        }
        let problem = severityTable(
            "problemFixWorkingDays", target: "problem fix target", unit: "a positive whole number of working days"
        ) {
            $0 >= 1 && $0 <= Double(BusinessCalendar.maximumWorkingDays) && $0.rounded() == $0 ? Int($0) : nil
        }
        guard problems.isEmpty, let id, let name, let operationalHours, let calendar, let availability, let downtime,
            let reporting, let maximumAge, let recoveryPoint, let disasterRecovery, let incident, let problem
        else { return nil }
        return ServiceLevelTier(
            id: id, name: name, operationalHours: operationalHours, businessCalendar: calendar,
            availabilityTargetPercent: availability, monthlyDowntimeAllowanceMinutes: downtime,
            reportingPeriod: reporting, serviceRequestMaximumAgeMonths: maximumAge,
            recoveryPointObjectiveHours: recoveryPoint, disasterRecovery: disasterRecovery,
            incidentResolutionSeconds: incident, problemFixWorkingDays: problem)
    }

    private mutating func missingOrWrongKind(_ key: String, expected: String) {
        if let value = fields[key] {
            problems.append("\(label): \"\(key)\" must be \(expected) (got \(value.kind))")
        } else {
            problems.append("\(label): \"\(key)\" is missing")
        }
    }

    private mutating func text(_ key: String, default fallback: String?) -> String? {
        if fields[key] == nil, let fallback { return fallback }
        guard case .string(let value)? = fields[key], !value.trimmingCharacters(in: .whitespaces).isEmpty else {
            missingOrWrongKind(key, expected: "non-empty text")
            return nil
        }
        return value
    }

    private mutating func number(_ key: String, rule: String, isValid: (Double) -> Bool) -> Double? {
        guard case .number(let value)? = fields[key] else {
            missingOrWrongKind(key, expected: "a number")
            return nil
        }
        guard isValid(value) else {
            problems.append("\(label): \(rule) (got \(ServiceLevelTierReader.show(value)))")
            return nil
        }
        return value
    }

    private mutating func wholeNumber(_ key: String, minimum: Int, rule: String) -> Int? {
        number(key, rule: rule) { $0 >= Double(minimum) && $0 <= 1e9 && $0.rounded() == $0 }.map { Int($0) }
    }

    private mutating func choice<Choice: RawRepresentable & CaseIterable>(_ key: String, default fallback: Choice)
        -> Choice? where Choice.RawValue == String
    {
        guard let value = fields[key] else { return fallback }
        let allowed = Choice.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        guard case .string(let text) = value, let choice = Choice(rawValue: text) else {
            problems.append("\(label): \"\(key)\" must be one of \(allowed)")
            return nil
        }
        return choice
    }

    private mutating func severityTable(
        _ key: String, target: String, unit: String, convert: (Double) -> Int?
    ) -> PerSeverity<Int>? {
        guard case .object(let entries)? = fields[key] else {
            missingOrWrongKind(key, expected: "an object keyed by severity \"1\" to \"5\"")
            return nil
        }
        var values: [Int] = []
        for severity in Severity.allCases {
            guard let entry = entries["\(severity.level)"] else {
                problems.append("\(label): \(target) for severity \(severity.level) is missing")
                continue
            }
            guard case .number(let number) = entry, let value = convert(number) else {
                let shown =
                    if case .number(let number) = entry { ServiceLevelTierReader.show(number) } else { entry.kind }
                problems.append("\(label): \(target) for severity \(severity.level) must be \(unit) (got \(shown))")
                continue
            }
            values.append(value)
        }
        for key in entries.keys.sorted() where Int(key).flatMap(Severity.init) == nil {
            problems.append("\(label): \(target) given for unknown severity '\(key)' (use 1 to 5)")
        }
        guard values.count == 5 else { return nil }
        return PerSeverity(values[0], values[1], values[2], values[3], values[4])
    }

    private mutating func calendarSpec() -> BusinessCalendarSpec? {
        guard let value = fields["businessCalendar"] else { return .ukOfficeHours }
        let spec: BusinessCalendarSpec
        do {
            spec = try JSONDecoder().decode(BusinessCalendarSpec.self, from: JSONEncoder().encode(value))
        } catch let error as DecodingError {
            problems.append("\(label): business calendar is invalid: \(ServiceLevelTierReader.explain(error))")
            return nil
        } catch {
            problems.append("\(label): business calendar is invalid")
            return nil
        }
        let calendarProblems = spec.problems
        problems += calendarProblems.map { "\(label): business calendar: \($0.description)" }
        return calendarProblems.isEmpty ? spec : nil
    }

    private static func explain(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map(\.stringValue).joined(separator: ".")
            return keys.isEmpty ? "" : " at \(keys)"
        }
        switch error {
        case .keyNotFound(let key, let context): return "\"\(key.stringValue)\" is missing\(path(context))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return context.debugDescription + path(context)
        @unknown default: return "unreadable"
        }
    }

    /// A number as written in a message: whole numbers without a decimal point.
    static func show(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
