import Foundation
import PartnerDeskDomain
import PartnerDeskTestSupport

// Throughput of the business calendar on one core. Randomness is fine here (never in the domain): a seeded
// SplitMix64 makes every run measure the same starts. Each figure repeats a pass over the starts for about
// half a second; checksums keep the optimiser from discarding the work.

let clock = ContinuousClock()

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// Runs `pass` (which answers `answersPerPass` questions) for about half a second, in slices of about 50 ms.
/// Returns the rate of the best slice: the machine is shared, and the best slice is the least disturbed one.
/// The mean over the whole half second is printed as well.
func measure(_ label: String, answersPerPass: Int, _ pass: () -> Int) -> Double {
    var checksum = pass()
    var best = 0.0
    var totalPasses = 0
    let start = clock.now
    repeat {
        let sliceStart = clock.now
        var passes = 0
        var slice = 0.0
        repeat {
            checksum &+= pass()
            passes += 1
            slice = seconds(clock.now - sliceStart)
        } while slice < 0.05
        totalPasses += passes
        best = max(best, Double(passes * answersPerPass) / slice)
    } while seconds(clock.now - start) < 0.5
    let mean = Double(totalPasses * answersPerPass) / seconds(clock.now - start)
    let figures = String(format: "%8.3f M/s  (mean %6.3f M/s)", best / 1e6, mean / 1e6)
    print("\(label.padding(toLength: 40, withPad: " ", startingAt: 0)) \(figures)   checksum \(checksum)")
    return best
}

let buildStart = clock.now
let calendar = try BusinessCalendar(spec: .ukOfficeHours)
print("build England & Wales calendar 1990-2100: \(String(format: "%.1f", seconds(clock.now - buildStart) * 1000)) ms")

let count = 20_000
let low = ISO8601Instant.epochSeconds(from: "2015-01-01T00:00:00Z")!
let high = ISO8601Instant.epochSeconds(from: "2035-01-01T00:00:00Z")!
var random = SeededRandom(seed: 20_260_101)
let starts = (0..<count).map { _ in Int.random(in: low..<high, using: &random) }
let startDates = starts.map(EpochSeconds.date)
let ends4h = starts.map { $0 + 4 * 3600 }
let ends200h = starts.map { $0 + 200 * 3600 }
let endDates4h = ends4h.map(EpochSeconds.date)
let endDates200h = ends200h.map(EpochSeconds.date)

print("\n\(count) random starts 2015-2035, one core:")
let due4 = measure("due 4 h (Date)", answersPerPass: count) {
    var sum = 0
    for date in startDates { sum &+= Int(calendar.due(from: date, businessSeconds: 14_400).timeIntervalSince1970) }
    return sum
}
let due200 = measure("due 200 h (Date)", answersPerPass: count) {
    var sum = 0
    for date in startDates { sum &+= Int(calendar.due(from: date, businessSeconds: 720_000).timeIntervalSince1970) }
    return sum
}
let due4Int = measure("due 4 h (epoch seconds)", answersPerPass: count) {
    var sum = 0
    for start in starts { sum &+= calendar.due(fromEpochSeconds: start, businessSeconds: 14_400) }
    return sum
}
let due200Int = measure("due 200 h (epoch seconds)", answersPerPass: count) {
    var sum = 0
    for start in starts { sum &+= calendar.due(fromEpochSeconds: start, businessSeconds: 720_000) }
    return sum
}
let elapsed4 = measure("elapsed 4 h span (Date)", answersPerPass: count) {
    var sum = 0
    for index in 0..<count { sum &+= calendar.elapsed(from: startDates[index], to: endDates4h[index]) }
    return sum
}
let elapsed200 = measure("elapsed 200 h span (Date)", answersPerPass: count) {
    var sum = 0
    for index in 0..<count { sum &+= calendar.elapsed(from: startDates[index], to: endDates200h[index]) }
    return sum
}
_ = measure("elapsed 4 h span (epoch seconds)", answersPerPass: count) {
    var sum = 0
    for index in 0..<count { sum &+= calendar.elapsed(fromEpochSeconds: starts[index], toEpochSeconds: ends4h[index]) }
    return sum
}
_ = measure("elapsed 200 h span (epoch seconds)", answersPerPass: count) {
    var sum = 0
    for index in 0..<count {
        sum &+= calendar.elapsed(fromEpochSeconds: starts[index], toEpochSeconds: ends200h[index])
    }
    return sum
}
_ = measure("addWorkingDays 360 (Date)", answersPerPass: count) {
    var sum = 0
    for date in startDates { sum &+= calendar.addWorkingDays(360, to: date).dueEpochSeconds }
    return sum
}
_ = measure("addWorkingDays 360 (epoch seconds)", answersPerPass: count) {
    var sum = 0
    for start in starts { sum &+= calendar.addWorkingDays(360, toEpochSeconds: start).dueEpochSeconds }
    return sum
}

