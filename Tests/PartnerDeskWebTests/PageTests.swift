import Foundation
import PartnerDeskDomain
import PartnerDeskServices
import PartnerDeskTestSupport
import PartnerDeskWeb
import Testing
import VaporTesting

/// Sign-in, sessions and the start page over HTTP: cookie flags, CSRF, throttling and partner isolation.
@Suite struct PageTests {
    struct Browser {
        let app: Application
        var cookies: [String: String] = [:]

        mutating func send(_ method: HTTPMethod, _ path: String, form: [String: String]? = nil) async throws
            -> TestingHTTPResponse
        {
            var headers: HTTPHeaders = ["Accept": "text/html,application/xhtml+xml"]
            if !cookies.isEmpty {
                headers.add(name: .cookie, value: cookies.map { "\($0)=\($1)" }.joined(separator: "; "))
            }
            var body: ByteBuffer?
            if let form {
                headers.contentType = .urlEncodedForm
                let encoded = form.map { key, value in
                    "\(key)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
                }
                body = ByteBuffer(string: encoded.joined(separator: "&"))
            }
            var result: TestingHTTPResponse?
            try await app.testing().test(method, path, headers: headers, body: body) { result = $0 }
            for header in result!.headers[.setCookie] {
                let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1).map(String.init)
                cookies[pair[0]] = pair.count > 1 ? pair[1] : ""
                if header.contains("Max-Age=0") { cookies[pair[0]] = nil }
            }
            return result!
        }

        /// Posts a multipart form with one file part, as a browser's upload form does.
        mutating func upload(
            _ path: String, fields: [String: String], file: [UInt8], fileName: String, fileField: String = "file"
        ) async throws -> TestingHTTPResponse {
            let boundary = "----partnerdesk-test-boundary"
            var body = ""
            for (name, value) in fields {
                body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
            }
            body +=
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(fileField)\"; filename=\"\(fileName)\"\r\n"
            body += "Content-Type: application/octet-stream\r\n\r\n"
            var buffer = ByteBuffer(string: body)
            buffer.writeBytes(file)
            buffer.writeString("\r\n--\(boundary)--\r\n")
            var headers: HTTPHeaders = [
                "Accept": "text/html", "Content-Type": "multipart/form-data; boundary=\(boundary)",
            ]
            headers.add(name: .cookie, value: cookies.map { "\($0)=\($1)" }.joined(separator: "; "))
            var result: TestingHTTPResponse?
            try await app.testing().test(.POST, path, headers: headers, body: buffer) { result = $0 }
            return result!
        }

        /// The CSRF value of the form on a page.
        static func csrf(_ page: TestingHTTPResponse) -> String {
            let html = page.body.string
            guard let range = html.range(of: #"name="csrf" value=""#) else { return "" }
            return String(html[range.upperBound...].prefix { $0 != "\"" })
        }
    }

    func withPages(
        tls: Bool = false, transports: RecordingTransports = RecordingTransports(),
        _ body: (Application, AppServices) async throws -> Void
    ) async throws {
        let clock = FixedClock(ISO8601Instant.date(from: "2026-11-23T09:00:00Z")!)
        let services = AppServices.inMemory(clock: clock, transports: transports)
        _ = try await services.partners.register(PartnerDraft(code: "WELLPATH", name: "Wellpath", status: "live"))
        _ = try await services.partners.register(PartnerDraft(code: "CAREBRIDGE", name: "CareBridge", status: "live"))
        for (email, role, partner) in [
            ("rosa@wellpath.example", Role.partnerReporter, "WELLPATH"),
            ("carl@carebridge.example", .partnerReporter, "CAREBRIDGE"),
            ("pam@wellpath.example", .partnerAdministrator, "WELLPATH"),
            ("alex@partnerdesk.example", .administrator, nil),
        ] {
            let invitation = try await services.accounts.add(
                email: email, name: email, role: role, partnerCode: partner.flatMap(PartnerCode.init))
            try await services.accounts.setPassword(
                linkSecret: invitation.linkSecret, password: "long enough passphrase here")
        }
        let app = try await Application.make(.testing)
        do {
            app.logger.logLevel = .critical
            try PartnerDeskWeb.configure(
                app,
                context: .init(
                    services: services, metrics: { "" },
                    publicURL: tls ? "https://desk.example.org" : "http://127.0.0.1:8080"))
            try await body(app, services)
            try await app.asyncShutdown()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    func signIn(_ browser: inout Browser, _ email: String, password: String = "long enough passphrase here")
        async throws
        -> TestingHTTPResponse
    {
        let form = try await browser.send(.GET, "sign-in")
        return try await browser.send(
            .POST, "sign-in", form: ["email": email, "password": password, "csrf": Browser.csrf(form)])
    }

    /// Fills in and sends the raise form with a complete data set and the given texts.
    func raise(_ browser: inout Browser, errorType: String = "Sign-in loop", description: String) async throws
        -> TestingHTTPResponse
    {
        let form = try await browser.send(.GET, "incidents/new")
        return try await browser.send(
            .POST, "incidents",
            form: [
                "type": "accessing_service", "occurredAt": "2026-11-23T08:30", "userEmail": "user@example.org",
                "errorType": errorType, "description": description, "deviceType": "mobile", "operatingSystem": "iOS",
                "operatingSystemVersion": "17.4", "csrf": Browser.csrf(form),
            ])
    }

    /// A plain incident, as the fixtures raise it.
    static let plainDraft = IncidentReportDraft(
        type: "other", occurredAt: "2026-11-23T08:00:00Z", userEmail: "u@example.org", errorType: "Loop",
        description: "Loops", deviceType: "pc", operatingSystem: "Windows", operatingSystemVersion: "11")

    /// A partner's system, signed in with an API token of the partner's.
    func partnerSystem(_ services: AppServices, _ code: String = "WELLPATH") async throws -> Principal {
        try #require(
            try await services.tokens.authenticate(
                services.tokens.create(name: "\(code) system", partnerCode: PartnerCode(code), role: nil).secret))
    }

    func staff(_ services: AppServices, role: Role = .serviceManager, scope: TokenScope = .read) -> Principal {
        Principal(credential: .token(.init(UUID())), displayName: "Staff", role: role, partnerID: nil, scope: scope)
    }

    /// The signed-in principal of a person, as their session would carry it.
    func principal(_ services: AppServices, _ email: String) async throws -> Principal {
        let users = try await services.accounts.list(as: staff(services, role: .administrator, scope: .write))
        let user = try #require(users.first { $0.email.value == email })
        return Principal(
            credential: .user(user.id), displayName: user.displayName, role: user.role, partnerID: user.partnerID,
            scope: .write)
    }

    func pamPrincipal(_ services: AppServices) async throws -> Principal {
        try await principal(services, "pam@wellpath.example")
    }
}
