/// Text seen as Unicode scalars, with each scalar classified for the NHS-number search.
///
/// Scalars rather than characters: a zero-width joiner or a combining mark would otherwise fuse with the
/// digit before it into one character and hide it.
struct ScalarScan {
    enum Class: Equatable {
        case digit(Int)
        /// Characters people put between groups of digits: spaces, hyphens and dashes, dots, slashes.
        case separator
        /// Characters nobody sees: zero-width spaces and joiners, soft hyphens, direction marks.
        case invisible
        case other
    }

    let scalars: [Unicode.Scalar]
    let classes: [Class]
    /// For each scalar, the 1-based position of the character it belongs to.
    private let characterPositions: [Int]

    init(_ text: String) {
        var scalars: [Unicode.Scalar] = []
        var positions: [Int] = []
        var position = 0
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // Most text is ASCII, where every scalar is a character of its own except the line feed of a
            // CR LF pair: counting them so skips splitting the text into grapheme clusters.
            scalars.reserveCapacity(text.utf8.count)
            positions.reserveCapacity(text.utf8.count)
            var previous: UInt8 = 0
            for byte in text.utf8 {
                if byte != 0x0A || previous != 0x0D { position += 1 }
                scalars.append(Unicode.Scalar(byte))
                positions.append(position)
                previous = byte
            }
        } else {
            for character in text {
                position += 1
                for scalar in character.unicodeScalars {
                    scalars.append(scalar)
                    positions.append(position)
                }
            }
        }
        self.scalars = scalars
        self.characterPositions = positions
        self.classes = scalars.map(Self.classify)
    }

    static func classify(_ scalar: Unicode.Scalar) -> Class {
        guard scalar.isASCII else { return classifyByProperties(scalar) }
        // The answers of `classifyByProperties`, without looking up Unicode properties.
        switch scalar.value {
        case 0x30...0x39: return .digit(Int(scalar.value - 0x30))
        case 0x09, 0x20, 0x2D, 0x2E, 0x2F: return .separator
        default: return .other
        }
    }

    static func classifyByProperties(_ scalar: Unicode.Scalar) -> Class {
        let properties = scalar.properties
        if properties.numericType == .decimal, let value = properties.numericValue {
            return .digit(Int(value))
        }
        switch scalar.value {
        case 0x00AD, 0x034F, 0x061C, 0x180E, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069,
            0xFEFF:
            return .invisible
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029:
            return .other
        case 0x2D, 0x2E, 0x2F, 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D, 0xFF0E, 0xFF0F, 0x2044, 0x2215, 0x30FB,
            0xB7:
            return .separator
        default:
            return properties.isWhitespace ? .separator : .other
        }
    }

    /// Finds runs of digit groups that could be one number written with separators: groups joined by at
    /// most three separators, with anything else (a letter, a colon, a line break) ending the run.
    func chains() -> [[DigitGroup]] {
        var chains: [[DigitGroup]] = []
        var current: [DigitGroup] = []
        var group: DigitGroup?
        var separatorsSinceGroup = 0
        func closeGroup() {
            if let open = group { current.append(open) }
            group = nil
        }
        func closeChain() {
            closeGroup()
            if !current.isEmpty { chains.append(current) }
            current = []
        }
        for (index, kind) in classes.enumerated() {
            switch kind {
            case .digit(let value):
                if group != nil {
                    group?.digits.append(value)
                    group?.end = index
                } else {
                    if separatorsSinceGroup > 3 { closeChain() }
                    group = DigitGroup(digits: [value], start: index, end: index)
                    separatorsSinceGroup = 0
                }
            case .invisible:
                continue
            case .separator:
                closeGroup()
                separatorsSinceGroup += 1
            case .other:
                closeChain()
                separatorsSinceGroup = 0
            }
        }
        closeChain()
        return chains
    }

    /// The visible separator scalars between two groups of one chain.
    func gap(between first: DigitGroup, and second: DigitGroup) -> [String] {
        (first.end + 1..<second.start).filter { classes[$0] == .separator }.map { String(scalars[$0]) }
    }

    /// Whether the words just before a scalar label what follows as an NHS number ("NHS no:", "NHS#", …).
    func isLabelledAsNHSNumber(before start: Int) -> Bool {
        let window = String(String.UnicodeScalarView(scalars[max(0, start - 32)..<start]))
        return window.wholeMatch(of: Self.nhsLabel) != nil
    }

    // Built once (see PatientDataGuard): compiling a regex per call dominated request time.
    nonisolated(unsafe) private static let nhsLabel: Regex<Substring> =
        #/(?is).*\bnhs[\s._-]*(?:no\b\.?|nbr\b\.?|num\b\.?|number\b|#|id\b)?[\s.:=#-]*(?:is\s*|was\s*)?/#

    func finding(_ kind: PatientDataFinding.Kind, from start: Int, to end: Int) -> PatientDataFinding {
        PatientDataFinding(kind: kind, start: characterPositions[start], end: characterPositions[end])
    }
}

/// Consecutive digits (invisible characters allowed between them), by scalar positions.
struct DigitGroup: Equatable {
    var digits: [Int]
    var start: Int
    var end: Int
}
