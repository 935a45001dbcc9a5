package dev.logtally.export;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throw-away certificate authority and a server certificate for {@code 127.0.0.1} signed by it, made
 * with the real {@code openssl} (EC P-256 keys, valid two days) in a test's temporary directory.
 */
record TestCa(Path caPem, Path serverPem, Path serverKey) {

    static TestCa create(Path dir, String name) throws Exception {
        Path d = Files.createDirectories(dir.resolve(name));
        String ca = d.resolve("ca.pem").toString();
        String caKey = d.resolve("ca.key").toString();
        openssl(d, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", caKey, "-out", ca, "-days", "2", "-subj", "/CN=" + name,
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        String key = d.resolve("server.key").toString();
        String csr = d.resolve("server.csr").toString();
        openssl(d, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", key, "-out", csr, "-subj", "/CN=127.0.0.1");
        Path ext = d.resolve("server.ext");
        Files.writeString(ext, "subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n"
                + "keyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n", StandardCharsets.UTF_8);
        String cert = d.resolve("server.pem").toString();
        openssl(d, "x509", "-req", "-in", csr, "-CA", ca, "-CAkey", caKey, "-CAcreateserial", "-out", cert,
                "-days", "2", "-extfile", ext.toString());
        return new TestCa(Path.of(ca), Path.of(cert), Path.of(key));
    }

    private static void openssl(Path dir, String... args) {
        Command.run(dir, "openssl", "openssl", null, args).ok();
    }

    /** An SSL context trusting only this CA, for reading the Pushgateway back over https. */
    SSLContext sslContext() throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(caPem)) {
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("ca" + i++, c);
            }
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return ssl;
    }
}
