package dev.strato.generator.azure;

import dev.strato.generator.testing.RandomModelParts;
import dev.strato.generator.testing.RandomModelParts.Res;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a random strato.yml that is valid for azure, and its handler files, from a seed: 1 to
 * 50 functions with every trigger kind, permission verb, reference attribute and setting,
 * within what one Azure app can hold (one runtime, one value per environment variable, one time
 * zone, JWT on all routes or none). The same seed gives the same project.
 */
final class RandomModels {

    static final int MAX_FUNCTIONS = 50;
    private static final String[] RUNTIMES = {"nodejs22", "python3.12", "python3.13", "java21", "go"};
    private static final String[] PLANS = {"flex", "consumption", "premium"};
    private static final int[] PLAN_MEMORY = {4096, 1536, 14336};
    private static final String[] CRONS = {
        "0 2 * * *", "*/15 * * * *", "30 6 * * 1-5", "0 0 1 * *", "5 4 * * sun", "0 12 * * 0,6", "0 9 * * 5-7"
    };
    private static final String[] RATES = {"1m", "5m", "15m", "1h", "2h", "6h", "1d"};
    private static final String[] METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY"};
    private static final String[] LOCATIONS = {"westeurope", "eastus", "australiaeast", "swedencentral"};

    private RandomModels() {}

    /** The settings one model shares across its functions. */
    private record Shape(String runtime, int plan, boolean jwt, String timezone) {}

    static Path write(long seed, Path dir) throws IOException {
        return write(seed, 1 + new Random(seed * 31 + 7).nextInt(MAX_FUNCTIONS), dir);
    }

    static Path write(long seed, int functions, Path dir) throws IOException {
        Random r = new Random(seed);
        int plan = r.nextInt(PLANS.length);
        String runtime = pick(r, RUNTIMES);
        if (plan == 1 && runtime.equals("python3.13")) runtime = "python3.12";
        Shape shape =
                new Shape(runtime, plan, r.nextInt(4) == 0, plan == 2 && r.nextBoolean() ? "Europe/Berlin" : "UTC");
        List<Res> resources = new ArrayList<>();
        StringBuilder y = new StringBuilder();
        RandomModelParts.header(r, y, seed, "");
        y.append("runtime: ").append(runtime).append('\n');
        y.append("providers:\n  azure: { location: ")
                .append(pick(r, LOCATIONS))
                .append(", plan: ")
                .append(PLANS[plan])
                .append(", queues: ")
                .append(r.nextInt(3) == 0 ? "storage" : "servicebus")
                .append(" }\n");
        y.append("package: { include: [\"src/**\"], exclude: [\"**/*.md\"]")
                .append(r.nextBoolean() ? ", individually: false" : "")
                .append(" }\n");
        y.append("resources:\n");
        RandomModelParts.tablesAndBuckets(r, y, resources);
        y.append("  dlq: { type: queue, retention: 14d }\n");
        resources.add(new Res("dlq", "queue", false));
        for (int i = 0, n = 1 + r.nextInt(4); i < n; i++) {
            resources.add(new Res("queue" + i, "queue", false));
            y.append("  queue")
                    .append(i)
                    .append(": { type: queue, visibilityTimeout: ")
                    .append(1 + r.nextInt(10))
                    .append("m")
                    .append(r.nextBoolean() ? ", deadLetter: dlq, maxReceiveCount: " + (1 + r.nextInt(10)) : "")
                    .append(" }\n");
        }
        for (int i = 0, n = r.nextInt(3); i < n; i++) {
            resources.add(new Res("topic" + i, "topic", false));
            y.append("  topic").append(i).append(": { type: topic }\n");
        }
        y.append("functions:\n");
        for (int f = 0; f < functions; f++) function(r, y, f, shape, resources);
        Path model = RandomModelParts.write(dir, y.toString());
        Files.write(dir.resolve("src/app.jar"), new byte[] {'P', 'K', 5, 6});
        return model;
    }

