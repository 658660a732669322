package dev.strato.provider.azure;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.identity.CredentialUnavailableException;
import dev.strato.provider.ProviderException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns SDK and ARM failures into one line that says what strato was doing and what Azure answered. */
final class AzureErrors {

    private static final Pattern AADSTS = Pattern.compile("(AADSTS\\d+)[^.\\r\\n]*");

    private AzureErrors() {}

    static <T> T call(String doing, Supplier<T> call) {
        try {
            return call.get();
        } catch (ProviderException e) {
            throw e;
        } catch (RuntimeException e) {
            throw translate(doing, e);
        }
    }

    static void run(String doing, Runnable call) {
        call(doing, () -> {
            call.run();
            return null;
        });
    }

    static ProviderException translate(String doing, Throwable e) {
        Throwable credential = find(e, CredentialUnavailableException.class);
        if (credential != null) return new ProviderException(Credentials.missing(), e);
        Throwable auth = find(e, ClientAuthenticationException.class);
        if (auth != null) return new ProviderException(Credentials.rejected(aadReason(auth.getMessage())), e);
        if (e instanceof ArmException arm) {
            if (arm.status() == 401) return new ProviderException(Credentials.rejected(arm.code()), e);
            return new ProviderException("could not " + doing + ": " + arm.describe(), e);
        }
        if (find(e, java.io.IOException.class) != null || e instanceof UncheckedIOException) {
            return new ProviderException(
                    "could not " + doing + ": connection failed (" + firstLine(rootMessage(e)) + ") after retries", e);
        }
        return new ProviderException("could not " + doing + ": " + firstLine(rootMessage(e)), e);
    }

    static String aadReason(String message) {
        if (message == null) return "no details";
        Matcher m = AADSTS.matcher(message);
        return m.find() ? m.group().strip() : firstLine(message);
    }

    private static Throwable find(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) if (type.isInstance(t)) return t;
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    static String firstLine(String message) {
        if (message == null) return "no details";
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }
}
