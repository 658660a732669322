package dev.strato.provider.azure.testing;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The tests' self-signed loopback certificate (src/test/resources/tls): WireMock and Azurite serve
 * HTTPS with it, because the SDK sends tokens only over HTTPS; {@link #trust()} makes it the JVM's
 * default trust, which the JDK HTTP client behind the SDK uses.
 */
public final class TestTls {

    public static final String PASSWORD = "strato-test";

    private static SSLContext context;

    private TestTls() {}

    public static synchronized SSLContext trust() {
        if (context != null) return context;
        try (InputStream in = TestTls.class.getResourceAsStream("/tls/cert.pem")) {
            Certificate cert = CertificateFactory.getInstance("X.509").generateCertificate(in);
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("strato-test", cert);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext c = SSLContext.getInstance("TLS");
            c.init(null, tmf.getTrustManagers(), null);
            SSLContext.setDefault(c);
            context = c;
            return c;
        } catch (Exception e) {
            throw new IllegalStateException("cannot load the test certificate", e);
        }
    }

    /** A resource of src/test/resources/tls as a file (Azurite and WireMock read paths). */
    public static Path file(String name, Path dir) {
        try (InputStream in = TestTls.class.getResourceAsStream("/tls/" + name)) {
            Path p = dir.resolve(name);
            Files.createDirectories(dir);
            Files.copy(in, p, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return p;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
