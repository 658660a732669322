package dev.strato.provider.gcp;

import com.google.auth.http.HttpTransportFactory;
import com.google.auth.oauth2.GoogleCredentials;
import dev.strato.provider.ProviderException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Application Default Credentials, read from the command's own environment first (the libraries read only the
 * process environment, and in-process runs pass another): GOOGLE_APPLICATION_CREDENTIALS (a service account key,
 * an authorized user, or an {@code external_account} file of workload identity federation as CI writes it), then
 * gcloud's application-default file, then the metadata server (unless NO_GCE_CHECK=true).
 */
final class Credentials {

    static final List<String> SCOPES = List.of("https://www.googleapis.com/auth/cloud-platform");

    static final String SIGN_IN =
            "no Google Cloud credentials found: run 'gcloud auth application-default login', or set GOOGLE_APPLICATION_CREDENTIALS"
                    + " to a service account key or a workload identity federation (external_account) file; in CI, sign in first"
                    + " (GitHub Actions: google-github-actions/auth with workload_identity_provider and service_account)";

    private Credentials() {}

    static GoogleCredentials load(Map<String, String> env, HttpTransportFactory transport) {
        String file = env.get("GOOGLE_APPLICATION_CREDENTIALS");
        if (file != null && !file.isBlank()) {
            Path path = Path.of(file);
            if (!Files.isRegularFile(path)) {
                throw new ProviderException("GOOGLE_APPLICATION_CREDENTIALS names " + file
                        + ", which is not a file: point it at a credentials file"
                        + " or unset it and run 'gcloud auth application-default login'");
            }
            return read(path, transport);
        }
        Path wellKnown = wellKnown(env);
        if (wellKnown != null && Files.isRegularFile(wellKnown)) return read(wellKnown, transport);
        if ("true".equalsIgnoreCase(env.get("NO_GCE_CHECK"))) throw new ProviderException(SIGN_IN);
        try {
            return GoogleCredentials.getApplicationDefault(transport).createScoped(SCOPES);
        } catch (IOException e) {
            throw new ProviderException(SIGN_IN);
        }
    }

    private static GoogleCredentials read(Path path, HttpTransportFactory transport) {
        try (InputStream in = Files.newInputStream(path)) {
            return GoogleCredentials.fromStream(in, transport).createScoped(SCOPES);
        } catch (IOException | RuntimeException e) {
            throw new ProviderException(
                    "could not read Google Cloud credentials from " + path + ": " + GcpErrors.firstLine(e.getMessage())
                            + "; run 'gcloud auth application-default login' or point GOOGLE_APPLICATION_CREDENTIALS at a valid file");
        }
    }

    /** gcloud's application-default credentials file: $CLOUDSDK_CONFIG or ~/.config/gcloud (%APPDATA%\gcloud on Windows). */
    private static Path wellKnown(Map<String, String> env) {
        String config = env.get("CLOUDSDK_CONFIG");
        if (config != null && !config.isBlank()) return Path.of(config, "application_default_credentials.json");
        String appData = env.get("APPDATA");
        if (appData != null && System.getProperty("os.name", "").startsWith("Windows"))
            return Path.of(appData, "gcloud", "application_default_credentials.json");
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return home == null ? null : Path.of(home, ".config", "gcloud", "application_default_credentials.json");
    }

    /** The refused-credentials line: the token endpoint answered, but not with a token. */
    static String refused(String detail) {
        return "Google Cloud refused the credentials (" + detail
                + "): run 'gcloud auth application-default login' again,"
                + " or check the workload identity federation setup that wrote GOOGLE_APPLICATION_CREDENTIALS";
    }
}
