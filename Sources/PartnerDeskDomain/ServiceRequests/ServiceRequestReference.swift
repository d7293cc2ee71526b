/// The reference people quote for a service request: `SRQ-` and at least six digits (SRQ-000012).
public struct ServiceRequestReference: SequencedReference {
    public static let prefix = "SRQ"
    public static let kind = "a service request"
    public let number: Int

    public init(validNumber number: Int) { self.number = number }
}
