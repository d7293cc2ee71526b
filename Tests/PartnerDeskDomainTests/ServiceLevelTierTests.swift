import Foundation
import Testing

@testable import PartnerDeskDomain

@Suite struct ServiceLevelTierTests {
    @Test func silver_isTheBuiltInDefault() {
        let silver = ServiceLevelTier.default
        #expect(silver == .silver && silver.id == "silver" && silver.name == "Silver")
        #expect(silver.operationalHours == "24x365")
        #expect(silver.businessCalendar == .ukOfficeHours)
        #expect(silver.availabilityTargetPercent == 99.5)
        #expect(silver.monthlyDowntimeAllowanceMinutes == 58)
        #expect(silver.reportingPeriod == .monthly)
        #expect(silver.serviceRequestMaximumAgeMonths == 3)
        #expect(silver.recoveryPointObjectiveHours == 24)
        #expect(silver.disasterRecovery == .optionalBoltOn)
        #expect(
            Severity.allCases.map { silver.incidentResolutionSeconds[$0] } == [
                14_400, 28_800, 72_000, 288_000, 720_000,
            ])
        #expect(Severity.allCases.map { silver.problemFixWorkingDays[$0] } == [30, 60, 120, 240, 360])
    }

    @Test func severity_acceptsOnlyOneToFive_andCodesAsAnInteger() throws {
        #expect(Severity(0) == nil && Severity(6) == nil && Severity(3) == .three)
        #expect(Severity.allCases.map(\.level) == [1, 2, 3, 4, 5])
        #expect(Severity.one < Severity.five)
        #expect(Severity.two.description == "severity 2")
        let data = try JSONEncoder().encode([Severity.four])
        #expect(String(decoding: data, as: UTF8.self) == "[4]")
        #expect(try JSONDecoder().decode([Severity].self, from: data) == [.four])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Severity].self, from: Data("[7]".utf8)) }
    }

    @Test func perSeverity_holdsOneValueEach() {
        var table = PerSeverity { $0.level * 10 }
        #expect(table[.three] == 30)
        table[.three] = 7
        #expect(table[.three] == 7 && table == PerSeverity(10, 20, 7, 40, 50))
    }
}
