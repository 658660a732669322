package dev.strato.model.validate;

import dev.strato.model.providers.Limits;
import dev.strato.model.providers.Provider;
import dev.strato.model.providers.RuntimeSupport;
import dev.strato.model.service.Event;
import dev.strato.model.service.Function;
import dev.strato.model.service.Resource;
import dev.strato.model.service.Runtime;
import dev.strato.model.service.Value;
import dev.strato.model.service.Verb;
import dev.strato.model.support.Durations;
import java.nio.file.Files;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Handler, runtime, settings, environment and permissions of each function. */
final class FunctionChecks {

    private static final Pattern SCRIPT_HANDLER =
            Pattern.compile("[A-Za-z0-9_.][A-Za-z0-9_./-]*\\.[A-Za-z_$][A-Za-z0-9_$]*");
    private static final Pattern JAVA_HANDLER =
            Pattern.compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*::[A-Za-z_$][\\w$]*");
    private static final Pattern DOTNET_HANDLER = Pattern.compile("[\\w.]+::[\\w.]+::\\w+");
    private static final Pattern GO_HANDLER = Pattern.compile("[\\w./-]+");
    private static final Map<Provider, Pattern> RESERVED_ENV = Map.of(
            Provider.AWS,
                    Pattern.compile(
                            "_HANDLER|_X_AMZN_TRACE_ID|AWS_REGION|AWS_DEFAULT_REGION|AWS_EXECUTION_ENV|AWS_LAMBDA_.*"
                                    + "|AWS_ACCESS_KEY|AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|AWS_SESSION_TOKEN|AWS_XRAY_.*|LAMBDA_TASK_ROOT|LAMBDA_RUNTIME_DIR"),
            Provider.AZURE,
                    Pattern.compile("FUNCTIONS_.*|AzureWebJobs.*|WEBSITE_.*|APPINSIGHTS_.*|APPLICATIONINSIGHTS_.*"),
            Provider.GCP,
                    Pattern.compile(
                            "X_GOOGLE_.*|K_SERVICE|K_REVISION|K_CONFIGURATION|PORT|FUNCTION_TARGET|FUNCTION_SIGNATURE_TYPE"));
    private static final Pattern STRATO_ENV = Pattern.compile("STRATO_.*");
    private static final Map<String, List<Verb>> VERBS = Map.of(
            "table", List.of(Verb.READ, Verb.WRITE),
            "bucket", List.of(Verb.READ, Verb.WRITE, Verb.DELETE),
            "queue", List.of(Verb.SEND, Verb.RECEIVE),
            "topic", List.of(Verb.PUBLISH));
    private static final Map<String, List<String>> REF_ATTRIBUTES = Map.of(
            "table", List.of("name", "id"),
            "bucket", List.of("name", "id", "url"),
            "queue", List.of("name", "id", "url"),
            "topic", List.of("name", "id"));

    private final Context c;
    private final LimitChecks limits;

    FunctionChecks(Context c) {
        this.c = c;
        this.limits = new LimitChecks(c);
    }

    void run() {
        for (Function f : c.service().functions().values()) {
            if (f.runtime() != null) {
                handler(f);
                runtime(f);
            }
            settings(f);
            environment(f);
            permissions(f);
            deadLetter(f);
        }
    }

    private String path(Function f, String key) {
        return "functions." + f.name() + "." + key;
    }

    private void handler(Function f) {
        if (f.handler() == null) return;
        String h = f.handler();
        String path = path(f, "handler");
        switch (f.runtime().language()) {
            case NODE, PYTHON -> {
                if (!SCRIPT_HANDLER.matcher(h).matches()) {
                    c.error(
                            path,
                            "'" + h + "' is not a " + f.runtime()
                                    + " handler: expected path/file.export such as src/orders.create");
                    return;
                }
                if (staysInProject(h.substring(0, h.lastIndexOf('.')), path)) scriptExists(f, h, path);
            }
            case JAVA -> {
                if (!JAVA_HANDLER.matcher(h).matches()) {
                    c.error(path, "'" + h + "' is not a Java handler: expected com.acme.Type::method");
                }
            }
            case DOTNET -> {
                if (!DOTNET_HANDLER.matcher(h).matches()) {
                    c.error(path, "'" + h + "' is not a .NET handler: expected Assembly::Namespace.Type::Method");
                }
            }
            case GO -> {
                if (!GO_HANDLER.matcher(h).matches()) {
                    c.error(path, "'" + h + "' is not a Go handler: expected the executable's name, such as bootstrap");
                } else {
                    staysInProject(h, path);
                }
            }
        }
    }

    /**
     * A handler names a file in the package, so under the project folder: {@code ../x.handler}
     * would make the generated entry import a file from outside the project (the project folder
     * is a security boundary).
     */
    private boolean staysInProject(String file, String path) {
        java.nio.file.Path p = java.nio.file.Path.of(file).normalize();
        if (p.isAbsolute()
                || file.startsWith("/")
                || p.startsWith("..")
                || p.toString().isEmpty()) {
            c.error(
                    path,
                    "handler file " + file
                            + " lies outside the project folder: a handler names a file under the folder of strato.yml"
                            + " (packages hold nothing from outside it)");
            return false;
        }
        return true;
    }

