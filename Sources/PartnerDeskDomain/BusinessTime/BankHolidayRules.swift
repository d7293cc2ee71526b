/// The statutory pattern of UK bank holidays, computed for any year and division.
///
/// The rules, per division:
/// - New Year's Day (1 January) everywhere; Scotland also has 2 January.
/// - Good Friday everywhere; Easter Monday in England and Wales and in Northern Ireland only.
/// - Early May: the first Monday of May (from 1978). Spring: the last Monday of May.
/// - Summer: the last Monday of August, except Scotland, where it is the first Monday of August.
/// - St Patrick's Day (17 March) and the Battle of the Boyne (12 July) in Northern Ireland;
///   St Andrew's Day (30 November, from 2007) in Scotland.
/// - Christmas Day and Boxing Day everywhere.
///
/// A fixed-date holiday that falls on a Saturday or Sunday is replaced by a substitute day: the next weekday that is
/// not already a holiday, taking the holidays in date order (so Christmas on a Saturday goes to Monday and Boxing
/// Day to Tuesday). One exception follows the published lists: in Scotland, when 1 January is a Sunday, GOV.UK listed
/// 2 January on the Monday and New Year's Day on the Tuesday up to 2017, but from 2023 lists New Year's Day on the
/// Monday and 2 January on the Tuesday; the rules use the later order from 2018 on.
/// The one-off moves and additions proclaimed since 1995 are built in (VE Day 1995 and 2020, the 1999 millennium
/// holiday, the 2002 and 2012 jubilees, the 2011 royal wedding, the 2022 Platinum Jubilee and state funeral, the
/// 2023 coronation). Names match the GOV.UK feed's titles. For history before 1978, import the published dates.
///
/// ```swift
/// let holidays = BankHolidayRules.holidays(in: 2026, for: .scotland)
/// holidays.first   // 2026-01-01 New Year’s Day
/// ```
public enum BankHolidayRules {
    /// Every bank holiday of one year in one division, in date order.
    public static func holidays(in year: Int, for division: Division) -> [BankHoliday] {
        var movable = movableHolidays(in: year, for: division)
        var fixed = fixedDateHolidays(in: year, for: division)
        if division == .scotland && year >= 2018 && date(year, 1, 1).weekday == .sunday {
            fixed.removeAll { $0.name == newYearsDay || $0.name == secondJanuary }
            movable.append(BankHoliday(date: date(year, 1, 2), name: newYearsDay))
            movable.append(BankHoliday(date: date(year, 1, 3), name: secondJanuary))
        }
        var taken = Set(movable.map(\.date))
        fixed.sort()
        for holiday in fixed where !holiday.date.weekday.isWeekend {
            taken.insert(holiday.date)
        }
        for holiday in fixed {
            guard holiday.date.weekday.isWeekend else {
                movable.append(holiday)
                continue
            }
            var substitute = holiday.date.adding(days: 1)
            while substitute.weekday.isWeekend || taken.contains(substitute) {
                substitute = substitute.adding(days: 1)
            }
            taken.insert(substitute)
            movable.append(BankHoliday(date: substitute, name: holiday.name))
        }
        return movable.sorted()
    }

    /// The date of Easter Sunday in the Gregorian calendar (the anonymous Gregorian computus).
    public static func easterSunday(in year: Int) -> LocalDate {
        let golden = year % 19
        let century = year / 100
        let yearOfCentury = year % 100
        let leapCenturies = century / 4
        let centuryRemainder = century % 4
        let correction = (century + 8) / 25
        let moonCorrection = (century - correction + 1) / 3
        let epact = (19 * golden + century - leapCenturies - moonCorrection + 15) % 30
        let leapYears = yearOfCentury / 4
        let yearRemainder = yearOfCentury % 4
        let weekdayOffset = (32 + 2 * centuryRemainder + 2 * leapYears - epact - yearRemainder) % 7
        let adjustment = (golden + 11 * epact + 22 * weekdayOffset) / 451
        let monthDay = epact + weekdayOffset - 7 * adjustment + 114
        return date(year, monthDay / 31, monthDay % 31 + 1)
    }

