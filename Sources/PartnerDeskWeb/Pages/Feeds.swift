import Foundation
import LeafKit
import PartnerDeskDomain
import Vapor

/// The public pages' feeds: Atom (RFC 4287) documents and iCalendar (RFC 5545) answers, written one way.
enum Feeds {
    struct AtomEntry {
        var id: String
        var title: String
        var link: String
        var updated: Date
        var summary: String
    }

    /// An Atom feed of `entries`, newest first as given.
    static func atom(title: String, page: String, selfLink: String, updated: Date, entries: [AtomEntry]) -> Response {
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
            <title>\(title.htmlEscaped())</title>
            <id>\(page.htmlEscaped())</id>
            <link rel="alternate" href="\(page.htmlEscaped())"/>
            <link rel="self" href="\(selfLink.htmlEscaped())"/>
            <updated>\(ISO8601Instant.string(from: updated))</updated>

            """
        for entry in entries {
            xml += """
                <entry>
                <id>\(entry.id.htmlEscaped())</id>
                <title>\(entry.title.htmlEscaped())</title>
                <link rel="alternate" href="\(entry.link.htmlEscaped())"/>
                <updated>\(ISO8601Instant.string(from: entry.updated))</updated>
                <summary>\(entry.summary.htmlEscaped())</summary>
                </entry>

                """
        }
        xml += "</feed>\n"
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "application", subType: "atom+xml", parameters: ["charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(string: xml))
    }

    /// An iCalendar document as an answer calendars can subscribe to.
    static func calendar(_ document: ICalendar) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "calendar", parameters: ["charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(string: document.text))
    }
}
