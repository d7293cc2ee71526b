/// The three UK schemes of ten-digit patient numbers, told apart by the ranges each is allocated from.
///
/// - England, Wales and the Isle of Man issue NHS numbers from 400 000 000 – 499 999 999 and
///   600 000 000 – 799 999 999 (the first nine digits), and England also from 300 000 000 – 320 000 000.
/// - Northern Ireland issues Health and Care numbers from 320 000 001 – 399 999 999.
/// - Scotland's CHI numbers begin with the holder's date of birth (DDMMYY), so they run from 010 100 0000
///   to 311 299 9999; the ninth digit gives the sex at birth.
///
/// All but the newest CHI numbers end in the modulus-11 check digit of ``NHSNumber``; since Scotland ran out
/// of modulus-11 numbers for some dates, CHI numbers may instead end in a Luhn (modulus-10) check digit.
/// Numbers from 999 000 0000 to 999 999 9999 are reserved for testing and identify nobody. Ten digits outside
/// every range (a Unix timestamp, most order numbers) identify nobody either.
public enum PatientNumberScheme: String, Hashable, Sendable, CaseIterable {
    case nhsEnglandAndWales = "nhs_number"
    case chiScotland = "chi_number"
    case healthAndCareNorthernIreland = "hc_number"

    /// The scheme that could have issued these ten digits (values 0–9), or `nil` when none could: the digits
    /// are outside every allocated range, fail the scheme's check, or are in the test range.
    public static func issuer(of digits: [Int]) -> PatientNumberScheme? {
        guard digits.count == 10 else { return nil }
        let nine = digits.prefix(9).reduce(0) { $0 * 10 + $1 }
        let modulus11 = NHSNumber.isValid(digits)
        // A `where` clause binds only the last pattern of a case, so the ranges are tested one by one.
        let englandAndWales = [300_000_000...320_000_000, 400_000_000...499_999_999, 600_000_000...799_999_999]
        if modulus11, englandAndWales.contains(where: { $0.contains(nine) }) { return .nhsEnglandAndWales }
        if modulus11, (320_000_001...399_999_999).contains(nine) { return .healthAndCareNorthernIreland }
        // England's 3xx numbers share 300 000 000 – 311 299 999 with CHI numbers for the 30th and 31st.
        guard (10_100_000...311_299_999).contains(nine), CHINumber.hasBirthDatePrefix(digits),
            modulus11 || CHINumber.hasLuhnCheckDigit(digits)
        else { return nil }
        return .chiScotland
    }
}

/// The arithmetic of Scotland's CHI numbers: a DDMMYY date of birth, three more digits, a check digit.
public enum CHINumber {
    /// Whether the first six digits are a calendar date written DDMMYY. The century is unknown, so 29 February
    /// is a date in every year whose last two digits are a multiple of 4 (2000 was a leap year, 1900 was not,
    /// and either could be meant by 00).
    public static func hasBirthDatePrefix(_ digits: [Int]) -> Bool {
        guard digits.count >= 6 else { return false }
        let day = digits[0] * 10 + digits[1]
        let month = digits[2] * 10 + digits[3]
        let year = digits[4] * 10 + digits[5]
        let days: Int
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: days = 31
        case 4, 6, 9, 11: days = 30
        case 2: days = year % 4 == 0 ? 29 : 28
        default: return false
        }
        return (1...days).contains(day)
    }

    /// Whether the tenth digit is the Luhn check digit of the first nine.
    public static func hasLuhnCheckDigit(_ digits: [Int]) -> Bool {
        digits.count == 10 && luhnCheckDigit(Array(digits.prefix(9))) == digits[9]
    }

    /// The Luhn check digit of nine digits: from the ninth backwards every other digit is doubled (9
    /// subtracted when that gives two digits), and the check digit brings the sum to a multiple of 10.
    public static func luhnCheckDigit(_ nine: [Int]) -> Int {
        var sum = 0
        for (index, digit) in nine.enumerated() {
            let doubled = index % 2 == 0 ? digit * 2 : digit
            sum += doubled > 9 ? doubled - 9 : doubled
        }
        return (10 - sum % 10) % 10
    }
}
