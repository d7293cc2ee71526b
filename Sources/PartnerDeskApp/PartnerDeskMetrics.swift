import Metrics
import Prometheus

/// The process-wide Prometheus registry. Vapor reports `http_requests_total` and the
/// `http_request_duration_seconds` histogram per route through swift-metrics; the first use of
/// ``registry`` points swift-metrics at this registry (the metrics system can be bootstrapped only once).
public enum PartnerDeskMetrics {
    public static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()

}
