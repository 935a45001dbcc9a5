package dev.logtally.logback;

import ch.qos.logback.core.spi.ContextAware;

/**
 * The drop-in's fixed fields, decided once when an encoder starts: {@code service} (blank is reported and
 * replaced by {@value ServiceJsonProvider#DEFAULT_SERVICE}) and {@code release} (left out when blank). Every
 * writer of these fields (each flavour's provider, the minimal fallback line) asks here, so the rule is kept once.
 *
 * <pre>{@code
 * String[] fields = ServiceFields.resolve(" loka-stratum ", "", this); // {"service", "loka-stratum"}
 * }</pre>
 */
final class ServiceFields {
    /** The service written when none (or a blank one) is configured. */
    static final String DEFAULT_SERVICE = ServiceJsonProvider.DEFAULT_SERVICE;

    private ServiceFields() {
    }

    /**
     * Field names and values, alternating: {@code service} and its value, then {@code release} and its value
     * when it is not blank. A blank service is reported as an error through {@code reporter}'s context.
     */
    static String[] resolve(String service, String release, ContextAware reporter) {
        String s = service == null ? "" : service.strip();
        if (s.isEmpty()) {
            reporter.addError("logtally: the service name (property logtally.service) is empty; writing \"service\":\""
                    + DEFAULT_SERVICE + "\"");
            s = DEFAULT_SERVICE;
        }
        String r = release == null ? "" : release.strip();
        return r.isEmpty()
                ? new String[] {ServiceJsonProvider.SERVICE_FIELD, s}
                : new String[] {ServiceJsonProvider.SERVICE_FIELD, s, ServiceJsonProvider.RELEASE_FIELD, r};
    }
}
