package dev.logtally.export;

import dev.logtally.base.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds an {@link SSLSocketFactory} that trusts only the CA certificates of one PEM file
 ({@code push.tls.ca.file},
 * {@code remote_write.tls.ca.file}): for a Pushgateway whose certificate is signed by a private CA. Done once at
 * start-up; a file that cannot be read or holds no certificate is a {@link ConfigException}.
 *
 * <pre>{@code
 * SSLSocketFactory tls = CaTrust.socketFactory(Path.of("/etc/logtally/ca.pem"), "push.tls.ca.file");
 * }</pre>
 */
final class CaTrust {
    private CaTrust() {
    }

    static SSLSocketFactory socketFactory(Path pemFile, String key) {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(pemFile)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException e) {
            throw new ConfigException(key, "cannot read " + pemFile + ": " + ConfigException.reason(e));
        } catch (GeneralSecurityException e) {
            throw new ConfigException(key, pemFile + " is not a PEM certificate file: " + firstLine(e.getMessage()));
        }
        if (certificates.isEmpty()) {
            throw new ConfigException(key, pemFile + " holds no certificate");
        }
        try {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                trust.setCertificateEntry("ca-" + i++, certificate);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException | IOException e) {
            throw new ConfigException(key, "cannot use the certificates of " + pemFile + ": " + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "(no detail)";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
