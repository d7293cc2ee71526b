import PartnerDeskServices
import Vapor

/// Password hashing with bcrypt. Production uses cost 12 (about 0.2 s a hash on a 2-core machine);
/// tests pass a low cost to stay fast.
public struct BcryptPasswordHasher: PartnerDeskServices.PasswordHasher {
    private let cost: Int

    public init(cost: Int = 12) {
        self.cost = cost
    }

    public func hash(_ password: String) throws -> String {
        try Bcrypt.hash(password, cost: cost)
    }

    public func verify(_ password: String, against hash: String) throws -> Bool {
        try Bcrypt.verify(password, created: hash)
    }
}
