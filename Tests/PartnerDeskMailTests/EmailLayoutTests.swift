import PartnerDeskDomain
import Testing

@testable import PartnerDeskMail

/// The two alternatives an e-mail's words are laid out in, block by block.
@Suite struct EmailLayoutTests {
    static let content = EmailContent([
        .paragraph("Your incident was received.\nThe clock has started."),
        .facts([.init("Incident", "INC-00042"), .init("Your reference", "WP-77 <urgent>")]),
        .list(["Sat, 28 Nov 2026 at 09:00 to Mon, 30 Nov 2026 at 09:00"]),
        .section(heading: "Note from the service desk", text: "Try again & tell us."),
        .action(label: "Open INC-00042", link: "https://desk.example/incidents/1?a=1&b=\"2\""),
    ])

    @Test func text_separatesBlocksByABlankLine() {
        #expect(
            EmailLayout.text(Self.content) == """
                Your incident was received.
                The clock has started.

                Incident: INC-00042
                Your reference: WP-77 <urgent>

                - Sat, 28 Nov 2026 at 09:00 to Mon, 30 Nov 2026 at 09:00

                Note from the service desk:
                Try again & tell us.

                Open INC-00042: https://desk.example/incidents/1?a=1&b="2"

                """)
    }

    @Test func html_escapesEveryString_andKeepsLineBreaks() {
        #expect(
            EmailLayout.html(Self.content) == """
                <p>Your incident was received.<br>
                The clock has started.</p>
                <table>
                <tr><th scope="row" align="left">Incident</th><td>INC-00042</td></tr>
                <tr><th scope="row" align="left">Your reference</th><td>WP-77 &lt;urgent&gt;</td></tr>
                </table>
                <ul>
                <li>Sat, 28 Nov 2026 at 09:00 to Mon, 30 Nov 2026 at 09:00</li>
                </ul>
                <p><strong>Note from the service desk:</strong></p>
                <p>Try again &amp; tell us.</p>
                <p><a href="https://desk.example/incidents/1?a=1&amp;b=&quot;2&quot;">Open INC-00042</a></p>

                """)
    }

    @Test func markupInAPartnersWords_staysWords() {
        let hostile = EmailContent([.paragraph("<script>alert('x')</script>"), .action(label: "\"><b>", link: "'")])
        let html = EmailLayout.html(hostile)
        #expect(!html.contains("<script>") && !html.contains("<b>"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(html.contains("<a href=\"&#39;\">&quot;&gt;&lt;b&gt;</a>"))
    }
}