    private void scriptExists(Function f, String handler, String path) {
        if (c.projectDir() == null) return;
        String file = handler.substring(0, handler.lastIndexOf('.'));
        List<String> extensions = f.runtime().language() == dev.strato.model.service.Runtime.Language.NODE
                ? List.of(".js", ".mjs", ".cjs")
                : List.of(".py");
        boolean found = extensions.stream()
                .anyMatch(ext -> Files.isRegularFile(c.projectDir().resolve(file + ext)));
        if (!found) {
            c.warning(
                    path,
                    "handler file " + file + extensions.get(0) + " not found in " + c.projectDir()
                            + (extensions.size() > 1
                                    ? " (also looked for " + String.join(", ", extensions.subList(1, extensions.size()))
                                            + ")"
                                    : ""));
        }
    }

    private void runtime(Function f) {
        String path = c.sources().has(path(f, "runtime")) ? path(f, "runtime") : "runtime";
        for (Provider p : c.providers()) {
            var entry = RuntimeSupport.find(f.runtime(), p);
            if (entry.isEmpty()) {
                List<Provider> others = RuntimeSupport.providersOf(f.runtime());
                c.error(
                        path,
                        "runtime " + f.runtime() + " is not available on " + p
                                + (others.isEmpty()
                                        ? ""
                                        : " (available on "
                                                + String.join(
                                                        ", ",
                                                        others.stream()
                                                                .map(Provider::id)
                                                                .toList()) + ")"));
                continue;
            }
            var e = entry.get();
            if (e.deprecated() == null) continue;
            if (!c.today().isBefore(e.deprecated())) {
                c.error(
                        path,
                        "runtime " + f.runtime() + " (" + e.nativeId() + ") reached end of support on " + p + " on "
                                + e.deprecated() + "; see " + e.source());
            } else if (!c.today().plusMonths(6).isBefore(e.deprecated())) {
                c.warning(
                        path,
                        "runtime " + f.runtime() + " (" + e.nativeId() + ") reaches end of support on " + p + " on "
                                + e.deprecated() + " (in " + ChronoUnit.DAYS.between(c.today(), e.deprecated())
                                + " days)");
            }
        }
    }

    /** AWS Lambda's Description and tag values; Azure tag values (docs/MODEL.md, "Provider limits"). */
    static final int MAX_TAG_VALUE = 256;

    private static final String LAMBDA_API = "https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html";
    private static final String AZURE_TAGS =
            "https://learn.microsoft.com/en-us/azure/azure-resource-manager/management/tag-resources#limitations";

    private void descriptionAndTags(Function f) {
        // the AWS description limit is a row of limits.tsv (functionDescription), checked with the other limits
        f.tags().forEach((k, v) -> {
            String path = c.sources().has("functions." + f.name() + ".tags." + k)
                    ? "functions." + f.name() + ".tags." + k
                    : "defaults.tags." + k;
            if (v != null && v.length() > MAX_TAG_VALUE) {
                for (Provider p : List.of(Provider.AWS, Provider.AZURE)) {
                    if (c.providers().contains(p)) {
                        c.error(
                                path,
                                "tag " + k + " has a value of " + v.length() + " characters; " + p + " takes at most "
                                        + MAX_TAG_VALUE + " (" + (p == Provider.AWS ? LAMBDA_API : AZURE_TAGS) + ")");
                    }
                }
            }
        });
    }

    private void settings(Function f) {
        descriptionAndTags(f);
        List<String> triggers = f.events().stream().map(Event::kind).distinct().toList();
        if (f.memoryMb() < 1) c.error(c.settingPath(f, "memory"), "memory must be at least 1 MB");
        else limits.check(c.settingPath(f, "memory"), "memory", f.memoryMb(), f.memoryMb() + " MB", null, List.of());
        String timeoutPath = c.settingPath(f, "timeout");
        if (f.timeout().isZero()) {
            c.error(timeoutPath, "timeout must be greater than 0");
        } else {
            if (f.timeout().toMillis() % 1000 != 0 && c.providers().contains(Provider.AWS)) {
                c.error(timeoutPath, "timeout " + Durations.format(f.timeout()) + ": aws takes whole seconds");
            }
            long seconds = (f.timeout().toMillis() + 999) / 1000;
            limits.check(timeoutPath, "timeout", seconds, Durations.format(f.timeout()), "timeout", triggers);
        }
        limits.check(
                c.settingPath(f, "retries"), "retries", f.retries(), String.valueOf(f.retries()), "retries", List.of());
        if (f.description() != null) {
            limits.check(
                    path(f, "description"),
                    "functionDescription",
                    f.description().length(),
                    f.description().length() + " characters",
                    "description",
                    List.of());
        }
        limits.check(
                c.settingPath(f, "logRetentionDays"),
                "logRetentionDays",
                f.logRetentionDays(),
                f.logRetentionDays() + " days",
                "log retention",
                List.of());
        if (f.adapter() == dev.strato.model.service.Adapter.PORTABLE
                && f.runtime() != null
                && !hasPortableAdapter(f.runtime())) {
            c.warning(
                    c.sources().has(path(f, "adapter")) ? path(f, "adapter") : c.settingPath(f, "runtime"),
                    "strato's portable adapters are for Node.js and Python: this "
                            + f.runtime().id()
                            + " handler gets each cloud's own event and signature (set adapter: native to say so)");
        }
        if (f.adapter() == dev.strato.model.service.Adapter.NATIVE
                && c.service().providers().targeted().size() > 1) {
            c.warning(
                    c.sources().has(path(f, "adapter")) ? path(f, "adapter") : "adapter",
                    "adapter native hands each cloud's own event to the handler: the code runs on more than one provider only if it handles each of "
                            + String.join(
                                    ", ",
                                    c.service().providers().targeted().stream()
                                            .map(Provider::id)
                                            .toList()));
        }
    }

