import Foundation
import Testing

@testable import PartnerDeskDomain

@Suite struct ServiceLevelTierConfigurationTests {
    static let gold = """
        {
          "id": "gold", "name": "Gold",
          "operationalHours": "24x365",
          "businessCalendar": {
            "timeZone": "Europe/London", "division": "scotland",
            "hours": {"monday": {"opens": "07:00", "closes": "20:00"}, "tuesday": {"opens": "07:00", "closes": "20:00"},
                      "wednesday": {"opens": "07:00", "closes": "20:00"}, "thursday": {"opens": "07:00", "closes": "20:00"},
                      "friday": {"opens": "07:00", "closes": "20:00"}, "saturday": {"opens": "09:00", "closes": "13:00"}},
            "closures": [{"date": "2026-12-24", "from": "12:00", "reason": "Christmas Eve"}]
          },
          "availabilityTargetPercent": 99.9, "monthlyDowntimeAllowanceMinutes": 43,
          "reportingPeriod": "monthly", "serviceRequestMaximumAgeMonths": 2,
          "recoveryPointObjectiveHours": 12, "disasterRecovery": "included",
          "incidentResolutionHours": {"1": 2, "2": 4, "3": 8.5, "4": 40, "5": 100},
          "problemFixWorkingDays": {"1": 15, "2": 30, "3": 60, "4": 120, "5": 180}
        }
        """

    static func document(_ tiers: String...) -> Data {
        Data("{\"tiers\": [\(tiers.joined(separator: ","))]}".utf8)
    }

