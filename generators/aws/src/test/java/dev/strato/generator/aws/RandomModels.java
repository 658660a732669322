package dev.strato.generator.aws;

import dev.strato.generator.testing.RandomModelParts;
import dev.strato.generator.testing.RandomModelParts.Res;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a random valid strato.yml for aws (and its handler files) from a seed: 1 to 50 functions
 * with every trigger kind, permission verb, reference attribute and setting the model has, within
 * the limits validation enforces. The same seed gives the same project.
 */
final class RandomModels {

    private static final String[] RUNTIMES = {
        "nodejs22", "nodejs24", "python3.12", "python3.13", "python3.14", "java21", "java25", "go"
    };
    private static final String[] CRONS = {
        "0 2 * * *", "*/15 * * * *", "30 6 * * 1-5", "0 0 1 * *", "5 4 * * sun", "0 12 * * 0,6", "0 9 * * 5-7"
    };
    private static final String[] RATES = {"1m", "5m", "1h", "90m", "1d", "2d"};
    private static final String[] METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY"};
    private static final String[] REGIONS = {"us-east-1", "eu-west-1", "ap-southeast-2", "eu-central-1"};
    private static final int[] RETENTION = {1, 3, 5, 7, 14, 30, 60, 90, 365, 3653};

    private RandomModels() {}

    static final int MAX_FUNCTIONS = 50;

    /** A model of 1 to 50 functions, as many as the seed says. */
    static Path write(long seed, Path dir) throws IOException {
        return write(seed, 1 + new Random(seed * 31 + 7).nextInt(MAX_FUNCTIONS), dir);
    }

    static Path write(long seed, int functions, Path dir) throws IOException {
        Random r = new Random(seed);
        List<Res> resources = new ArrayList<>();
        StringBuilder y = new StringBuilder();
        RandomModelParts.header(r, y, seed, "");
        y.append("providers:\n  aws: { region: ")
                .append(RandomModelParts.pick(r, REGIONS))
                .append(" }\n");
        if (r.nextInt(4) == 0) y.append("package: { include: [\"src/**\"], individually: false }\n");
        else y.append("package: { include: [\"src/**\"], exclude: [\"**/*.md\"] }\n");
        y.append("resources:\n");
        RandomModelParts.tablesAndBuckets(r, y, resources);
        int queues = 1 + r.nextInt(4);
        y.append("  dlq: { type: queue, retention: 14d }\n");
        resources.add(new Res("dlq", "queue", false));
        for (int i = 0; i < queues; i++) {
            resources.add(new Res("queue" + i, "queue", false));
            y.append("  queue")
                    .append(i)
                    .append(": { type: queue, visibilityTimeout: 15m")
                    .append(r.nextBoolean() ? ", deadLetter: dlq, maxReceiveCount: " + (1 + r.nextInt(10)) : "")
                    .append(" }\n");
        }
        int topics = r.nextInt(3);
        for (int i = 0; i < topics; i++) {
            resources.add(new Res("topic" + i, "topic", false));
            y.append("  topic").append(i).append(": { type: topic }\n");
        }
        y.append("functions:\n");
        List<String> streams =
                resources.stream().filter(Res::stream).map(Res::name).toList();
        for (int f = 0; f < functions; f++) function(r, y, f, resources, streams);
        return RandomModelParts.write(dir, y.toString());
    }

    private static void function(Random r, StringBuilder y, int f, List<Res> resources, List<String> streams) {
        String runtime = RandomModelParts.pick(r, RUNTIMES);
        String handler = RandomModelParts.handler(runtime, f);
        String name = r.nextBoolean() ? "fn" + f : "fn-" + f + "-work";
        y.append("  ")
                .append(name)
                .append(":\n    handler: ")
                .append(handler)
                .append("\n    runtime: ")
                .append(runtime)
                .append('\n');
        if (r.nextBoolean())
            y.append("    memory: ").append(128 + r.nextInt(10113)).append('\n');
        y.append("    timeout: ").append(1 + r.nextInt(30)).append("s\n");
        if (r.nextBoolean())
            y.append("    architecture: ")
                    .append(r.nextBoolean() ? "arm64" : "x86_64")
                    .append('\n');
        if (r.nextInt(3) == 0) y.append("    tracing: true\n");
        if (r.nextInt(4) == 0) y.append("    alarms: true\n");
        y.append("    logRetentionDays: ")
                .append(RETENTION[r.nextInt(RETENTION.length)])
                .append('\n');
        if (r.nextBoolean()) y.append("    retries: ").append(r.nextInt(3)).append('\n');
        if (r.nextInt(4) == 0) y.append("    deadLetter: dlq\n");
        if (r.nextInt(3) == 0)
            y.append("    tags: { owner: team")
                    .append(r.nextInt(5))
                    .append(", cost: c")
                    .append(f)
                    .append(" }\n");
        List<String> events = new ArrayList<>();
        int count = r.nextInt(3);
        for (int e = 0; e < count; e++) events.add(event(r, f, e, resources, streams));
        RandomModelParts.events(y, events);
        y.append("    environment:\n      FN: \"").append(f).append("\"\n");
        Res res = RandomModelParts.reference(r, y, resources);
        if (r.nextInt(3) == 0)
            y.append("      SECRET: ${secret:app/key-").append(r.nextInt(3)).append("}\n");
        if (r.nextInt(3) == 0)
            y.append("      MIXED: \"https://${ref:").append(res.name()).append(".name}/x?k=${secret:mixed}\"\n");
        RandomModelParts.permissions(r, y, resources);
    }

    private static String event(Random r, int f, int e, List<Res> resources, List<String> streams) {
        List<Res> queues =
                resources.stream().filter(x -> x.type().equals("queue")).toList();
        List<Res> topics =
                resources.stream().filter(x -> x.type().equals("topic")).toList();
        List<Res> buckets =
                resources.stream().filter(x -> x.type().equals("bucket")).toList();
        while (true) {
            switch (r.nextInt(6)) {
                case 0 -> {
                    String path = "/f" + f + "/e" + e + (r.nextBoolean() ? "/{id}" : "")
                            + (r.nextInt(5) == 0 ? "/{rest+}" : "");
                    String cors = RandomModelParts.cors(r);
                    String auth = r.nextInt(4) == 0
                            ? ", auth: { type: jwt, issuer: \"https://issuer" + r.nextInt(2)
                                    + ".example.com\", audience: [api] }"
                            : "";
                    return "http: { method: " + RandomModelParts.pick(r, METHODS) + ", path: \"" + path + "\"" + cors
                            + auth + " }";
                }
                case 1 -> {
                    return RandomModelParts.scheduleEvent(r, f, CRONS, RATES);
                }
                case 2 -> {
                    // a function lists each queue once (validate refuses a second event source on the same queue)
                    if (e >= queues.size()) continue;
                    return "queue: { queue: " + queues.get(e).name() + ", batchSize: " + (1 + r.nextInt(10)) + " }";
                }
                case 3 -> {
                    if (topics.isEmpty()) continue;
                    return "topic: { topic: "
                            + topics.get(r.nextInt(topics.size())).name()
                            + (r.nextBoolean() ? ", filter: { kind: [a, b] }" : "") + " }";
                }
                case 4 -> {
                    if (buckets.isEmpty()) continue;
                    return RandomModelParts.bucketEvent(r, f, e, buckets);
                }
                default -> {
                    if (streams.isEmpty()) continue;
                    return RandomModelParts.tableEvent(r, streams.get(r.nextInt(streams.size())));
                }
            }
        }
    }
}