let lineCount = 100_000
let lines: [String] = (0..<lineCount).map { index in
    let start = ISO8601Instant.string(fromEpochSeconds: starts[index % count])
    switch index % 3 {
    case 0: return "due \(start) \(Int.random(in: 1..<720_001, using: &random))"
    case 1: return "elapsed \(start) \(ISO8601Instant.string(fromEpochSeconds: ends200h[index % count]))"
    default: return "workdays \(start) \(Int.random(in: 1..<361, using: &random))"
    }
}
let batch = BusinessTimeBatch(calendar: calendar)
let batchRate = measure("batch lines (due/elapsed/workdays mix)", answersPerPass: lineCount) {
    var sum = 0
    for line in lines { sum &+= batch.answer(line).utf8.count }
    return sum
}

print(
    "\nratio due 200 h / 4 h:       Date \(String(format: "%.3f", due200 / due4))   epoch seconds \(String(format: "%.3f", due200Int / due4Int))"
)
print("ratio elapsed 200 h / 4 h:   Date \(String(format: "%.3f", elapsed200 / elapsed4))")
print("100,000 batch lines take \(String(format: "%.1f", Double(lineCount) / batchRate * 1000)) ms")

// The patient-data guard runs on every text field of every request: the fields of a typical raise, a long
// description with dates and codes, and texts that mention a name or a birth date without giving one.
let guardFields: [(field: String, text: String)] = [
    ("errorType", "Sign-in loop"),
    ("description", "The sign-in page loops back to the start after the security code"),
    ("operatingSystem", "iOS"), ("operatingSystemVersion", "17.4.1"), ("errorCodes[0]", "P0042"),
    ("userEmail", "someone@example.org"), ("occurredAt", "2026-11-23T08:15:00Z"),
    (
        "description",
        String(
            repeating: "On 2026-11-23 at 08:15 the app showed error P0042 (build 4.12.0-rc.3) after the user "
                + "entered the 6-digit code sent to 07700 900123; retrying from a second device worked. ",
            count: 8)
    ),
    ("description", "The user's display name is wrong after the birthday offer screen; date shown 01/02/2026."),
]
let patientDataGuard = PatientDataGuard()
print("\npatient-data guard, one core:")
_ = measure("guard: typical and long incident fields", answersPerPass: guardFields.count) {
    patientDataGuard.refusals(for: guardFields).count + guardFields.count
}
let masker = SensitiveTextMasker(allowedEmailAddresses: ["someone@example.org"])
_ = measure("masker: the same fields", answersPerPass: guardFields.count) {
    guardFields.reduce(0) { $0 + masker.mask($1.text, field: $1.field).text.utf8.count }
}

// Both sides of the guard on generated text: ordinary support text it must accept (the false-alarm rate),
// bare ten-digit values that no text tells apart from a patient number, and patient numbers of every scheme
// in every spelling it must refuse.
print("\npatient-data guard, generated text (10,000 samples each):")
var samples = SeededRandom(seed: 20_261_201)
func refusedShare(_ label: String, _ text: () -> String) {
    let refused = (0..<10_000).filter { _ in !patientDataGuard.findings(in: text()).isEmpty }.count
    print(
        "  \(label.padding(toLength: 44, withPad: " ", startingAt: 0)) \(refused) refused (\(String(format: "%.2f", Double(refused) / 100)) %)"
    )
}
for kind in PatientNumberSamples.OrdinaryText.allCases {
    refusedShare(kind.rawValue) { PatientNumberSamples.ordinaryText(kind, using: &samples) }
}
refusedShare("bare random ten-digit numbers") {
    "ref \(Int.random(in: 1_000_000_000...9_999_999_999, using: &samples))"
}
refusedShare("bare Unix timestamps, 2001-2038") {
    "at \(Int.random(in: 1_000_000_000...2_147_483_647, using: &samples))"
}
for scheme in PatientNumberScheme.allCases {
    refusedShare("\(scheme.rawValue) in generated spellings") {
        let number = PatientNumberSamples.number(scheme, using: &samples)
        return PatientNumberSamples.sentence(
            around: PatientNumberSamples.spelling(of: number, using: &samples), using: &samples)
    }
}

