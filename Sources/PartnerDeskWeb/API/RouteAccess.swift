import PartnerDeskDomain
import Vapor

/// Every route says who may call it: an ``AccessAction`` decided by ``AccessPolicy``, Prometheus, or public.
enum RouteAccess: Sendable, Equatable {
    /// Anyone, signed in or not (health checks, the API description).
    case `public`
    /// Callers the access policy allows to perform the action.
    case action(AccessAction)
    /// Prometheus with the metrics token, when one is needed (see ``MetricsAccess``).
    case metrics

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

    /// Records that the route is for Prometheus.
    @discardableResult
    func declaringMetricsAccess() -> Route {
        userInfo[RouteAccess.userInfoKey] = RouteAccess.metrics
        return self
    }

    /// What the route declared, if anything.
    var access: RouteAccess? { userInfo[RouteAccess.userInfoKey] as? RouteAccess }
}

extension Request {
    /// The action the route declared, for use cases that look a record up before acting on it; reading
    /// nothing in particular when the route declared no action (never the case: a test checks every route).
    var declaredAction: AccessAction {
        if case .action(let action)? = route?.access { return action }
        return .readPartner
    }
}
