package dev.strato.generator.gcp;

import dev.strato.generator.GenerationException;
import dev.strato.generator.Warnings;
import dev.strato.model.providers.Provider;
import dev.strato.model.providers.RuntimeSupport;
import dev.strato.model.service.Function;
import dev.strato.model.service.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A function and what only it uses: its own service account (its identity, and the identity its
 * events arrive with), the Cloud Functions 2nd gen function built from its source object, the
 * grants its permissions and secrets need, public invocation for {@code auth: none} routes, and an
 * alert on server errors when {@code alarms} is set.
 */
final class FunctionResources {

    /** The platform's default, written out: the model has no setting for it. */
    static final int MAX_INSTANCES = 100;

    static final String SECRET_ACCESSOR = "roles/secretmanager.secretAccessor";

    private final ConfigurationContext ctx;
    private final Permissions permissions;
    private final Warnings warnings;

    FunctionResources(ConfigurationContext ctx, Warnings warnings) {
        this.ctx = ctx;
        this.permissions = new Permissions(ctx.refs(), ctx.iam());
        this.warnings = warnings;
    }

    /** @param source the Terraform name of the function's source object */
    void add(Delivery d, String source) throws GenerationException {
        Function f = d.function();
        String fn = GcpNames.key(f.name());
        ctx.configuration()
                .resource(
                        Types.SERVICE_ACCOUNT,
                        fn,
                        Tf.map(
                                "account_id", ctx.names().serviceAccount(f.name()),
                                "display_name", "strato " + ctx.names().label() + " function " + f.name(),
                                "description", "Runs function " + f.name() + " and receives its events"));
        f.permissions().forEach((resource, verbs) -> permissions.grant(f.name(), resource, verbs));
        List<String> dependsOn = new ArrayList<>();
        Map<String, Object> environment = new LinkedHashMap<>();
        List<Object> secrets = new ArrayList<>();
        for (Map.Entry<String, Value> e : f.environment().entrySet()) {
            if (e.getValue() instanceof Value.Secret s) {
                secrets.add(Tf.map(
                        "key", e.getKey(), "project_id", Variables.project(), "secret", s.name(), "version", "latest"));
                dependsOn.add(Types.SECRET_IAM + "." + secretGrant(fn, s.name()));
            } else {
                environment.put(e.getKey(), ctx.refs().value(e.getValue(), f.name() + ": environment " + e.getKey()));
            }
        }
        dependsOn.addAll(EventSources.eventarcPrerequisites(d));
        dependsOn.addAll(BuildAccount.grants());
        Map<String, Object> labels = Labels.of(f.tags(), f.name(), warnings);
        Delivery.EventarcSource own = d.ownTrigger();
        ctx.configuration()
                .resource(
                        Types.FUNCTION,
                        fn,
                        Tf.map(
                                "name", ctx.names().function(f.name()),
                                "location", Variables.region(),
                                "description", f.description(),
                                "labels", labels.isEmpty() ? null : labels,
                                "build_config",
                                        Tf.map(
                                                "runtime",
                                                        RuntimeSupport.find(f.runtime(), Provider.GCP)
                                                                .orElseThrow(() ->
                                                                        new GenerationException(f.name() + ": runtime "
                                                                                + f.runtime() + " does not run on GCP"))
                                                                .nativeId(),
                                                "entry_point", EntryPoints.of(f),
                                                "service_account", BuildAccount.id(),
                                                "source",
                                                        Tf.map(
                                                                "storage_source",
                                                                Tf.map(
                                                                        "bucket", SourceArchives.bucketName(),
                                                                        "object",
                                                                                Tf.ref(
                                                                                        Types.BUCKET_OBJECT,
                                                                                        source,
                                                                                        "name")))),
                                "service_config",
                                        Tf.map(
                                                "available_memory",
                                                f.memoryMb() + "Mi",
                                                "timeout_seconds",
                                                f.timeout().toSeconds(),
                                                "max_instance_count",
                                                MAX_INSTANCES,
                                                "ingress_settings",
                                                d.ingress(),
                                                "all_traffic_on_latest_revision",
                                                true,
                                                "service_account_email",
                                                Iam.email(fn),
                                                "environment_variables",
                                                environment.isEmpty() ? null : environment,
                                                "secret_environment_variables",
                                                secrets.isEmpty() ? null : secrets),
                                "event_trigger", own == null ? null : EventSources.eventTrigger(f, own),
                                "depends_on", dependsOn.isEmpty() ? null : dependsOn));
        if (d.isPublic()) {
            ctx.iam().invoker(fn, fn + "_public", "allUsers");
            ctx.configuration()
                    .body(Types.RUN_IAM, fn + "_public")
                    .put("count", Tf.expr("var." + Variables.ALLOW_UNAUTHENTICATED + " ? 1 : 0"));
        }
        if (f.alarms()) alarm(f, fn);
        ctx.configuration()
                .output(
                        "function_" + fn + "_url",
                        "HTTPS URL of function " + f.name(),
                        Tf.ref(Types.FUNCTION, fn, "url"));
        ctx.configuration()
                .output(
                        "function_" + fn + "_service_account",
                        "service account of function " + f.name(),
                        Iam.email(fn));
        ctx.configuration()
                .output(
                        "function_" + fn + "_service",
                        "Cloud Run service of function " + f.name()
                                + " (resource.labels.service_name of its logs and metrics)",
                        EventSources.serviceName(fn));
    }

    /** Secret Manager access on that one secret, which the user creates with its value before applying; secret names are valid Terraform names as they are. */
    private String secretGrant(String fn, String secret) {
        String name = fn + "_" + secret;
        ctx.iam()
                .grant(
                        Types.SECRET_IAM,
                        name,
                        Tf.map("project", Variables.project(), "secret_id", secret),
                        SECRET_ACCESSOR,
                        Iam.member(fn));
        return name;
    }

    /** Server errors (5xx) of the function's Cloud Run service in five minutes; notification channels are the user's to add. */
    private void alarm(Function f, String fn) {
        ctx.configuration()
                .resource(
                        Types.ALERT_POLICY,
                        fn + "_errors",
                        Tf.map(
                                "display_name",
                                ctx.names().function(f.name()) + " errors",
                                "combiner",
                                "OR",
                                "conditions",
                                List.of(Tf.map(
                                        "display_name",
                                        "5xx responses of " + f.name(),
                                        "condition_threshold",
                                        Tf.map(
                                                "filter",
                                                Tf.template(
                                                        "resource.type = \"cloud_run_revision\" AND resource.labels.service_name = \"",
                                                        EventSources.serviceName(fn),
                                                        "\" AND metric.type = \"run.googleapis.com/request_count\" AND metric.labels.response_code_class = \"5xx\""),
                                                "comparison",
                                                "COMPARISON_GT",
                                                "threshold_value",
                                                0,
                                                "duration",
                                                "0s",
                                                "aggregations",
                                                List.of(Tf.map(
                                                        "alignment_period",
                                                        "300s",
                                                        "per_series_aligner",
                                                        "ALIGN_SUM")))))));
    }
}
