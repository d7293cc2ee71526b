import Foundation

/// Reads and writes service-level tiers in the JSON configuration format, checking every field.
///
/// The format is `{"tiers": [ ... ]}`; each tier is an object:
/// ```json
/// {
///   "id": "gold", "name": "Gold",
///   "operationalHours": "24x365",
///   "businessCalendar": {"timeZone": "Europe/London", "division": "england-and-wales",
///                        "hours": {"monday": {"opens": "08:00", "closes": "20:00"}}},
///   "availabilityTargetPercent": 99.9, "monthlyDowntimeAllowanceMinutes": 43,
///   "reportingPeriod": "monthly", "serviceRequestMaximumAgeMonths": 3,
///   "recoveryPointObjectiveHours": 12, "disasterRecovery": "included",
///   "incidentResolutionHours": {"1": 2, "2": 4, "3": 8, "4": 40, "5": 100},
///   "problemFixWorkingDays": {"1": 15, "2": 30, "3": 60, "4": 120, "5": 180}
/// }
/// ```
/// The rules: `operationalHours` defaults to `24x365`, `businessCalendar` to UK office hours, `reportingPeriod` to
/// `monthly` and `disasterRecovery` to `optional`; every other field is required. Availability lies in 0...100,
/// downtime is a whole number of minutes (0 or more), ages, recovery points and problem targets are positive whole
/// numbers, incident targets are positive hours for each of severities 1 to 5, ids are unique, and unknown fields
/// are refused (they are usually typos). All problems are reported together.
public enum ServiceLevelTierConfiguration {
    /// The tiers of a configuration document, or every problem found in it.
    public static func decode(_ data: Data) throws(ServiceLevelTierConfigurationError) -> [ServiceLevelTier] {
        guard let root = try? JSONDecoder().decode(JSONValue.self, from: data) else {
            throw ServiceLevelTierConfigurationError(problems: ["the configuration is not valid JSON"])
        }
        guard case .object(let top) = root, case .array(let list)? = top["tiers"] else {
            throw ServiceLevelTierConfigurationError(problems: [
                "the configuration must be an object with a \"tiers\" list"
            ])
        }
        var problems = top.keys.filter { $0 != "tiers" }.sorted().map { "unknown top-level field '\($0)'" }
        var tiers: [ServiceLevelTier] = []
        var positionsByID: [String: [Int]] = [:]
        for (index, item) in list.enumerated() {
            var reader = ServiceLevelTierReader(item, position: index + 1)
            if let tier = reader.read() { tiers.append(tier) }
            problems += reader.problems
            if let id = reader.id { positionsByID[id, default: []].append(index + 1) }
        }
        for (id, positions) in positionsByID.sorted(by: { $0.value[0] < $1.value[0] }) where positions.count > 1 {
            let list = positions.map { "#\($0)" }.joined(separator: ", ")
            problems.append("tier id '\(id)' is used by more than one tier (\(list))")
        }
        guard problems.isEmpty else { throw ServiceLevelTierConfigurationError(problems: problems) }
        return tiers
    }

    /// A configuration document holding the given tiers, in the same format ``decode(_:)`` reads.
    public static func encode(_ tiers: [ServiceLevelTier]) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let document = JSONValue.object(["tiers": .array(tiers.map(value(of:)))])
        return try! encoder.encode(document)
    }

    private static func value(of tier: ServiceLevelTier) -> JSONValue {
        let calendarData = try! JSONEncoder().encode(tier.businessCalendar)
        let calendar = try! JSONDecoder().decode(JSONValue.self, from: calendarData)
        func table(_ values: PerSeverity<Int>, scale: Double) -> JSONValue {
            .object(
                Dictionary(
                    uniqueKeysWithValues: Severity.allCases.map { ("\($0.level)", .number(Double(values[$0]) / scale)) }
                ))
        }
        return .object([
            "id": .string(tier.id),
            "name": .string(tier.name),
            "operationalHours": .string(tier.operationalHours),
            "businessCalendar": calendar,
            "availabilityTargetPercent": .number(tier.availabilityTargetPercent),
            "monthlyDowntimeAllowanceMinutes": .number(Double(tier.monthlyDowntimeAllowanceMinutes)),
            "reportingPeriod": .string(tier.reportingPeriod.rawValue),
            "serviceRequestMaximumAgeMonths": .number(Double(tier.serviceRequestMaximumAgeMonths)),
            "recoveryPointObjectiveHours": .number(Double(tier.recoveryPointObjectiveHours)),
            "disasterRecovery": .string(tier.disasterRecovery.rawValue),
            "incidentResolutionHours": table(tier.incidentResolutionSeconds, scale: 3600),
            "problemFixWorkingDays": table(tier.problemFixWorkingDays, scale: 1),
        ])
    }
}
