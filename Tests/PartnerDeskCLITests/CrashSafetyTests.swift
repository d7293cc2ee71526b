import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

#if canImport(Glibc)
    import Glibc
#endif

/// A server killed outright (SIGKILL) after committing a change but before delivering its notification: the
/// message waits in the outbox and is delivered by the next run of the jobs, with its stable delivery id.
@Suite(.serialized) struct CrashSafetyTests {
    /// A throwaway webhook receiver (Python's standard library) that writes each request it gets to a folder,
    /// and exits when its standard input closes (so it never outlives the test, whatever starts Python).
    static let receiverScript = """
        import http.server, os, sys, threading, uuid
        folder = sys.argv[1]
        threading.Thread(target=lambda: (sys.stdin.read(), os._exit(0)), daemon=True).start()
        class Receiver(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                with open(os.path.join(folder, str(uuid.uuid4())), "w") as out:
                    out.write(self.headers.get("PartnerDesk-Delivery", "") + "\\n")
                    out.write(self.headers.get("PartnerDesk-Signature", "") + "\\n")
                    out.write(body.decode())
                self.send_response(204)
                self.end_headers()
            def log_message(self, *args):
                pass
        server = http.server.HTTPServer(("127.0.0.1", 0), Receiver)
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """

    func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) }
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Registers the partner WELLPATH with the CLI and returns the secret of an API token for it.
    func partnerToken(_ environment: [String: String]) throws -> String {
        let tests = BinaryTests()
        let added = try tests.run(
            ["partners", "add", "--code", "WELLPATH", "--name", "Wellpath", "--status", "live"],
            environment: environment)
        #expect(added.status == 0, "\(added.errors)")
        let created = try tests.run(
            ["tokens", "create", "--partner", "WELLPATH", "--name", "s"], environment: environment)
        return try #require(
            created.output.split(separator: "\n").first { $0.contains("Secret") }?.split(separator: " ").last.map(
                String.init))
    }

    /// A raw TCP connection to a port on loopback, for talking to the server below HTTP clients; `nil` when
    /// it cannot connect.
    static func connect(to port: Int) -> Int32? {
        let connection = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(connection, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(connection)
            return nil
        }
        return connection
    }

    /// Starts `partnerdesk serve` on a free port and waits until it is ready; its standard error goes to
    /// `errors` when given.
    func startServer(_ environment: [String: String], errors: URL? = nil) async throws -> (Process, String) {
        let port = try freePort()
        let server = Process()
        server.executableURL = BinaryTests.binary
        server.arguments = ["serve", "--port", "\(port)"]
        server.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        if let errors {
            #expect(FileManager.default.createFile(atPath: errors.path, contents: nil))
            server.standardError = try FileHandle(forWritingTo: errors)
        } else {
            server.standardError = FileHandle.nullDevice
        }
        try server.run()
        let base = "http://127.0.0.1:\(port)"
        var ready = false
        for _ in 0..<100 where !ready {
            ready = (try? await URLSession.shared.data(from: URL(string: "\(base)/readyz")!)) != nil
            if !ready { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(ready)
        return (server, base)
    }

    func request(_ method: String, _ url: String, token: String, body: String, headers: [String: String] = [:])
        async throws -> (Int, [String: Any])
    {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.httpBody = body.isEmpty ? nil : Data(body.utf8)
        let (data, response) = try await URLSession.shared.data(for: request)
        let json = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, json)
    }

    @Test func aNotificationCommittedBeforeAKill_isDeliveredAfterTheRestart() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("partnerdesk-crash-\(UUID())")
        let received = folder.appendingPathComponent("received")
        try FileManager.default.createDirectory(at: received, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = [
            "PARTNERDESK_DATA_DIR": folder.path, "PARTNERDESK_LOG_LEVEL": "error", "PARTNERDESK_JOBS_INTERVAL": "0",
            "PARTNERDESK_WEBHOOK_ALLOW": "127.0.0.0/8",
        ]
        let tests = BinaryTests()
        func cli(_ arguments: [String]) throws -> String {
            let run = try tests.run(arguments, environment: environment)
            #expect(run.status == 0, "\(arguments): \(run.errors)")
            return run.output
        }
        func secret(_ output: String) -> String {
            output.split(separator: "\n").first { $0.contains("Secret") }.map { String($0.split(separator: " ").last!) }
                ?? ""
        }
        _ = try cli(["partners", "add", "--code", "WELLPATH", "--name", "Wellpath", "--status", "live"])
        let partner = secret(try cli(["tokens", "create", "--partner", "WELLPATH", "--name", "system"]))
        let desk = secret(try cli(["tokens", "create", "--role", "first_line_agent", "--name", "desk"]))
        let admin = secret(try cli(["tokens", "create", "--role", "administrator", "--name", "admin"]))

        let receiver = Process()
        receiver.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        receiver.arguments = ["python3", "-c", Self.receiverScript, received.path]
        let receiverOutput = Pipe()
        let receiverInput = Pipe()
        receiver.standardOutput = receiverOutput
        receiver.standardInput = receiverInput
        receiver.standardError = FileHandle.nullDevice
        try receiver.run()
        defer { try? receiverInput.fileHandleForWriting.close() }
        let receiverPort = String(
            decoding: receiverOutput.fileHandleForReading.availableData, as: UTF8.self
        ).trimmingCharacters(in: .whitespacesAndNewlines)

        let (server, base) = try await startServer(environment)
        defer { if server.isRunning { kill(server.processIdentifier, SIGKILL) } }

        let (added, endpoint) = try await request(
            "POST", "\(base)/api/v1/webhooks", token: admin,
            body:
                #"{"url":"http://127.0.0.1:\#(receiverPort)/hook","events":["incident.received"],"partner":"WELLPATH"}"#
        )
        #expect(added == 201)
        let (raised, incident) = try await request(
            "POST", "\(base)/api/v1/incidents", token: partner,
            body: """
                {"type":"other","occurredAt":"2026-11-23T08:00:00Z","userEmail":"u@example.org","errorType":"Loop",
                 "description":"Loops","deviceType":"pc","operatingSystem":"Windows","operatingSystemVersion":"11"}
                """)
        #expect(raised == 201)
        let id = try #require(incident["id"] as? String)
        let (received201, _) = try await request(
            "POST", "\(base)/api/v1/incidents/\(id)/transitions", token: desk,
            body: #"{"action":"receive","severity":2}"#,
            headers: ["If-Match": "\"1\""])
        #expect(received201 == 200)

        // The change is committed and its message queued; the server dies before any delivery run.
        kill(server.processIdentifier, SIGKILL)
        server.waitUntilExit()
        #expect(try FileManager.default.contentsOfDirectory(atPath: received.path).isEmpty)

        let output = try cli(["jobs", "run-once"])
        #expect(output.contains("Messages delivered: 1,"))
        let files = try FileManager.default.contentsOfDirectory(atPath: received.path)
        #expect(files.count == 1)
        let delivery = try String(contentsOf: received.appendingPathComponent(files[0]), encoding: .utf8)
            .split(separator: "\n", maxSplits: 2).map(String.init)
        #expect(delivery.count == 3)
        let body = try JSONSerialization.jsonObject(with: Data(delivery[2].utf8)) as? [String: Any]
        #expect(body?["id"] as? String == delivery[0] && body?["event"] as? String == "incident.received")
        #expect(delivery[1].hasPrefix("t=") && delivery[1].contains(",v1="))
        #expect(endpoint["secret"] is String)
        // Delivered once: another run sends nothing.
        #expect(try cli(["jobs", "run-once"]).contains("Messages delivered: 0,"))
    }

    @Test func sigtermDuringSustainedCreates_finishesWhatItAcknowledged_withoutA5xxOrACrash() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("partnerdesk-sigterm-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Eight clients writing as fast as they can: the per-partner write limit would refuse most of it.
        let environment = [
            "PARTNERDESK_DATA_DIR": folder.path, "PARTNERDESK_LOG_LEVEL": "warning", "PARTNERDESK_JOBS_INTERVAL": "0",
            "PARTNERDESK_PARTNER_WRITES_PER_MINUTE": "0",
        ]
        let token = try partnerToken(environment)
        let errors = folder.appendingPathComponent("server-errors.log")
        let (server, base) = try await startServer(environment, errors: errors)
        defer { if server.isRunning { kill(server.processIdentifier, SIGKILL) } }
        let body = """
            {"type":"other","occurredAt":"2026-11-23T08:00:00Z","userEmail":"u@example.org","errorType":"Loop",
             "description":"Loops","deviceType":"pc","operatingSystem":"Windows","operatingSystemVersion":"11"}
            """
        let deadline = Date().addingTimeInterval(15)
        // Eight clients create incidents for as long as the server answers; the server gets SIGTERM meanwhile.
        let answers = try await withThrowingTaskGroup(of: [(status: Int, id: String?)].self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var answers: [(status: Int, id: String?)] = []
                    while Date() < deadline {
                        guard
                            let (status, json) = try? await request(
                                "POST", "\(base)/api/v1/incidents", token: token, body: body)
                        else { break }
                        answers.append((status, json["id"] as? String))
                    }
                    return answers
                }
            }
            try await Task.sleep(for: .milliseconds(800))
            kill(server.processIdentifier, SIGTERM)
            return try await group.reduce(into: []) { $0 += $1 }
        }
        server.waitUntilExit()
        let log = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
        #expect(server.terminationReason == .exit && server.terminationStatus == 0, "\(log.prefix(2_000))")
        #expect(!log.contains("Assertion") && !log.contains("crashed"))
        #expect(answers.allSatisfy { $0.status == 201 }, "\(Set(answers.map(\.status)))")
        let acknowledged = answers.compactMap(\.id)
        #expect(acknowledged.count >= 16)

        // Every incident the server acknowledged is there after a restart.
        let (again, restarted) = try await startServer(environment)
        defer { if again.isRunning { kill(again.processIdentifier, SIGKILL) } }
        for id in acknowledged {
            let (status, _) = try await request(
                "GET", "\(restarted)/api/v1/incidents/\(id)", token: token, body: "")
            #expect(status == 200, "\(id)")
        }
    }

    @Test func anIdleConnection_isClosedAfterTheIdleTimeout() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("partnerdesk-idle-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = [
            "PARTNERDESK_DATA_DIR": folder.path, "PARTNERDESK_LOG_LEVEL": "error", "PARTNERDESK_JOBS_INTERVAL": "0",
            "PARTNERDESK_IDLE_TIMEOUT": "1",
        ]
        let (server, base) = try await startServer(environment)
        defer { if server.isRunning { kill(server.processIdentifier, SIGKILL) } }
        let port = try #require(URL(string: base)?.port)
        let connection = try #require(Self.connect(to: port))
        defer { close(connection) }
        // Send nothing; within a few seconds the server closes the connection (a read returns 0 bytes).
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let started = Date()
        var byte: UInt8 = 0
        let read = recv(connection, &byte, 1, 0)
        #expect(read == 0, "the connection stayed open")
        #expect(Date().timeIntervalSince(started) < 4)
    }

    @Test func aClientHangingUpMidBody_isNoServerError_andAnOversizedBodyIsRefusedAtOnce() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("partnerdesk-hangup-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = [
            "PARTNERDESK_DATA_DIR": folder.path, "PARTNERDESK_LOG_LEVEL": "info", "PARTNERDESK_JOBS_INTERVAL": "0",
        ]
        let token = try partnerToken(environment)
        let errors = folder.appendingPathComponent("server-errors.log")
        let (server, base) = try await startServer(environment, errors: errors)
        defer { if server.isRunning { kill(server.processIdentifier, SIGKILL) } }
        let port = try #require(URL(string: base)?.port)
        // A request that promises 100,000 bytes of body, sends 1,000 and hangs up.
        let connection = try #require(Self.connect(to: port))
        let head =
            "POST /api/v1/incidents HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(token)\r\n"
            + "Content-Type: application/json\r\nContent-Length: 60000\r\n\r\n" + String(repeating: "x", count: 1_000)
        _ = head.withCString { send(connection, $0, strlen($0), 0) }
        try await Task.sleep(for: .milliseconds(300))
        close(connection)

        // A body announced over the route's limit is refused at once, without waiting for the rest of it.
        let oversized = try #require(Self.connect(to: port))
        defer { close(oversized) }
        let announced =
            "POST /api/v1/incidents HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(token)\r\n"
            + "Content-Type: application/json\r\nContent-Length: 100000000\r\n\r\n"
            + String(repeating: "{", count: 1_000)
        _ = announced.withCString { send(oversized, $0, strlen($0), 0) }
        var timeout = timeval(tv_sec: 3, tv_usec: 0)
        setsockopt(oversized, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var answer = [UInt8](repeating: 0, count: 64)
        let read = recv(oversized, &answer, answer.count, 0)
        #expect(read > 0 && String(decoding: answer.prefix(max(read, 0)), as: UTF8.self).hasPrefix("HTTP/1.1 413"))
        try await Task.sleep(for: .milliseconds(500))

        let (metrics, _) = try await URLSession.shared.data(from: URL(string: "\(base)/metrics")!)
        let counted = String(decoding: metrics, as: UTF8.self).split(separator: "\n")
            .filter { $0.hasPrefix("http_requests_total{") && $0.contains("/api/v1/incidents\"") }
        #expect(counted.contains { $0.contains("status=\"499\"") }, "\(counted)")
        #expect(!counted.contains { $0.contains("status=\"500\"") })
        let log = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
        #expect(!log.contains("\"level\":\"error\""), "\(log.prefix(1_000))")
    }
}
