import PartnerDeskDomain
import Vapor

/// Every route says who may call it: an ``AccessAction`` decided by ``AccessPolicy``, or public.
enum RouteAccess: Sendable, Equatable {
    /// Anyone, signed in or not (health checks, the API description).
    case `public`
    /// Callers the access policy allows to perform the action.
    case action(AccessAction)

    static let userInfoKey = "partnerdesk.access"
}

extension Route {
    /// Records the action the route performs, for the access-policy test that walks every route.
    @discardableResult
    func declaring(_ action: AccessAction) -> Route {
        userInfo[RouteAccess.userInfoKey] = RouteAccess.action(action)
        return self
    }

    /// Records that anyone may call the route.
    @discardableResult
    func declaringPublic() -> Route {
        userInfo[RouteAccess.userInfoKey] = RouteAccess.public
        return self
    }

    /// What the route declared, if anything.
    var access: RouteAccess? { userInfo[RouteAccess.userInfoKey] as? RouteAccess }
}
