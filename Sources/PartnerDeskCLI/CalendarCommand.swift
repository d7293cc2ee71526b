import ArgumentParser
import Foundation
import PartnerDeskApp
import PartnerDeskDomain
import PartnerDeskServices

/// `partnerdesk calendar`: business-time answers for people, and for checking other implementations.
struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "Business-hours arithmetic on the service-level calendar (08:00-18:00 Mon-Fri, Europe/London).",
        discussion: """
            Instants are ISO 8601 with a zone (2026-11-26T14:00:00Z or 2026-11-26T14:00:00+01:00); answers are UTC.
            The calendar is the tier's (Silver unless --tier names one from PARTNERDESK_TIERS_FILE), with any bank
            holidays imported from PARTNERDESK_BANK_HOLIDAYS_FILE.
            """,
        subcommands: [Due.self, Elapsed.self, WorkingDays.self, Holidays.self, Batch.self, Import.self]
    )

    struct TierOption: ParsableArguments {
        @ArgumentParser.Option(help: "Service-level tier whose calendar and targets to use.")
        var tier = ServiceLevelTier.silver.id

        func load() throws -> (tier: ServiceLevelTier, calendar: BusinessCalendar) {
            let config = try loadConfig(AppConfig.Overrides())
            let catalog = try ServiceLevelCatalog(tiers: config.tiers, importedHolidays: config.importedHolidays)
            guard catalog.contains(tier) else {
                let known = catalog.tiers.map(\.id).joined(separator: ", ")
                throw ValidationError("Unknown tier '\(tier)'. Known tiers: \(known).")
            }
            return (catalog.tier(tier), catalog.calendar(tier))
        }
    }

    static func instant(_ text: String, _ name: String) throws -> Date {
        guard let date = ISO8601Instant.date(from: text) else {
            throw ValidationError("--\(name) '\(text)' is not an ISO 8601 instant such as 2026-11-26T14:00:00Z.")
        }
        return date
    }

    struct Due: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "When a target runs out: prints the due instant (UTC, whole seconds)."
        )

        @ArgumentParser.Option(help: "Start instant (ISO 8601).") var from: String
        @ArgumentParser.Option(help: "Target in business hours.") var hours: Int?
        @ArgumentParser.Option(help: "Target in business seconds.") var seconds: Int?
        @ArgumentParser.Option(help: "Incident severity 1-5: the tier's resolution target.") var severity: Int?
        @OptionGroup var tier: TierOption

        func validate() throws {
            let given = [hours, seconds, severity].compactMap { $0 }
            guard given.count == 1 else {
                throw ValidationError("Give exactly one of --hours, --seconds or --severity.")
            }
            if let hours, hours < 0 { throw ValidationError("--hours cannot be negative (got \(hours)).") }
            if let seconds, seconds < 0 { throw ValidationError("--seconds cannot be negative (got \(seconds)).") }
            if let hours, hours > BusinessCalendar.maximumBusinessSeconds / 3600 {
                throw ValidationError(
                    "--hours is too large (at most \(BusinessCalendar.maximumBusinessSeconds / 3600)).")
            }
            if let seconds, seconds > BusinessCalendar.maximumBusinessSeconds {
                throw ValidationError("--seconds is too large (at most \(BusinessCalendar.maximumBusinessSeconds)).")
            }
            if let severity, Severity(severity) == nil {
                throw ValidationError("--severity must be 1 to 5 (got \(severity)).")
            }
        }

        func run() throws {
            let start = try CalendarCommand.instant(from, "from")
            let (tier, calendar) = try self.tier.load()
            let target =
                seconds ?? hours.map { $0 * 3600 } ?? severity.flatMap(Severity.init).map {
                    tier.incidentResolutionSeconds[$0]
                } ?? 0
            print(ISO8601Instant.string(from: calendar.due(from: start, businessSeconds: target)))
        }
    }

    struct Elapsed: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Business seconds between two instants.")

        @ArgumentParser.Option(help: "Start instant (ISO 8601).") var from: String
        @ArgumentParser.Option(help: "End instant (ISO 8601).") var to: String
        @OptionGroup var tier: TierOption

        func run() throws {
            let start = try CalendarCommand.instant(from, "from")
            let end = try CalendarCommand.instant(to, "to")
            print(try tier.load().calendar.elapsed(from: start, to: end))
        }
    }

    struct WorkingDays: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "working-days", abstract: "The Nth working day after the start's date (YYYY-MM-DD)."
        )

        @ArgumentParser.Option(help: "Start instant (ISO 8601).") var from: String
        @ArgumentParser.Option(help: "Number of working days, 1 or more.") var days: Int
        @OptionGroup var tier: TierOption

        func validate() throws {
            guard (1...BusinessCalendar.maximumWorkingDays).contains(days) else {
                throw ValidationError("--days must be 1 to \(BusinessCalendar.maximumWorkingDays) (got \(days)).")
            }
        }

        func run() throws {
            let start = try CalendarCommand.instant(from, "from")
            print(try tier.load().calendar.addWorkingDays(days, to: start).date)
        }
    }

    struct Holidays: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The bank holidays of a year, with their names.")

        @ArgumentParser.Option(help: "Year.") var year: Int
        @ArgumentParser.Option(help: "england-and-wales, scotland or northern-ireland.")
        var division = Division.englandAndWales.rawValue

        func validate() throws {
            guard Division(rawValue: division) != nil else {
                throw ValidationError("--division must be england-and-wales, scotland or northern-ireland.")
            }
            guard (1900...2200).contains(year) else {
                throw ValidationError("--year must be 1900 to 2200 (got \(year)).")
            }
        }

        func run() throws {
            let config = try loadConfig(AppConfig.Overrides())
            let chosen = Division(rawValue: division)!
            let calendar = BankHolidayCalendar(division: chosen, imported: config.importedHolidays[chosen] ?? [])
            for holiday in calendar.holidays(in: year) {
                print("\(holiday.date)  \(holiday.name)")
            }
        }
    }

    struct Batch: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Answers one question per line from standard input.",
            discussion: """
                Lines: 'due <ISO> <seconds>', 'elapsed <ISO> <ISO>', 'workdays <ISO> <days>'. Each answer is one line
                in the formats of the single commands, or 'error: <reason>' for that line alone.
                """
        )

        @OptionGroup var tier: TierOption

        func run() throws {
            let batch = BusinessTimeBatch(calendar: try tier.load().calendar)
            var output = ""
            output.reserveCapacity(1 << 16)
            while let line = readLine(strippingNewline: true) {
                output += batch.answer(line)
                output += "\n"
                if output.utf8.count >= 1 << 16 {
                    FileHandle.standardOutput.write(Data(output.utf8))
                    output.removeAll(keepingCapacity: true)
                }
            }
            FileHandle.standardOutput.write(Data(output.utf8))
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Imports a GOV.UK bank-holidays list into the database: shows what would change; --apply takes it in.",
            discussion: """
                FILE is the JSON of https://www.gov.uk/bank-holidays.json. Each division's years in it replace those
                years; other years keep what they had. With --apply, every server takes the list in within one round
                of its background jobs (no restart), and every running clock is replayed: each incident whose due
                time moved gets a timeline entry saying from when to when, and why.
                """
        )

        @ArgumentParser.Argument(help: "The GOV.UK bank-holidays JSON file.") var file: String
        @ArgumentParser.Flag(help: "Take the list in (without it, only show what would change).") var apply = false
        @OptionGroup var common: CommonOptions

        func run() async throws {
            let document: Data
            do {
                document = try Data(contentsOf: URL(fileURLWithPath: file))
            } catch {
                throw ValidationError("Cannot read \(file): \(error.localizedDescription)")
            }
            let apply = self.apply
            let output = try await withServices(common) { services in
                let holidays = services.bankHolidays
                let preview = try await holidays.preview(document, as: nil)
                var lines =
                    preview.changesNothing
                    ? ["The list changes nothing: the calendars already have these holidays."]
                    : ["Changes (\(preview.changes.count)):"] + preview.changes.map { "  \($0.sentence)" }
                guard apply, !preview.changesNothing else {
                    if !preview.changesNothing {
                        lines.append("Nothing taken in: run again with --apply to take it in.")
                    }
                    return lines
                }
                let result = try await holidays.apply(
                    document, basedOn: services.catalog.imported.version, as: nil)
                lines.append(
                    "Taken in as import \(result.number ?? 0). Running clocks replayed: \(result.replayed); "
                        + "due times moved: \(result.moved.count).")
                lines += result.moved.map { moved in
                    let from = moved.from.map(ISO8601Instant.string(from:)) ?? "none"
                    let to = moved.to.map(ISO8601Instant.string(from:)) ?? "none"
                    return "  \(moved.reference): \(from) -> \(to) (\(moved.because.joined(separator: "; ")))"
                }
                return lines
            }
            print(output.joined(separator: "\n"))
        }
    }
}
