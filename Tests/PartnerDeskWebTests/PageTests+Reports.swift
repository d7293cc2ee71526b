import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import PartnerDeskTestSupport
import PartnerDeskWeb
import Testing
import VaporTesting

/// The monthly report's page, CSV and PDF as people use them: a month not to be had is explained beside the
/// field with what was typed kept, a partner reads only its own, and without a PDF renderer the page says so.
extension PageTests {
    @Test func theReportPage_explainsAMonthItCannotShow_andReadsTheOwnPartnersOtherwise() async throws {
        try await withPages { app, services in
            var rosa = Browser(app: app)
            _ = try await signIn(&rosa, "rosa@wellpath.example")
            // Wellpath was registered on 23 November 2026: October comes before it, November is not over.
            let early = try await rosa.send(.GET, "service-levels/reports?month=2026-10")
            #expect(early.status == .unprocessableEntity)
            #expect(early.body.string.contains("2026-10 comes before Wellpath was registered (2026-11)"))
            #expect(early.body.string.contains("value=\"2026-10\""), "the month typed is kept")
            #expect(try await rosa.send(.GET, "service-levels/reports?month=2026-11").status == .unprocessableEntity)

            try #require(services.clock as? FixedClock).set(ISO8601Instant.date(from: "2026-12-02T09:00:00Z")!)
            _ = try await signIn(&rosa, "rosa@wellpath.example")  // the session from nine days ago has lapsed
            let page = try await rosa.send(.GET, "service-levels/reports")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("Wellpath: service report for November 2026"))
            #expect(html.contains("Provisional: these are the figures as they stand."))
            #expect(html.contains("<title id=\"chart-title\">Share of incidents resolved within target, by severity"))
            #expect(html.contains("PDF not available: no PDF renderer is configured"))
            #expect(!html.contains("reports.pdf"))
            let pdf = try await rosa.send(.GET, "service-levels/reports.pdf?month=2026-11")
            #expect(pdf.status == .serviceUnavailable && pdf.body.string.contains("no PDF renderer is configured"))
            let csv = try await rosa.send(.GET, "service-levels/reports.csv?month=2026-11")
            #expect(csv.headers.contentType?.description.hasPrefix("text/csv") == true)
            #expect(csv.body.string.hasPrefix("month,scope,section,item,measure,value\r\n2026-11,WELLPATH,"))

            var carl = Browser(app: app)
            _ = try await signIn(&carl, "carl@carebridge.example")
            #expect(
                try await carl.send(.GET, "service-levels/reports?month=2026-11&partner=WELLPATH").status == .notFound)
        }
    }
}
