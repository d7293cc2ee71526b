/// The arithmetic of NHS numbers: ten digits, the last a modulus-11 check digit.
///
/// Weights 10 down to 2 apply to the first nine digits; the check digit is 11 minus the weighted sum modulo
/// 11, where 11 becomes 0 and 10 means the number can never be issued. Numbers from 999 000 0000 to
/// 999 999 9999 are reserved for testing and identify nobody.
public enum NHSNumber {
    /// Whether ten digits (values 0–9) form a number that passes the check.
    public static func isValid(_ digits: [Int]) -> Bool {
        guard digits.count == 10, let check = checkDigit(Array(digits.prefix(9))) else { return false }
        return check == digits[9]
    }

    /// The check digit for nine digits, or `nil` when no valid number starts with them.
    public static func checkDigit(_ nine: [Int]) -> Int? {
        guard nine.count == 9 else { return nil }
        var sum = 0
        for (index, digit) in nine.enumerated() {
            sum += digit * (10 - index)
        }
        let check = 11 - sum % 11
        switch check {
        case 11: return 0
        case 10: return nil
        default: return check
        }
    }

    /// Whether the ten digits fall in the reserved test range 999 000 0000 – 999 999 9999.
    public static func isTestNumber(_ digits: [Int]) -> Bool {
        digits.count == 10 && digits.prefix(3).allSatisfy { $0 == 9 }
    }
}
