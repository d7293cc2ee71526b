import Crypto
import Foundation
import NIOSSL
import SwiftASN1
import X509

/// A private certificate authority made at test time and a server certificate it signed, as a relay with a
/// private CA would have; the client trusts the CA through a trust-roots PEM file.
struct TestCertificates {
    /// The CA certificate, PEM-encoded, for the client's trust roots file.
    let authorityPEM: String
    /// TLS settings for the test server: the signed certificate and its key.
    let serverContext: NIOSSLContext

    /// A CA and a server certificate for the given names (by default `localhost` and 127.0.0.1), valid
    /// from an hour ago to an hour from now.
    static func make(dnsNames: [String] = ["localhost"], ipAddresses: [[UInt8]] = [[127, 0, 0, 1]]) throws
        -> TestCertificates
    {
        let now = Date()
        let authorityKey = Certificate.PrivateKey(P256.Signing.PrivateKey())
        let authorityName = try DistinguishedName { CommonName("PartnerDesk test CA") }
        let authority = try Certificate(
            version: .v3, serialNumber: .init(), publicKey: authorityKey.publicKey,
            notValidBefore: now - 3600, notValidAfter: now + 3600, issuer: authorityName, subject: authorityName,
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                Critical(KeyUsage(keyCertSign: true))
            },
            issuerPrivateKey: authorityKey)

        let serverKey = Certificate.PrivateKey(P256.Signing.PrivateKey())
        let names =
            dnsNames.map { GeneralName.dnsName($0) }
            + ipAddresses.map { .ipAddress(ASN1OctetString(contentBytes: $0[...])) }
        let server = try Certificate(
            version: .v3, serialNumber: .init(), publicKey: serverKey.publicKey,
            notValidBefore: now - 3600, notValidAfter: now + 3600, issuer: authorityName,
            subject: try DistinguishedName { CommonName(dnsNames.first ?? "test server") },
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true))
                try ExtendedKeyUsage([.serverAuth])
                SubjectAlternativeNames(names)
            },
            issuerPrivateKey: authorityKey)

        let serverConfiguration = TLSConfiguration.makeServerConfiguration(
            certificateChain: [
                .certificate(
                    try NIOSSLCertificate(bytes: Array(try server.serializeAsPEM().pemString.utf8), format: .pem))
            ],
            privateKey: .privateKey(
                try NIOSSLPrivateKey(bytes: Array(try serverKey.serializeAsPEM().pemString.utf8), format: .pem))
        )
        return TestCertificates(
            authorityPEM: try authority.serializeAsPEM().pemString,
            serverContext: try NIOSSLContext(configuration: serverConfiguration))
    }

    /// Runs the body with the CA written to a PEM file in a fresh temporary folder, removed afterwards.
    func withTrustRootsFile<Result>(_ body: (String) async throws -> Result) async throws -> Result {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("partnerdesk-mail-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("trust-roots.pem")
        try Data(authorityPEM.utf8).write(to: file)
        return try await body(file.path)
    }
}
