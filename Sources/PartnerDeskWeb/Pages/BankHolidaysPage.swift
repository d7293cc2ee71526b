import Foundation
import PartnerDeskDomain
import PartnerDeskServices

/// The bank holidays the calendars skip, for administrators: the import in force and what it changed, this
/// year's and next year's holidays per division, a form that uploads a GOV.UK list to see what it would change,
/// and then one that takes it in and lists the clocks it moved.
struct BankHolidaysPage: Encodable {
    struct DivisionYear: Encodable {
        var heading: String
        var holidays: [LabelledValue]
    }

    struct MovedRow: Encodable {
        var reference: String
        var link: String
        var from: String
        var to: String
        var because: String
    }

    var title = "Bank holidays"
    var signedIn: SignedInHeader
    var csrf: String
    var inForce: String
    var inForceChanges: [String]
    var years: [DivisionYear]
    /// A previewed list waiting for confirmation: its changes, the document and the import it was compared with.
    var previewChanges: [String]
    var previewNothing: Bool
    var document: String?
    var basedOn: Int
    var result: String?
    var moved: [MovedRow]
    var errors: [PageError]
    var hasErrors: Bool

    init(
        current: StoredHolidayImport?, catalog: ServiceLevelCatalog, today: LocalDate, principal: Principal,
        csrf: String, preview: (changes: BankHolidayImport, document: String)? = nil,
        result: HolidayImportResult? = nil, errors: [PageError] = []
    ) {
        signedIn = SignedInHeader(principal, csrf: csrf)
        self.csrf = csrf
        inForce =
            current.map {
                "Import \($0.number), taken in \(PageFormat.londonTime($0.importedAt)) by \($0.importedBy), is in force "
                    + "on top of the built-in rules and any configured file."
            } ?? "No list has been imported here: the calendars follow the built-in rules and any configured file."
        inForceChanges = current?.changes.map(\.sentence) ?? []
        // The divisions the tiers' calendars follow, as the calendars have them now.
        var seen: Set<Division> = []
        let calendars = catalog.tiers.compactMap { tier -> (Division, BusinessCalendar)? in
            let division = tier.businessCalendar.division
            return seen.insert(division).inserted ? (division, catalog.calendar(tier.id)) : nil
        }
        years = calendars.flatMap { division, calendar in
            [today.year, today.year + 1].map { year in
                DivisionYear(
                    heading: "\(division.label), \(year)",
                    holidays: calendar.holidays.holidays(in: year).map {
                        LabelledValue(label: PageFormat.longDate($0.date), value: $0.name)
                    })
            }
        }
        previewChanges = preview?.changes.changes.map(\.sentence) ?? []
        previewNothing = preview?.changes.changesNothing ?? false
        document = preview.flatMap { $0.changes.changesNothing ? nil : $0.document }
        basedOn = catalog.imported.version
        self.result = result.map { result in
            guard let number = result.number else { return "The list changes nothing, so nothing was taken in." }
            return "Taken in as import \(number). Running clocks replayed: \(result.replayed); due times moved: "
                + "\(result.moved.count)."
        }
        moved = (result?.moved ?? []).map { moved in
            MovedRow(
                reference: moved.reference, link: SiteURL.incident(.value(moved.incidentID.description)).path,
                from: moved.from.map(PageFormat.londonTime) ?? "none",
                to: moved.to.map(PageFormat.londonTime) ?? "none",
                because: moved.because.joined(separator: "; "))
        }
        self.errors = errors
        hasErrors = !errors.isEmpty
    }
}
