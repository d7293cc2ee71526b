import Foundation
import Testing

/// Runs the built `partnerdesk` binary, as a person would, and checks what it prints and how it exits.
@Suite struct BinaryTests {
    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    static var binary: URL {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [
            here, here.deletingLastPathComponent(), here.deletingLastPathComponent().deletingLastPathComponent(),
        ]
        return candidates.map { $0.appendingPathComponent("partnerdesk") }.first {
            FileManager.default.isExecutableFile(atPath: $0.path)
        } ?? here.appendingPathComponent("partnerdesk")
    }

    func run(_ arguments: [String], input: String = "", environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, output: String(decoding: output, as: UTF8.self),
            errors: String(decoding: errors, as: UTF8.self)
        )
    }

    @Test func calendarDue_printsTheSilverTargetForASeverity() throws {
        let result = try run(["calendar", "due", "--from", "2026-11-23T09:00:00Z", "--severity", "3"])
        #expect(result.status == 0)
        #expect(result.output == "2026-11-25T09:00:00Z\n")
    }

    @Test func calendarBatch_answersEveryLine_andReportsBadLinesAlone() throws {
        let input =
            "due 2026-11-23T08:00:00Z 36000\nelapsed 2026-11-20T17:00:00Z 2026-11-23T09:00:00Z\nnonsense\n"
            + "workdays 2026-12-24T12:00:00Z 2\n"
        let result = try run(["calendar", "batch"], input: input)
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0] == "2026-11-23T18:00:00Z")
        #expect(lines[1] == "7200")
        #expect(lines[2].hasPrefix("error: "))
        #expect(lines[3] == "2026-12-30")
    }

    @Test func calendarHolidays_listsNamedHolidays() throws {
        let result = try run(["calendar", "holidays", "--year", "2023"])
        #expect(result.output.contains("2023-05-08  Bank holiday for the coronation of King Charles III"))
    }

    @Test func badInstant_exitsNonZeroWithAClearMessage() throws {
        let result = try run(["calendar", "due", "--from", "yesterday", "--hours", "4"])
        #expect(result.status != 0)
        #expect(result.errors.contains("is not an ISO 8601 instant"))
    }

    @Test func badConfiguration_reportsEveryProblemAndExitsNonZero() throws {
        let result = try run(
            ["migrate"],
            environment: ["PARTNERDESK_PORT": "0", "PARTNERDESK_LOG_FORMAT": "yaml", "DATABASE_URL": "ftp://x"]
        )
        #expect(result.status != 0)
        #expect(result.errors.contains("3 problem(s)"))
        #expect(result.errors.contains("PARTNERDESK_PORT") && result.errors.contains("PARTNERDESK_LOG_FORMAT"))
    }
}
