/// Digits written out in English words, as people read a number aloud: "four oh one", "forty-one",
/// "double seven", "nineteen".
enum NumberWords {
    enum Word {
        case digits([Int])
        /// "twenty" … "ninety": two digits, or the first of two when a unit word follows.
        case tens(Int)
        case repeated(Int)
    }

    /// The token for one word of letters: a digit group when it is a number word, a repeat for "double" and
    /// "triple", and a break otherwise.
    static func token(for scalars: ArraySlice<Unicode.Scalar>, start: Int, end: Int) -> Token {
        guard let key = WordKey(scalars), let word = words[key] else { return .breaker }
        switch word {
        case .digits(let digits): return .group(DigitGroup(digits: digits, start: start, end: end))
        case .tens(let tens): return .group(DigitGroup(digits: [tens, 0], start: start, end: end, isSpokenTens: true))
        case .repeated(let times): return .repeated(times, start: start)
        }
    }

    /// Joins "twenty one" into 21 and "double seven" into 77.
    static func combine(_ tokens: [Token]) -> [Token] {
        guard tokens.contains(where: \.isSpoken) else { return tokens }
        var combined: [Token] = []
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            let next = index + 2 < tokens.count && tokens[index + 1] == .separator ? tokens[index + 2] : nil
            switch (token, next) {
            case (.group(let tens), .group(let unit)?)
            where tens.isSpokenTens && unit.digits.count == 1 && unit.digits != [0]:
                combined.append(
                    .group(DigitGroup(digits: [tens.digits[0], unit.digits[0]], start: tens.start, end: unit.end)))
                index += 3
            case (.repeated(let times, let start), .group(let digit)?) where digit.digits.count == 1:
                let digits = Array(repeating: digit.digits[0], count: times)
                combined.append(.group(DigitGroup(digits: digits, start: start, end: digit.end)))
                index += 3
            default:
                combined.append(token)
                index += 1
            }
        }
        return combined
    }

    private static let words: [WordKey: Word] = {
        let units = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
        let teens = [
            "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
            "eighteen", "nineteen",
        ]
        let tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
        var spelled: [(String, Word)] = [("oh", .digits([0])), ("nought", .digits([0])), ("fourty", .tens(4))]
        spelled += units.enumerated().map { ($1, .digits([$0])) }
        spelled += teens.enumerated().map { ($1, .digits([1, $0])) }
        spelled += tens.enumerated().map { ($1, .tens($0 + 2)) }
        spelled += [("double", .repeated(2)), ("triple", .repeated(3)), ("treble", .repeated(3))]
        var words: [WordKey: Word] = [:]
        for (spelling, word) in spelled {
            words[WordKey(spelling)] = word
        }
        return words
    }()
}

/// A word of two to nine ASCII letters, packed five bits a letter regardless of case, so looking words up
/// in a table costs no string.
struct WordKey: Hashable {
    let packed: UInt64

    init?(_ scalars: ArraySlice<Unicode.Scalar>) {
        guard (2...9).contains(scalars.count) else { return nil }
        var packed: UInt64 = 0
        for scalar in scalars {
            var value = scalar.value
            if (0x41...0x5A).contains(value) { value += 0x20 }
            guard (0x61...0x7A).contains(value) else { return nil }
            packed = packed << 5 | UInt64(value - 0x60)
        }
        self.packed = packed
    }

    /// The key of a word known to qualify.
    init(_ word: String) {
        self.init(ArraySlice(word.unicodeScalars))!
    }
}

extension Token {
    fileprivate var isSpoken: Bool {
        switch self {
        case .repeated: true
        case .group(let group): group.isSpokenTens
        case .separator, .breaker: false
        }
    }
}
