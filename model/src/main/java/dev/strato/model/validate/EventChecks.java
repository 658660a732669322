package dev.strato.model.validate;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import dev.strato.model.providers.Provider;
import dev.strato.model.service.AuthKind;
import dev.strato.model.service.Event;
import dev.strato.model.service.Function;
import dev.strato.model.service.HttpMethod;
import dev.strato.model.service.Resource;
import dev.strato.model.support.Durations;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Each trigger: syntax, its target resource, provider limits, and clashes between functions. */
final class EventChecks {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._~-]+");
    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)(\\+?)}");
    private static final CronParser UNIX_CRON =
            new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private final Context c;
    private final LimitChecks limits;
    private final Map<String, Route> routes = new HashMap<>();
    private final Map<String, List<BucketUse>> bucketUses = new HashMap<>();
    private final Map<String, String> queueConsumers = new HashMap<>();
    /** function NUL queue → the path of the function's first event on it. */
    private final Map<String, String> queueEvents = new HashMap<>();

    private record Route(String function, HttpMethod method) {}

    private record BucketUse(String function, String path, Event.Bucket event) {}

    EventChecks(Context c) {
        this.c = c;
        this.limits = new LimitChecks(c);
    }

    void run() {
        for (Function f : c.service().functions().values()) {
            for (int i = 0; i < f.events().size(); i++) {
                String path = "functions." + f.name() + ".events[" + i + "]";
                Event e = f.events().get(i);
                String p = path + "." + e.kind();
                if (e instanceof Event.Http h) http(f, h, p);
                else if (e instanceof Event.Schedule s) schedule(s, p);
                else if (e instanceof Event.Queue q) queue(f, q, p);
                else if (e instanceof Event.Topic t)
                    c.resource(p + ".topic", t.topic(), "topic event", List.of("topic"));
                else if (e instanceof Event.Bucket b) bucket(f, b, p);
                else if (e instanceof Event.Table t) table(t, p);
            }
        }
        overlappingBucketEvents();
    }

    /** API Gateway HTTP APIs: CORS maxAge at most 86400 s (https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis-apiid.html). */
    static final long MAX_CORS_AGE_SECONDS = 86_400;

    private void http(Function f, Event.Http h, String p) {
        if (h.cors() != null && h.cors().maxAge() != null && h.cors().maxAge().toSeconds() > MAX_CORS_AGE_SECONDS) {
            c.error(
                    p + ".cors.maxAge",
                    "cors maxAge " + Durations.format(h.cors().maxAge()) + " is more than the " + MAX_CORS_AGE_SECONDS
                            + " s (1 day) API Gateway HTTP APIs accept (https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis-apiid.html)");
        }
        String path = h.path();
        String at = p + ".path";
        if (!path.startsWith("/")) {
            c.error(at, "path '" + path + "' must start with /");
            return;
        }
        String shape = routeShape(path, at);
        if (shape == null) return;
        for (HttpMethod m :
                h.method() == HttpMethod.ANY ? List.of(HttpMethod.values()) : List.of(h.method(), HttpMethod.ANY)) {
            Route other = routes.get(m + " " + shape);
            // ANY beside GET in one function is redundant but harmless; the same route twice is not
            if (other != null && (!other.function().equals(f.name()) || other.method() == h.method())) {
                c.error(p, "route " + h.method() + " " + path + " is already served by function " + other.function());
                break;
            }
        }
        routes.putIfAbsent(h.method() + " " + shape, new Route(f.name(), h.method()));
        if (h.cors() != null && h.cors().credentials() && h.cors().origins().contains("*")) {
            c.error(p + ".cors", "cors with credentials needs explicit origins, not *");
        }
        if (h.auth().kind() == AuthKind.JWT
                && h.auth().issuer() != null
                && h.auth().audience().isEmpty()) {
            c.error(p + ".auth", "jwt auth needs at least one audience");
        }
        if (h.auth().kind() == AuthKind.JWT
                && h.auth().issuer() == null
                && c.sources().has(p + ".auth.type")) {
            c.error(p + ".auth", "jwt auth needs an issuer (https URL)");
        }
        if (h.auth().kind() == AuthKind.KEY && c.providers().contains(Provider.AWS)) {
            c.error(
                    p + ".auth",
                    "auth key is not available on aws: API Gateway HTTP APIs have no API keys (use jwt, or none)");
        }
        if (h.auth().kind() != AuthKind.JWT
                && (h.auth().issuer() != null || !h.auth().audience().isEmpty())) {
            c.error(p + ".auth", "issuer and audience apply only to type jwt");
        }
    }

    /** {@code /orders/{id}} becomes {@code /orders/{}}, or null after reporting a malformed path. */
    private String routeShape(String path, String at) {
        if (path.equals("/")) return path;
        if (path.endsWith("/")) {
            c.error(at, "path '" + path + "' must not end with /");
            return null;
        }
        String[] segments = path.substring(1).split("/", -1);
        StringBuilder shape = new StringBuilder();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            var param = PARAMETER.matcher(s);
            if (param.matches()) {
                if (!names.add(param.group(1))) {
                    c.error(at, "path '" + path + "' uses parameter {" + param.group(1) + "} twice");
                    return null;
                }
                if (!param.group(2).isEmpty()
                        && c.providers().contains(Provider.GCP)
                        && c.service().providers().gcp() != null
                        && c.service().providers().gcp().gateway()
                                == dev.strato.model.providers.GcpGateway.API_GATEWAY) {
                    c.error(
                            at,
                            "greedy parameter {" + param.group(1)
                                    + "+} cannot be served through gcp's API Gateway (OpenAPI 2 has no greedy paths)");
                    return null;
                }
                if (!param.group(2).isEmpty() && i != segments.length - 1) {
                    c.error(
                            at,
                            "greedy parameter {" + param.group(1) + "+} must be the last segment of '" + path + "'");
                    return null;
                }
                shape.append("/{").append(param.group(2)).append('}');
            } else if (SEGMENT.matcher(s).matches()) {
                shape.append('/').append(s);
            } else {
                c.error(
                        at,
                        "invalid path segment '" + s + "' in '" + path
                                + "': use letters, digits, ._~- or a {parameter}");
                return null;
            }
        }
        return shape.toString();
    }

    private void schedule(Event.Schedule s, String p) {
        if (s.cron() != null) cron(s.cron(), c.sources().has(p + ".cron") ? p + ".cron" : p);
        if (s.rate() != null) {
            String at = c.sources().has(p + ".rate") ? p + ".rate" : p;
            long seconds = s.rate().toSeconds();
            if (s.rate().isZero()) {
                c.error(at, "rate must be greater than 0");
            } else {
                limits.check(at, "scheduleRate", seconds, Durations.format(s.rate()), "rate", List.of("schedule"));
                if (seconds % 60 != 0
                        && (c.providers().contains(Provider.AWS)
                                || c.providers().contains(Provider.GCP))) {
                    c.error(
                            at,
                            "rate " + Durations.format(s.rate())
                                    + " is not a whole number of minutes, which aws and gcp schedules need");
                } else if (c.providers().contains(Provider.GCP)
                        && dev.strato.model.support.UnixCron.ofRate(s.rate()).isEmpty()) {
                    c.error(
                            at,
                            "rate " + Durations.format(s.rate())
                                    + " has no unix-cron form with exactly that period, which gcp's Cloud Scheduler needs:"
                                    + " write a cron, or a rate that divides an hour or a day evenly");
                }
            }
        }
        if (!dev.strato.model.providers.TimeZones.isName(s.timezone())) {
            c.error(
                    p + ".timezone",
                    "unknown time zone '" + s.timezone() + "': use an IANA name such as UTC or Europe/Berlin"
                            + dev.strato.model.providers.TimeZones.hint(s.timezone()));
        }
    }

    private static final String[] CRON_FIELDS = {"minute", "hour", "day of month", "month", "day of week"};
    private static final Pattern CRON_RANGE = Pattern.compile("Value (-?\\d+) not in range \\[(-?\\d+), (-?\\d+)\\]");

    /** cron-utils' words ("Failed to parse cron expression. Value 60 not in range [0, 59]") as the user's: which field, which range. */
    static String cronProblem(String library, String[] fields) {
        Matcher m = CRON_RANGE.matcher(library == null ? "" : library);
        if (m.find()) {
            String field = "a field";
            for (int i = 0; i < fields.length; i++) {
                if (java.util.Arrays.asList(fields[i].split("[,/-]")).contains(m.group(1))) {
                    field = "the " + CRON_FIELDS[i] + " field";
                    break;
                }
            }
            return m.group(1) + " in " + field + " is out of range " + m.group(2) + "-" + m.group(3);
        }
        String text = library == null
                ? "not a valid cron expression"
                : library.replaceFirst("^Failed to parse cron expression\\.?\\s*", "");
        return text.isBlank() ? "not a valid cron expression" : text;
    }

    private void cron(String expression, String at) {
        String[] fields = expression.strip().split("\\s+");
        String trimmed = expression.strip();
        if (trimmed.startsWith("rate(") || trimmed.startsWith("cron(")) {
            c.error(
                    at,
                    "'" + expression
                            + "' is AWS schedule syntax: write a 5-field unix cron, or a rate as a duration such as"
                            + " schedule: { rate: 5m }");
            return;
        }
        if (fields.length != 5) {
            c.error(
                    at,
                    "cron '" + expression + "' has " + fields.length
                            + " fields; strato takes 5-field unix cron: minute hour day-of-month month day-of-week"
                            + (fields.length == 6 ? " (AWS 6-field cron with year? drop the year and any '?')" : ""));
            return;
        }
        try {
            UNIX_CRON.parse(expression.strip()).validate();
        } catch (IllegalArgumentException e) {
            c.error(at, "invalid cron '" + expression + "': " + cronProblem(e.getMessage(), fields));
            return;
        }
        if (!fields[2].equals("*") && !fields[4].equals("*")) {
            for (Provider p : List.of(Provider.AWS, Provider.AZURE)) {
                if (c.providers().contains(p)) {
                    c.error(
                            at,
                            "cron '" + expression + "' restricts both day-of-month and day-of-week, which " + p
                                    + " schedules cannot express");
                }
            }
        }
    }

    private void queue(Function f, Event.Queue q, String p) {
        Resource r = c.resource(p + ".queue", q.queue(), "queue event", List.of("queue"));
        limits.check(
                c.sources().has(p + ".batchSize") ? p + ".batchSize" : p,
                "batchSize",
                q.batchSize(),
                String.valueOf(q.batchSize()),
                "batchSize",
                List.of("queue"));
        if (r instanceof Resource.Queue queue
                && c.providers().contains(Provider.AWS)
                && queue.visibilityTimeout().compareTo(f.timeout()) < 0) {
            c.error(
                    p,
                    "queue " + q.queue() + " has visibilityTimeout " + Durations.format(queue.visibilityTimeout())
                            + ", less than the timeout " + Durations.format(f.timeout()) + " of function " + f.name()
                            + ": aws refuses this (set visibilityTimeout to at least 6x the timeout)");
        } else if (r instanceof Resource.Queue queue
                && c.providers().contains(Provider.AWS)
                && queue.visibilityTimeout().compareTo(f.timeout().multipliedBy(6)) < 0) {
            // https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html: at least six times the function
            // timeout,
            // or a message whose batch is retried after throttling becomes visible again while it is still being worked
            // on
            c.warning(
                    p,
                    "queue " + q.queue() + " has visibilityTimeout " + Durations.format(queue.visibilityTimeout())
                            + ", less than 6x the timeout " + Durations.format(f.timeout()) + " of function " + f.name()
                            + " that aws recommends: messages may be delivered twice (set it to "
                            + Durations.format(f.timeout().multipliedBy(6)) + ")");
        }
        String first = queueEvents.putIfAbsent(f.name() + "\u0000" + q.queue(), p);
        if (first != null) {
            // every provider makes one event source mapping / trigger / subscription per event: a second one for the
            // same queue is refused
            c.error(
                    p,
                    "queue " + q.queue() + " is already an event of function " + f.name() + " (at "
                            + first.replaceFirst("^functions\\.[^.]+\\.", "").replaceFirst("\\.queue$", "")
                            + "): list each queue once per function");
            return;
        }
        String other = queueConsumers.putIfAbsent(q.queue(), f.name());
        if (other != null && !other.equals(f.name())) {
            if (c.providers().contains(Provider.GCP)) {
                c.error(
                        p,
                        "queue " + q.queue() + " is also consumed by function " + other
                                + ": on gcp a queue's one Pub/Sub subscription delivers to one function");
            } else {
                c.warning(
                        p,
                        "queue " + q.queue() + " is also consumed by function " + other
                                + ": each message goes to only one of them");
            }
        }
    }

    private void bucket(Function f, Event.Bucket b, String p) {
        if (c.resource(p + ".bucket", b.bucket(), "bucket event", List.of("bucket")) == null) return;
        bucketUses.computeIfAbsent(b.bucket(), k -> new ArrayList<>()).add(new BucketUse(f.name(), p, b));
    }

    /** S3 refuses two notifications for the same action whose prefix and suffix overlap. */
    private void overlappingBucketEvents() {
        bucketUses.forEach((bucket, uses) -> {
            for (int i = 0; i < uses.size(); i++) {
                for (int j = 0; j < i; j++) {
                    Event.Bucket a = uses.get(i).event();
                    Event.Bucket b = uses.get(j).event();
                    boolean sameAction = a.on().stream().anyMatch(b.on()::contains);
                    if (sameAction
                            && overlaps(a.prefix(), b.prefix(), true)
                            && overlaps(a.suffix(), b.suffix(), false)) {
                        c.error(
                                uses.get(i).path(),
                                "bucket " + bucket + " already notifies function "
                                        + uses.get(j).function() + " for an overlapping prefix/suffix and action");
                        break;
                    }
                }
            }
        });
    }

    private static boolean overlaps(String x, String y, boolean prefix) {
        String a = x == null ? "" : x;
        String b = y == null ? "" : y;
        return prefix ? a.startsWith(b) || b.startsWith(a) : a.endsWith(b) || b.endsWith(a);
    }

    private void table(Event.Table t, String p) {
        Resource r = c.resource(p + ".table", t.table(), "table event", List.of("table"));
        if (r instanceof Resource.Table table && !table.stream()) {
            c.error(p, "table " + t.table() + " has no change stream: set stream: true on resources." + t.table());
        }
        limits.check(
                c.sources().has(p + ".batchSize") ? p + ".batchSize" : p,
                "batchSize",
                t.batchSize(),
                String.valueOf(t.batchSize()),
                "batchSize",
                List.of("table"));
    }
}
