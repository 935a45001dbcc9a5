package dev.logtally.base;

/**
 * A {@code HOST:PORT} listen address ({@code 127.0.0.1:9400}, {@code [::1]:9400}, {@code :9400} for all
 * interfaces; port 0 picks a free one).
 */
public record HostPort(String host, int port) {

    public static HostPort parse(String key, String text) {
        String t = text == null ? "" : text.trim();
        int colon = t.lastIndexOf(':');
        if (colon < 0) {
            throw new ConfigException(key, "'" + text + "' is not HOST:PORT");
        }
        String host = t.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(t.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new ConfigException(key, "'" + text + "' has no valid port");
        }
        if (port < 0 || port > 65535) {
            throw new ConfigException(key, "port " + port + " is outside 0..65535");
        }
        return new HostPort(host.isEmpty() ? "0.0.0.0" : host, port);
    }

    /** The address to bind: the wildcard address for an empty or {@code 0.0.0.0} host. */
    public java.net.InetSocketAddress socketAddress() {
        return host.equals("0.0.0.0") ? new java.net.InetSocketAddress(port) : new java.net.InetSocketAddress(host, port);
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