    /// The gold tier with some fields replaced (a JSON fragment of `"key": value` pairs) or removed.
    static func gold(replacing fields: [String: String] = [:], removing: [String] = []) -> String {
        var object = try! JSONSerialization.jsonObject(with: Data(gold.utf8)) as! [String: Any]
        for key in removing { object.removeValue(forKey: key) }
        for (key, json) in fields {
            object[key] = try! JSONSerialization.jsonObject(with: Data(json.utf8), options: .fragmentsAllowed)
        }
        return String(decoding: try! JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    @Test func decode_readsAValidGoldTier() throws {
        let tiers = try ServiceLevelTierConfiguration.decode(Self.document(Self.gold))
        #expect(tiers.count == 1)
        let gold = try #require(tiers.first)
        #expect(gold.id == "gold" && gold.name == "Gold" && gold.availabilityTargetPercent == 99.9)
        #expect(gold.monthlyDowntimeAllowanceMinutes == 43 && gold.serviceRequestMaximumAgeMonths == 2)
        #expect(gold.recoveryPointObjectiveHours == 12 && gold.disasterRecovery == .included)
        #expect(gold.incidentResolutionSeconds == PerSeverity(7200, 14_400, 30_600, 144_000, 360_000))
        #expect(gold.problemFixWorkingDays == PerSeverity(15, 30, 60, 120, 180))
        #expect(gold.businessCalendar.division == .scotland)
        #expect(gold.businessCalendar.weeklyHours[.saturday] == DailyHours(opens: "09:00", closes: "13:00"))
        let calendar = try gold.makeCalendar()
        #expect(calendar.isOpen(At.utc("2026-11-21T12:59:59Z")) && !calendar.isOpen(At.utc("2026-11-21T13:00:00Z")))
        #expect(!calendar.isOpen(At.utc("2026-11-30T12:00:00Z")))  // St Andrew's Day
        #expect(!calendar.isOpen(At.utc("2026-12-24T12:00:00Z")))
    }

    @Test func decode_appliesDefaultsForOptionalFields() throws {
        let tier = Self.gold(removing: ["operationalHours", "businessCalendar", "reportingPeriod", "disasterRecovery"])
        let gold = try #require(try ServiceLevelTierConfiguration.decode(Self.document(tier)).first)
        #expect(gold.operationalHours == "24x365" && gold.businessCalendar == .ukOfficeHours)
        #expect(gold.reportingPeriod == .monthly && gold.disasterRecovery == .optionalBoltOn)
    }

    @Test func encode_roundTripsThroughDecode() throws {
        let tiers = [ServiceLevelTier.silver] + (try ServiceLevelTierConfiguration.decode(Self.document(Self.gold)))
        let data = ServiceLevelTierConfiguration.encode(tiers)
        #expect(try ServiceLevelTierConfiguration.decode(data) == tiers)
    }

    struct InvalidCase: Sendable, CustomTestStringConvertible {
        let name: String
        let document: Data
        let problems: [String]
        var testDescription: String { name }
    }

    static let invalidCases: [InvalidCase] = [
        InvalidCase(name: "not JSON", document: Data("{tiers".utf8), problems: ["the configuration is not valid JSON"]),
        InvalidCase(
            name: "no tiers list", document: Data(#"{"tier": []}"#.utf8),
            problems: ["the configuration must be an object with a \"tiers\" list"]),
        InvalidCase(
            name: "incident target not positive",
            document: document(
                gold(replacing: ["incidentResolutionHours": #"{"1": 2, "2": -4, "3": 8, "4": 40, "5": "soon"}"#])),
            problems: [
                "tier 'gold': incident target for severity 2 must be a positive number of hours (got -4)",
                "tier 'gold': incident target for severity 5 must be a positive number of hours (got text)",
            ]),
        InvalidCase(
            name: "missing and unknown severities",
            document: document(gold(replacing: ["problemFixWorkingDays": #"{"1": 15, "2": 30, "3": 2.5, "7": 1}"#])),
            problems: [
                "tier 'gold': problem fix target for severity 3 must be a positive whole number of working days (got 2.5)",
                "tier 'gold': problem fix target for severity 4 is missing",
                "tier 'gold': problem fix target for severity 5 is missing",
                "tier 'gold': problem fix target given for unknown severity '7' (use 1 to 5)",
            ]),
        InvalidCase(
            name: "availability outside 0–100",
            document: document(gold(replacing: ["availabilityTargetPercent": "101"])),
            problems: ["tier 'gold': availability target must be between 0 and 100 percent (got 101)"]),
        InvalidCase(
            name: "duplicate ids", document: document(gold, gold(replacing: ["name": #""Gold again""#]), gold),
            problems: ["tier id 'gold' is used by more than one tier (#1, #2, #3)"]),
        InvalidCase(
            name: "missing fields and bad choices, all at once",
            document: document(
                gold(
                    replacing: [
                        "reportingPeriod": #""weekly""#, "monthlyDowntimeAllowanceMinutes": "-1", "colour": #""gold""#,
                    ],
                    removing: ["name", "recoveryPointObjectiveHours"])),
            problems: [
                "tier 'gold': unknown field 'colour'",
                "tier 'gold': \"name\" is missing",
                "tier 'gold': monthly downtime allowance must be a whole number of minutes, 0 or more (got -1)",
                "tier 'gold': \"reportingPeriod\" must be one of 'monthly', 'quarterly', 'annually'",
                "tier 'gold': \"recoveryPointObjectiveHours\" is missing",
            ]),
        InvalidCase(
            name: "tier without an id is named by position",
            document: document(gold, gold(replacing: ["id": #""""#, "serviceRequestMaximumAgeMonths": #""three""#])),
            problems: [
                "tier #2: \"id\" must be non-empty text",
                "tier #2: \"serviceRequestMaximumAgeMonths\" must be a number (got text)",
            ]),
        InvalidCase(
            name: "bad business calendar",
            document: document(
                gold(replacing: [
                    "businessCalendar": #"{"timeZone": "Europe/Atlantis", "division": "wales", "hours": {}}"#
                ])),
            problems: [
                "tier 'gold': business calendar is invalid: Cannot initialize Division from invalid String value wales at division"
            ]),
        InvalidCase(
            name: "calendar that never opens",
            document: document(
                gold(replacing: [
                    "businessCalendar": #"{"timeZone": "Europe/Atlantis", "division": "scotland", "hours": {}}"#
                ])),
            problems: [
                "tier 'gold': business calendar: 'Europe/Atlantis' is not a known time zone (use an IANA name such as Europe/London).",
                "tier 'gold': business calendar: The weekly hours must open on at least one day.",
            ]),
        InvalidCase(
            name: "tier that is not an object", document: document(gold, "42"), problems: ["tier #2 must be an object"]),
    ]

    @Test(arguments: invalidCases)
    func decode_reportsEveryProblemWithAClearMessage(item: InvalidCase) {
        #expect(throws: ServiceLevelTierConfigurationError(problems: item.problems)) {
            try ServiceLevelTierConfiguration.decode(item.document)
        }
    }
}
