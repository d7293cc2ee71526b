import Foundation
import PartnerDeskTestSupport
import Testing
import VaporTesting

@Suite struct AttachmentAPITests {
    typealias Images = ScreenshotTestImages

    /// Sends a multipart upload with raw bytes.
    func upload(
        _ api: APIHarness, incident: String, bytes: [UInt8], name: String, confirm: Bool = true,
        as caller: String = "wellpath"
    ) async throws -> TestingHTTPResponse {
        let boundary = "pd-test-boundary"
        var body = ByteBuffer()
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\n")
        body.writeString("Content-Type: application/octet-stream\r\n\r\n")
        body.writeBytes(bytes)
        body.writeString("\r\n--\(boundary)\r\nContent-Disposition: form-data; name=\"confirmNoPatientData\"\r\n\r\n")
        body.writeString(confirm ? "true" : "false")
        body.writeString("\r\n--\(boundary)--\r\n")
        var headers = HTTPHeaders([("Content-Type", "multipart/form-data; boundary=\(boundary)")])
        headers.bearerAuthorization = BearerAuthorization(token: api.tokens[caller]!)
        var result: TestingHTTPResponse?
        try await api.app.testing().test(
            .POST, "api/v1/incidents/\(incident)/attachments", headers: headers, body: body
        ) {
            result = $0
        }
        return result!
    }

    @Test func multipartHeadersWithBytesTheParserCannotTake_answer400_andTheServiceStaysUp() async throws {
        try await APIHarness.run { api in
            let (id, _) = try await api.raiseIncident()
            for part in [
                [0xF1, 0xA6, 0xBB, 0x84, 0x10, 0xC3, 0x94], Array("X\u{E9}: y\r\n\r\nxx".utf8),
                Array("Content-Disposition: form-data; name=\"a\u{1}\"\r\n\r\nxx".utf8),
            ] as [[UInt8]] {
                var body = ByteBuffer()
                body.writeString("--B\r\n")
                body.writeBytes(part)
                body.writeString("\r\n--B--\r\n")
                var headers = HTTPHeaders([("Content-Type", "multipart/form-data; boundary=B")])
                headers.bearerAuthorization = BearerAuthorization(token: api.tokens["wellpath"]!)
                try await api.app.testing().test(
                    .POST, "api/v1/incidents/\(id)/attachments", headers: headers, body: body
                ) { response in
                    #expect(response.status == .badRequest)
                }
            }
            #expect(try await api.send(.GET, "api/v1/incidents/\(id)", as: "wellpath").status == .ok)
            // Unauthenticated forms too: the sign-in page reads multipart the same way.
            let body = ByteBuffer(bytes: Array("--B\r\n".utf8) + [0xF1, 0xA6, 0x10] + Array("\r\n--B--\r\n".utf8))
            try await api.app.testing().test(
                .POST, "sign-in", headers: ["Content-Type": "multipart/form-data; boundary=B"], body: body
            ) { response in
                #expect(response.status.code < 500)
            }
        }
    }

    @Test func jpegWithGPS_isStoredWithoutItsMetadata_andServedOnlyAsADownload() async throws {
        try await APIHarness.run { api in
            let (id, _) = try await api.raiseIncident()
            let exif = Images.jpegSegment(0xE1, Images.ascii("Exif\0\0") + Images.ascii("GPS 51.5N 0.1W"))
            let withGPS = Images.jpeg([
                Images.jfif, exif, Images.quantisationTable, Images.frameHeader(width: 3, height: 2),
                Images.huffmanTables, Images.scan(),
            ])
            let response = try await upload(api, incident: id, bytes: withGPS, name: "../../etc/screen shot.jpeg")
            #expect(response.status == .created)
            #expect(response.json["width"] as? Int == 3)
            #expect(response.json["mediaType"] as? String == "image/jpeg")
            #expect((response.json["removedMetadata"] as? [String])?.contains("EXIF") == true)
            #expect(response.json["fileName"] as? String == "screen shot.jpeg")
            let url = try #require(response.json["downloadURL"] as? String)
            let download = try await api.send(.GET, String(url.dropFirst()), as: "wellpath")
            #expect(download.status == .ok)
            #expect(download.headers.first(name: "X-Content-Type-Options") == "nosniff")
            #expect(download.headers.first(name: .contentDisposition)?.hasPrefix("attachment") == true)
            #expect(download.headers.contentType?.description == "image/jpeg")
            #expect(!Images.contains(download.body.readableBytesView, Images.ascii("GPS")))
            let other = try await api.send(.GET, String(url.dropFirst()), as: "carebridge")
            #expect(other.status == .notFound)
            let history = try await api.send(.GET, "api/v1/incidents/\(id)/history", as: "wellpath")
            #expect(history.body.string.contains("\"attachment\""))
        }
    }

    @Test func uploadsWithoutConfirmation_orOfOtherFormats_areRefused_andNothingIsStored() async throws {
        try await APIHarness.run { api in
            let (id, _) = try await api.raiseIncident()
            let unconfirmed = try await upload(api, incident: id, bytes: Images.png(), name: "a.png", confirm: false)
            #expect(unconfirmed.status == .unprocessableEntity)
            #expect(
                (unconfirmed.json["errors"] as? [[String: Any]])?.first?["field"] as? String == "confirmNoPatientData")
            let gif = try await upload(
                api, incident: id, bytes: Images.ascii("GIF89a") + [UInt8](repeating: 0, count: 20), name: "a.png")
            #expect(gif.status == .unprocessableEntity)
            #expect((gif.json["errors"] as? [[String: Any]])?.first?["code"] as? String == "unsupported_format")
            let named = try await upload(api, incident: id, bytes: Images.png(), name: "NHS no 4010232137.png")
            #expect(named.status == .unprocessableEntity)
            #expect(!named.body.string.contains("4010232137"))
            let list = try await api.send(.GET, "api/v1/incidents/\(id)/attachments", as: "wellpath")
            #expect(list.body.string == "[]")
        }
    }

    @Test func anotherPartner_cannotAttachToAnIncidentItCannotSee() async throws {
        try await APIHarness.run { api in
            let (id, _) = try await api.raiseIncident()
            let response = try await upload(api, incident: id, bytes: Images.png(), name: "a.png", as: "carebridge")
            #expect(response.status == .notFound)
        }
    }
}

@Suite struct MalformedUploadTests {
    @Test func brokenMultipart_answers400_notAServerError() async throws {
        try await APIHarness.run { api in
            let (id, _) = try await api.raiseIncident()
            var headers = HTTPHeaders([("Content-Type", "multipart/form-data; boundary=abc")])
            headers.bearerAuthorization = BearerAuthorization(token: api.tokens["wellpath"]!)
            try await api.app.testing().test(
                .POST, "api/v1/incidents/\(id)/attachments", headers: headers,
                body: ByteBuffer(string: "--abc\r\n-34--abc--\r\n")
            ) { response in
                #expect(response.status == .badRequest)
            }
        }
    }
}