// Monthly reports and bank-holiday imports, in memory: 1,000,000 incidents over 24 months and 100 partners
// (seeded), one partner's month worked out from the incidents that concern it, every partner's month, and
// 100,000 running clocks replayed under a calendar with one more holiday.
print("\nmonthly service reports and bank-holiday replay, one core:")
do {
    let tier = ServiceLevelTier.silver
    let reportCalendar = try tier.makeCalendar()
    let partners = (0..<100).map { _ in Partner.ID(UUID()) }
    let first = ReportingMonth("2025-01")!
    var seeds = SeededRandom(seed: 20_261_207)
    let raisedFrom = reportCalendar.interval(of: first).start
    let span = reportCalendar.interval(of: ReportingMonth("2026-12")!).end.timeIntervalSince(raisedFrom)
    func incident(_ number: Int, open: Bool) -> Incident {
        let raised = raisedFrom.addingTimeInterval(Double(Int.random(in: 0..<Int(span), using: &seeds)))
        let report = IncidentReport(
            serviceID: nil, partnerReference: nil, type: .accessingService, occurredAt: raised,
            userEmail: EmailAddress("u@example.org")!, errorType: "Loop", description: "Loops", deviceType: .mobile,
            operatingSystem: "iOS", operatingSystemVersion: "17", errorCodes: [], checkedKnownProblems: true,
            suspectedProblem: nil, alternativeContact: nil, suggestedSeverity: nil)
        var incident = Incident(
            id: .init(UUID()), reference: IncidentReference(number: number)!, partnerID: partners[number % 100],
            report: report, raisedAt: raised, raisedBy: "bench")
        let severity = Severity(1 + number % 5)!
        try! incident.apply(.receive(severity: severity), at: raised.addingTimeInterval(600), tier: tier)
        if !open {
            let took = Double(Int.random(in: 600..<(tier.incidentResolutionSeconds[severity] * 3), using: &seeds))
            try! incident.apply(
                .resolve(.init(kind: .fix, summary: "Fixed")), at: raised.addingTimeInterval(600 + took), tier: tier)
        }
        return incident
    }
    let seedStart = clock.now
    let stored = (1...1_000_000).map { incident($0, open: $0 % 500 == 0) }
    print("seed 1,000,000 incidents: \(String(format: "%.1f", seconds(clock.now - seedStart))) s")
    let november = ReportingMonth("2026-11")!
    let period = reportCalendar.interval(of: november)
    let start = period.start
    func inputs(for partner: Partner.ID?, _ incidents: [Incident]) -> ServiceReport.Inputs {
        ServiceReport.Inputs(
            month: november, scope: .init(partnerCode: partner == nil ? nil : "P", name: "P"), tier: tier,
            period: period, compiledAt: period.end, incidents: incidents, clockRules: { _ in (tier, reportCalendar) },
            partnerCodes: [:], hssis: [], partnerID: partner, hours: { _ in reportCalendar }, problems: [],
            availability: Availability.measure(
                month: november, tier: tier, calendar: reportCalendar, outages: [], maintenance: [], partner: partner,
                now: period.end),
            releases: [], maintenance: [])
    }
    // What the stores hand over: the incidents raised before the month ended and not stopped before it began,
    // found through an index on that key; grouping them by partner once stands in for the index here.
    let startKey = Int64(start.timeIntervalSince1970)
    let concerned = stored.filter { IncidentListing.activeUntilKey($0) >= startKey && $0.raisedAt < period.end }
    let byPartner = Dictionary(grouping: concerned, by: \.partnerID)
    let onePartner = byPartner[partners[42]] ?? []
    var time = clock.now
    let report = ServiceReport.compile(inputs(for: partners[42], onePartner))
    let one = seconds(clock.now - time)
    print(
        "one partner's November (\(onePartner.count) of 1,000,000 incidents concern it): "
            + "\(String(format: "%.1f", one * 1000)) ms, \(report.breaches.count) breaches")
    time = clock.now
    var figures = 0
    for partner in partners {
        figures += ServiceReport.compile(inputs(for: partner, byPartner[partner] ?? [])).figures.count
    }
    figures += ServiceReport.compile(inputs(for: nil, concerned)).figures.count
    print(
        "every partner's November and the whole service's (101 reports over \(concerned.count) incidents, "
            + "\(figures) figures): \(String(format: "%.2f", seconds(clock.now - time))) s")

    let running = (1...100_000).map { incident($0, open: true) }
    let extraDay = BankHolidayCalendar(division: .englandAndWales).importing(
        BankHolidayRules.holidays(in: 2026, for: .englandAndWales) + [
            BankHoliday(date: LocalDate("2026-12-08")!, name: "Extra")
        ])
    let withExtraDay = try tier.makeCalendar(importedHolidays: extraDay.importedYears.values.flatMap { $0 })
    let replayAt = ISO8601Instant.date(from: "2026-12-07T12:00:00Z")!
    time = clock.now
    let moved = running.filter { incident in
        let replay = incident.clock.replay(at: replayAt, from: reportCalendar, to: withExtraDay)
        return (replay.before.due ?? replay.before.projectedDue) != (replay.after.due ?? replay.after.projectedDue)
    }.count
    print(
        "replay 100,000 running clocks under one more holiday: \(String(format: "%.2f", seconds(clock.now - time))) s "
            + "(\(moved) due instants moved)")
}
