import Foundation

/// Writes an iCalendar document (RFC 5545) of timed events: for calendars that subscribe to planned releases,
/// and the invitations to service reviews (RFC 5546 `REQUEST`, or `CANCEL` once one is cancelled).
/// No package on this platform writes the format, and it is small: content lines end with CR LF and fold at
/// 75 octets, TEXT values escape backslash, semicolon, comma and line breaks, instants are UTC.
struct ICalendar {
    struct Event {
        /// Stable across versions of the document, so a calendar updates the event rather than adding one.
        var uid: String
        var start: Date
        var end: Date
        var summary: String
        var description: String
        var url: String
        /// Increases each time the event changes (each move of a release's date).
        var sequence: Int
        var cancelled = false
        /// Where, for a meeting.
        var location: String?
        /// Who sends a meeting's invitation, and whom it invites.
        var organizer: Person?
        var attendees: [Person] = []
    }

    struct Person {
        var name: String
        var email: String
    }

    var name: String
    /// What the calendar holds, for `PRODID`.
    var product = "Service updates"
    var events: [Event]
    /// When the document was produced (`DTSTAMP`).
    var stamp: Date
    /// `PUBLISH` for a feed, `REQUEST` or `CANCEL` for an invitation.
    var method = "PUBLISH"

    var text: String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//PartnerDesk//\(product)//EN", "CALSCALE:GREGORIAN",
            "METHOD:\(method)", "X-WR-CALNAME:\(Self.escaped(name))",
        ]
        for event in events {
            lines += [
                "BEGIN:VEVENT", "UID:\(event.uid)", "DTSTAMP:\(Self.utc(stamp))", "DTSTART:\(Self.utc(event.start))",
                "DTEND:\(Self.utc(event.end))", "SEQUENCE:\(event.sequence)", "SUMMARY:\(Self.escaped(event.summary))",
                "DESCRIPTION:\(Self.escaped(event.description))", "URL:\(event.url)",
            ]
            if let location = event.location { lines.append("LOCATION:\(Self.escaped(location))") }
            if let organizer = event.organizer {
                lines.append("ORGANIZER;CN=\(Self.parameter(organizer.name)):mailto:\(organizer.email)")
            }
            for person in event.attendees {
                lines.append(
                    "ATTENDEE;CN=\(Self.parameter(person.name));ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION:mailto:\(person.email)"
                )
            }
            lines += ["STATUS:\(event.cancelled ? "CANCELLED" : "CONFIRMED")", "END:VEVENT"]
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.folded).joined(separator: "\r\n") + "\r\n"
    }

    /// `20261210T190000Z`.
    static func utc(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let iso = ISO8601DateFormatter.string(
            from: Date(timeIntervalSince1970: TimeInterval(seconds)), timeZone: TimeZone(identifier: "UTC")!,
            formatOptions: [.withYear, .withMonth, .withDay, .withTime, .withTimeZone])
        return iso.replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
    }

    /// A TEXT value: `\`, `;` and `,` escaped, line breaks as `\n`.
    static func escaped(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "\\": escaped += "\\\\"
            case ";": escaped += "\\;"
            case ",": escaped += "\\,"
            case "\n", "\r\n", "\r": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// A parameter value (a name after `CN=`): quoted, with the characters a quoted value may not hold left out.
    static func parameter(_ text: String) -> String {
        "\"" + text.filter { $0 != "\"" && !$0.isNewline && $0 != "\r" } + "\""
    }

    /// A content line folded so no physical line exceeds 75 octets (continuations start with a space), never
    /// splitting a character.
    static func folded(_ line: String) -> String {
        var result = ""
        var length = 0
        for character in line {
            let size = String(character).utf8.count
            if length + size > 75 {
                result += "\r\n "
                length = 1
            }
            result.append(character)
            length += size
        }
        return result
    }
}
