import NIOSSL
import PartnerDeskWebhooks

/// A throwaway certificate authority and a server certificate for `partner.test` signed by it (P-256,
/// valid 2020–2120), made for these tests only: no real system trusts them.
enum TestCertificates {
    static let authorityPEM = """
        -----BEGIN CERTIFICATE-----
        MIIBljCCAT2gAwIBAgIUUnb8DCAbcJUw8stDei7bU0pNYuwwCgYIKoZIzj0EAwIw
        JzElMCMGA1UEAwwcUGFydG5lckRlc2sgd2ViaG9vayB0ZXN0cyBDQTAgFw0yMDAx
        MDEwMDAwMDBaGA8yMTIwMDEwMTAwMDAwMFowJzElMCMGA1UEAwwcUGFydG5lckRl
        c2sgd2ViaG9vayB0ZXN0cyBDQTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABOmR
        sMbfnENwpsv6Z1fqeOVTAR56lF+48AasSCwKFYjSF1cQcse5iNv4ahcW7ojz/pQz
        Ar6cUX8pWOobbQV4yO2jRTBDMBIGA1UdEwEB/wQIMAYBAf8CAQAwDgYDVR0PAQH/
        BAQDAgEGMB0GA1UdDgQWBBSGa60vKkEOz7UrrKmC6HTEGS3dUjAKBggqhkjOPQQD
        AgNHADBEAiAjwM7zdceF38AExNzWwEy3X4yqREBGj3ZDNUSCALDRlgIgKt8OrCCy
        sccsTeBk8e8SyBrJm6p2ZqAI65DPb2VV+h0=
        -----END CERTIFICATE-----
        """

    static let serverPEM = """
        -----BEGIN CERTIFICATE-----
        MIIBsjCCAVegAwIBAgIUWmYLM4GyhPLqimT7ZotICz5YIF4wCgYIKoZIzj0EAwIw
        JzElMCMGA1UEAwwcUGFydG5lckRlc2sgd2ViaG9vayB0ZXN0cyBDQTAgFw0yMDAx
        MDEwMDAwMDBaGA8yMTIwMDEwMTAwMDAwMFowFzEVMBMGA1UEAwwMcGFydG5lci50
        ZXN0MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEz1qzFF8m1SgdKzorv9q2R+A0
        ZWNb9XBnofw8vydrIyoMZBwUo2NWo9i3djkh3QKONUxnG2qxpu/90LeDhg6v2aNv
        MG0wFwYDVR0RBBAwDoIMcGFydG5lci50ZXN0MAwGA1UdEwEB/wQCMAAwDgYDVR0P
        AQH/BAQDAgeAMBMGA1UdJQQMMAoGCCsGAQUFBwMBMB8GA1UdIwQYMBaAFIZrrS8q
        QQ7PtSusqYLodMQZLd1SMAoGCCqGSM49BAMCA0kAMEYCIQDcho6mtjhO9gicr+b5
        m9nnMambkLTBVBR26VujllVoOwIhAMtXw6jCfDQGcqWe7otRQRo64dS/P4PwRo5v
        xOw4RH3a
        -----END CERTIFICATE-----
        """

    static let serverKeyPEM = """
        -----BEGIN PRIVATE KEY-----
        MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgNKcYtyEbYX0zXfhX
        DtkkfFo8BrncQjHQLcUnhCpaKY2hRANCAATPWrMUXybVKB0rOiu/2rZH4DRlY1v1
        cGeh/Dy/J2sjKgxkHBSjY1aj2Ld2OSHdAo41TGcbarGm7/3Qt4OGDq/Z
        -----END PRIVATE KEY-----
        """

    /// The receiver's side: the `partner.test` certificate and its key.
    static func serverConfiguration() throws -> TLSConfiguration {
        TLSConfiguration.makeServerConfiguration(
            certificateChain: [.certificate(try NIOSSLCertificate(bytes: Array(serverPEM.utf8), format: .pem))],
            privateKey: .privateKey(try NIOSSLPrivateKey(bytes: Array(serverKeyPEM.utf8), format: .pem))
        )
    }

    /// PartnerDesk's side: the transport's default settings, trusting only the test authority.
    static func clientConfiguration() throws -> TLSConfiguration {
        var tls = HTTPWebhookTransport.Configuration.defaultTLS
        tls.trustRoots = .certificates([try NIOSSLCertificate(bytes: Array(authorityPEM.utf8), format: .pem)])
        return tls
    }
}
