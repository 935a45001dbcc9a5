package dev.logtally.export;

import io.prometheus.client.exporter.HttpConnectionFactory;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;

/**
 * The connection factory of one push attempt: opens the connection with our TLS trust and
 * {@code Authorization} header, and keeps it so that {@link #abort()} can {@code disconnect()} it when the
 * attempt overruns {@code push.timeout} (simpleclient overwrites connect/read timeouts with 10 s after
 * this factory returns, so the bound has to come from outside).
 *
 * <pre>{@code
 * AttemptConnection connection = new AttemptConnection(tls, authorization, timeoutMillis);
 * pushGateway.setConnectionFactory(connection);
 * // on timeout, from another thread:
 * connection.abort();
 * }</pre>
 */
final class AttemptConnection implements HttpConnectionFactory {
    private final SSLSocketFactory tls;
    private final String authorization;
    private final int timeoutMillis;
    private HttpURLConnection connection;
    private boolean aborted;

    AttemptConnection(SSLSocketFactory tls, String authorization, int timeoutMillis) {
        this.tls = tls;
        this.authorization = authorization;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public synchronized HttpURLConnection create(String url) throws IOException {
        if (aborted) {
            throw new IOException("attempt abandoned");
        }
        HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
        if (tls != null && c instanceof HttpsURLConnection https) {
            https.setSSLSocketFactory(tls);
        }
        if (authorization != null) {
            c.setRequestProperty("Authorization", authorization);
        }
        c.setInstanceFollowRedirects(false);
        c.setUseCaches(false);
        c.setConnectTimeout(timeoutMillis);
        c.setReadTimeout(timeoutMillis);
        connection = c;
        return c;
    }

    /** Ends the attempt: a blocked connect, write or read fails at once; a later {@link #create} refuses. */
    void abort() {
        HttpURLConnection c;
        synchronized (this) {
            aborted = true;
            c = connection;
        }
        if (c != null) {
            c.disconnect();
        }
    }
}