    private static boolean hasPortableAdapter(Runtime runtime) {
        return runtime.language() == Runtime.Language.NODE || runtime.language() == Runtime.Language.PYTHON;
    }

    private void environment(Function f) {
        long size = 0;
        for (Map.Entry<String, Value> e : f.environment().entrySet()) {
            String name = e.getKey();
            String path = c.sources().has(path(f, "environment") + "." + name)
                    ? path(f, "environment") + "." + name
                    : "defaults.environment." + name;
            if (STRATO_ENV.matcher(name).matches())
                c.error(path, "environment name " + name + " is reserved for strato's adapters (STRATO_*)");
            for (Provider p : c.providers()) {
                if (RESERVED_ENV.get(p).matcher(name).matches())
                    c.error(path, "environment name " + name + " is reserved by " + p);
            }
            size += name.length() + length(e.getValue());
            values(e.getValue()).forEach(v -> reference(v, path));
            if (e.getValue() instanceof Value.Concat concat
                    && concat.parts().stream().anyMatch(Value.Secret.class::isInstance)) {
                for (Provider p : List.of(Provider.AZURE, Provider.GCP)) {
                    if (c.providers().contains(p)) {
                        c.error(
                                path,
                                "a secret inside other text is not possible on " + p
                                        + ": a secret fills a whole environment variable");
                    }
                }
            }
        }
        limits.check(
                path(f, "environment"),
                "environmentSize",
                size,
                "environment of " + size + " characters",
                null,
                List.of());
    }

    private static List<Value> values(Value v) {
        return v instanceof Value.Concat concat ? concat.parts() : List.of(v);
    }

    private static long length(Value v) {
        return values(v).stream()
                .mapToLong(p -> p instanceof Value.Text t
                        ? t.text().length()
                        : p.source().length())
                .sum();
    }

    private void reference(Value v, String path) {
        if (v instanceof Value.Ref ref) {
            Resource r = c.resource(path, ref.resource(), ref.source(), List.of());
            if (r != null && !REF_ATTRIBUTES.get(r.type()).contains(ref.attribute())) {
                c.error(
                        path,
                        ref.source() + ": a " + r.type() + " has no '" + ref.attribute() + "' (it has "
                                + String.join(", ", REF_ATTRIBUTES.get(r.type())) + ")");
            }
        } else if (v instanceof Value.Secret secret) {
            for (Provider p : c.providers()) {
                for (Limits.Limit row : Limits.of(p, "secretName", Limits.ANY, null)) {
                    String problem = row.check(secret.name().length());
                    boolean charsOk = row.pattern()
                            .map(pt -> pt.matcher(secret.name()).matches())
                            .orElse(true);
                    if (problem != null || !charsOk) {
                        c.report(
                                row.severity(),
                                path,
                                "secret name '" + secret.name() + "' is not valid on " + p
                                        + (problem != null
                                                ? ": length " + problem
                                                : ": allowed characters are "
                                                        + row.pattern().get().pattern())
                                        + " (" + row.source() + ")");
                    }
                }
            }
        }
    }

    private void permissions(Function f) {
        f.permissions().forEach((name, verbs) -> {
            String path = path(f, "permissions") + "." + name;
            Resource r =
                    c.resource(c.sources().has(path) ? path : path(f, "permissions"), name, "permission", List.of());
            if (r == null) return;
            List<Verb> allowed = VERBS.get(r.type());
            for (int i = 0; i < verbs.size(); i++) {
                if (!allowed.contains(verbs.get(i))) {
                    c.error(
                            path + "[" + i + "]",
                            "'" + verbs.get(i) + "' does not apply to " + r.type() + " '" + name + "' (allowed: "
                                    + String.join(
                                            ", ", allowed.stream().map(Verb::id).toList()) + ")");
                }
            }
        });
    }

    private void deadLetter(Function f) {
        if (f.deadLetter() != null) c.resource(path(f, "deadLetter"), f.deadLetter(), "deadLetter", List.of("queue"));
    }
}