    // Published titles; the apostrophes are typographic, as in the GOV.UK feed.
    static let newYearsDay = "New Year’s Day"
    static let secondJanuary = "2nd January"
    static let goodFriday = "Good Friday"
    static let easterMonday = "Easter Monday"
    static let earlyMay = "Early May bank holiday"
    static let earlyMayVEDay = "Early May bank holiday (VE day)"
    static let spring = "Spring bank holiday"
    static let summer = "Summer bank holiday"
    static let stPatricksDay = "St Patrick’s Day"
    static let battleOfTheBoyne = "Battle of the Boyne (Orangemen’s Day)"
    static let stAndrewsDay = "St Andrew’s Day"
    static let christmasDay = "Christmas Day"
    static let boxingDay = "Boxing Day"

    /// Holidays whose dates are already weekdays: Easter, the Monday holidays and the one-off additions.
    private static func movableHolidays(in year: Int, for division: Division) -> [BankHoliday] {
        let easter = easterSunday(in: year)
        var result = [BankHoliday(date: easter.adding(days: -2), name: goodFriday)]
        if division != .scotland {
            result.append(BankHoliday(date: easter.adding(days: 1), name: easterMonday))
        }
        if year >= 1978 {
            let veDay = year == 1995 || year == 2020
            result.append(
                veDay
                    ? BankHoliday(date: date(year, 5, 8), name: earlyMayVEDay)
                    : BankHoliday(date: firstMonday(year, 5), name: earlyMay))
        }
        let springDate: LocalDate =
            switch year {
            case 2002, 2012: date(year, 6, 4)
            case 2022: date(year, 6, 2)
            default: lastMonday(year, 5)
            }
        result.append(BankHoliday(date: springDate, name: spring))
        let summerDate = division == .scotland ? firstMonday(year, 8) : lastMonday(year, 8)
        result.append(BankHoliday(date: summerDate, name: summer))
        result += oneOffHolidays(in: year)
        return result
    }

    /// Holidays tied to a calendar date, which need a substitute when they fall at a weekend.
    private static func fixedDateHolidays(in year: Int, for division: Division) -> [BankHoliday] {
        var result = [BankHoliday(date: date(year, 1, 1), name: newYearsDay)]
        switch division {
        case .englandAndWales:
            break
        case .scotland:
            result.append(BankHoliday(date: date(year, 1, 2), name: secondJanuary))
            if year >= 2007 {
                result.append(BankHoliday(date: date(year, 11, 30), name: stAndrewsDay))
            }
        case .northernIreland:
            result.append(BankHoliday(date: date(year, 3, 17), name: stPatricksDay))
            result.append(BankHoliday(date: date(year, 7, 12), name: battleOfTheBoyne))
        }
        result.append(BankHoliday(date: date(year, 12, 25), name: christmasDay))
        result.append(BankHoliday(date: date(year, 12, 26), name: boxingDay))
        return result
    }

    /// Extra days proclaimed once, for every division.
    private static func oneOffHolidays(in year: Int) -> [BankHoliday] {
        switch year {
        case 1999: [BankHoliday(date: date(1999, 12, 31), name: "Millennium celebrations")]
        case 2002: [BankHoliday(date: date(2002, 6, 3), name: "Queen’s Golden Jubilee")]
        case 2011: [BankHoliday(date: date(2011, 4, 29), name: "Royal wedding")]
        case 2012: [BankHoliday(date: date(2012, 6, 5), name: "Queen’s Diamond Jubilee")]
        case 2022:
            [
                BankHoliday(date: date(2022, 6, 3), name: "Platinum Jubilee bank holiday"),
                BankHoliday(date: date(2022, 9, 19), name: "Bank Holiday for the State Funeral of Queen Elizabeth II"),
            ]
        case 2023: [BankHoliday(date: date(2023, 5, 8), name: "Bank holiday for the coronation of King Charles III")]
        default: []
        }
    }

    private static func date(_ year: Int, _ month: Int, _ day: Int) -> LocalDate {
        LocalDate(daysSince1970: CivilCalendar.days(year: year, month: month, day: day))
    }

    private static func firstMonday(_ year: Int, _ month: Int) -> LocalDate {
        let first = date(year, month, 1)
        return first.adding(days: (8 - first.weekday.isoNumber) % 7)
    }

    private static func lastMonday(_ year: Int, _ month: Int) -> LocalDate {
        let last = date(year, month, LocalDate.daysInMonth(year: year, month: month))
        return last.adding(days: -((last.weekday.isoNumber + 6) % 7))
    }
}
