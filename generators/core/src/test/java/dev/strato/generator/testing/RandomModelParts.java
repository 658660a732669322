package dev.strato.generator.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Pieces of random strato.yml files that every generator's property tests draw alike: handlers,
 * tables and buckets, a resource reference, permissions, CORS, bucket and table events, and the
 * project's files.
 * Shared with the generators' tests through this module's test-jar.
 */
public final class RandomModelParts {

    /** A resource of the model being written. */
    public record Res(String name, String type, boolean stream) {}

    private RandomModelParts() {}

    public static String pick(Random r, String[] values) {
        return values[r.nextInt(values.length)];
    }

    /** Appends the service name, maybe a description (ending in {@code descriptionTail}), and the stage. */
    public static void header(Random r, StringBuilder y, long seed, String descriptionTail) {
        y.append("service: rnd").append(seed).append('\n');
        if (r.nextBoolean())
            y.append("description: random model ")
                    .append(seed)
                    .append(descriptionTail)
                    .append('\n');
        y.append("stage: ")
                .append(r.nextBoolean() ? "dev" : "prod-eu-")
                .append(r.nextInt(9))
                .append('\n');
    }

    /** A handler of the form the runtime needs, pointing into {@link #write}'s sources. */
    public static String handler(String runtime, int function) {
        return switch (runtime) {
            case "java21", "java25" -> "com.acme.F" + function + "::handle";
            case "go" -> "bootstrap";
            default -> "src/h.handler";
        };
    }

    /** Appends 0 to 3 tables (some with a change stream) and 0 to 2 buckets to {@code resources:}, and adds them to {@code resources}. */
    public static void tablesAndBuckets(Random r, StringBuilder y, List<Res> resources) {
        int tables = r.nextInt(4);
        for (int i = 0; i < tables; i++) {
            boolean stream = r.nextBoolean();
            resources.add(new Res("table" + i, "table", stream));
            y.append("  table")
                    .append(i)
                    .append(": { type: table, key: { partition: id")
                    .append(r.nextBoolean() ? ", sort: { name: at, type: number }" : "")
                    .append(" }")
                    .append(stream ? ", stream: true" : "")
                    .append(r.nextBoolean() ? ", ttl: expiresAt" : "")
                    .append(" }\n");
        }
        int buckets = r.nextInt(3);
        for (int i = 0; i < buckets; i++) {
            resources.add(new Res("bucket" + i, "bucket", false));
            y.append("  bucket")
                    .append(i)
                    .append(": { type: bucket, versioning: ")
                    .append(r.nextBoolean())
                    .append(r.nextBoolean() ? ", expireAfterDays: " + (1 + r.nextInt(400)) : "")
                    .append(r.nextInt(3) == 0 ? ", cors: true" : "")
                    .append(" }\n");
        }
    }

    /** Appends an events list, when there are events. */
    public static void events(StringBuilder y, List<String> events) {
        if (events.isEmpty()) return;
        y.append("    events:\n");
        events.forEach(e -> y.append("      - ").append(e).append('\n'));
    }

    /** Appends {@code REF: ${ref:...}} with an attribute the resource has; returns the resource. */
    public static Res reference(Random r, StringBuilder y, List<Res> resources) {
        Res res = resources.get(r.nextInt(resources.size()));
        String attribute = res.type().equals("bucket") || res.type().equals("queue")
                ? pick(r, new String[] {"name", "id", "url"})
                : pick(r, new String[] {"name", "id"});
        y.append("      REF: ${ref:")
                .append(res.name())
                .append('.')
                .append(attribute)
                .append("}\n");
        return res;
    }

    /** Appends a permissions block: some verbs on about a third of the resources, and send on dlq. */
    public static void permissions(Random r, StringBuilder y, List<Res> resources) {
        y.append("    permissions:\n");
        for (Res p : resources) {
            if (r.nextInt(3) != 0 || p.name().equals("dlq")) continue;
            List<String> verbs = switch (p.type()) {
                case "table" -> List.of("read", "write");
                case "bucket" -> List.of("read", "write", "delete");
                case "queue" -> List.of("send", "receive");
                default -> List.of("publish");
            };
            List<String> chosen = verbs.stream().filter(v -> r.nextBoolean()).toList();
            y.append("      ")
                    .append(p.name())
                    .append(": [")
                    .append(String.join(", ", chosen.isEmpty() ? verbs.subList(0, 1) : chosen))
                    .append("]\n");
        }
        y.append("      dlq: [send]\n");
    }

    /** The CORS part of an http event: none, open, or a full map. */
    public static String cors(Random r) {
        return switch (r.nextInt(3)) {
            case 0 -> ", cors: true";
            case 1 ->
                ", cors: { origins: [\"https://app.example.com\"], methods: [GET, POST], headers: [content-type], maxAge: 1h }";
            default -> "";
        };
    }

    /** A schedule event: a cron of {@code crons} with a time zone and maybe input, or a rate of {@code rates}. */
    public static String scheduleEvent(Random r, int function, String[] crons, String[] rates) {
        if (r.nextBoolean())
            return "schedule: { cron: \"" + pick(r, crons) + "\", timezone: "
                    + pick(r, new String[] {"UTC", "Europe/Berlin"})
                    + (r.nextBoolean() ? ", input: { job: j" + function + ", n: 3 }" : "")
                    + (r.nextInt(4) == 0 ? ", enabled: false" : "") + " }";
        return "schedule: " + pick(r, rates);
    }

    public static String bucketEvent(Random r, int function, int event, List<Res> buckets) {
        return "bucket: { bucket: " + buckets.get(r.nextInt(buckets.size())).name() + ", on: ["
                + (r.nextBoolean() ? "created" : "created, deleted") + "], prefix: f" + function + "-" + event + "/"
                + (r.nextBoolean() ? ", suffix: .jpg" : "") + " }";
    }

    public static String tableEvent(Random r, String table) {
        return "table: { table: " + table + ", batchSize: " + (1 + r.nextInt(1000)) + " }";
    }

    /** Writes the model and the handler files it points to; returns the model's path. */
    public static Path write(Path dir, String yaml) throws IOException {
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("strato.yml"), yaml);
        Files.writeString(dir.resolve("src/h.js"), "exports.handler = async () => ({});\n");
        Files.writeString(dir.resolve("src/h.py"), "def handler(event, ctx):\n    return {}\n");
        Files.writeString(dir.resolve("src/README.md"), "left out by package.exclude\n");
        return dir.resolve("strato.yml");
    }
}