    private static void function(Random r, StringBuilder y, int f, Shape shape, List<Res> resources) {
        y.append("  ")
                .append(r.nextBoolean() ? "fn" + f : "fn-" + f + "-work")
                .append(":\n    handler: ")
                .append(RandomModelParts.handler(shape.runtime(), f))
                .append('\n');
        if (r.nextBoolean())
            y.append("    memory: ")
                    .append(128 + r.nextInt(PLAN_MEMORY[shape.plan()] - 127))
                    .append('\n');
        y.append("    timeout: ").append(1 + r.nextInt(30)).append("s\n");
        if (r.nextInt(3) == 0) y.append("    tracing: true\n");
        y.append("    logRetentionDays: ").append(30 + r.nextInt(700)).append('\n');
        if (r.nextBoolean()) y.append("    retries: ").append(r.nextInt(5)).append('\n');
        if (r.nextInt(4) == 0) y.append("    deadLetter: dlq\n");
        if (r.nextInt(3) == 0)
            y.append("    tags: { owner: team").append(r.nextInt(5)).append(" }\n");
        List<String> events = new ArrayList<>();
        for (int e = 0, n = 1 + r.nextInt(2); e < n; e++) events.add(event(r, f, e, shape, resources));
        RandomModelParts.events(y, events);
        environment(r, y, f, resources);
        RandomModelParts.permissions(r, y, resources);
    }

    /** Variables whose names say their value, since all functions of an app share one set of app settings. */
    private static void environment(Random r, StringBuilder y, int f, List<Res> resources) {
        Res res = resources.get(r.nextInt(resources.size()));
        String attribute = res.type().equals("bucket") || res.type().equals("queue")
                ? pick(r, new String[] {"name", "id", "url"})
                : pick(r, new String[] {"name", "id"});
        String upper = res.name().toUpperCase(Locale.ROOT);
        y.append("    environment:\n      FN_")
                .append(f)
                .append(": \"")
                .append(f)
                .append("\"\n");
        y.append("      REF_")
                .append(upper)
                .append('_')
                .append(attribute.toUpperCase(Locale.ROOT))
                .append(": ${ref:")
                .append(res.name())
                .append('.')
                .append(attribute)
                .append("}\n");
        if (r.nextInt(3) == 0) {
            int key = r.nextInt(3);
            y.append("      SECRET_")
                    .append(key)
                    .append(": ${secret:app-key-")
                    .append(key)
                    .append("}\n");
        }
        if (r.nextInt(3) == 0)
            y.append("      MIXED_")
                    .append(upper)
                    .append(": \"https://${ref:")
                    .append(res.name())
                    .append(".name}/x\"\n");
    }

    private static String event(Random r, int f, int e, Shape shape, List<Res> resources) {
        List<Res> queues =
                resources.stream().filter(x -> x.type().equals("queue")).toList();
        List<Res> topics =
                resources.stream().filter(x -> x.type().equals("topic")).toList();
        List<Res> buckets =
                resources.stream().filter(x -> x.type().equals("bucket")).toList();
        List<Res> streams = resources.stream().filter(Res::stream).toList();
        while (true) {
            switch (r.nextInt(6)) {
                case 0 -> {
                    String path = "/f" + f + "/e" + e + (!shape.jwt() && r.nextBoolean() ? "/{id}" : "")
                            + (!shape.jwt() && r.nextInt(5) == 0 ? "/{rest+}" : "");
                    String cors = RandomModelParts.cors(r);
                    String auth = shape.jwt()
                            ? ", auth: { type: jwt, issuer: \"https://issuer.example.com\", audience: [api] }"
                            : r.nextBoolean() ? ", auth: key" : "";
                    return "http: { method: " + pick(r, METHODS) + ", path: \"" + path + "\"" + cors + auth + " }";
                }
                case 1 -> {
                    if (r.nextBoolean())
                        return "schedule: { cron: \"" + pick(r, CRONS) + "\", timezone: " + shape.timezone()
                                + (r.nextBoolean() ? ", input: { job: j" + f + ", n: 3 }" : "")
                                + (r.nextInt(4) == 0 ? ", enabled: false" : "") + " }";
                    if (shape.timezone().equals("UTC")) return "schedule: " + pick(r, RATES);
                }
                case 2 -> {
                    // a function lists each queue once (validate refuses a second event source on the same queue)
                    if (e >= queues.size()) continue;
                    return "queue: { queue: " + queues.get(e).name() + ", batchSize: " + (1 + r.nextInt(10)) + " }";
                }
                case 3 -> {
                    if (!topics.isEmpty())
                        return "topic: { topic: "
                                + topics.get(r.nextInt(topics.size())).name()
                                + (r.nextBoolean() ? ", filter: { kind: [a, b], my-key: [\"it's\"] }" : "") + " }";
                }
                case 4 -> {
                    if (!buckets.isEmpty()) return RandomModelParts.bucketEvent(r, f, e, buckets);
                }
                default -> {
                    if (!streams.isEmpty())
                        return RandomModelParts.tableEvent(
                                r, streams.get(r.nextInt(streams.size())).name());
                }
            }
        }
    }

    private static String pick(Random r, String[] values) {
        return RandomModelParts.pick(r, values);
    }
}
