package dev.strato.generator.gcp;

import dev.strato.generator.testing.RandomModelParts;
import dev.strato.generator.testing.RandomModelParts.Res;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Writes a random strato.yml that is valid for gcp (and its handler files) from a seed: 1 to 50
 * functions with every trigger kind, permission verb, reference attribute, runtime GCP runs and
 * both gateway settings, within what validation and GCP allow (a queue has one consumer, rates
 * have a cron form, a secret fills a whole variable). The same seed gives the same project.
 */
final class RandomModels {

    static final int MAX_FUNCTIONS = 50;
    private static final String[] RUNTIMES = {
        "nodejs22", "nodejs24", "python3.12", "python3.13", "python3.14", "java21", "java25", "go"
    };
    private static final String[] CRONS = {
        "0 2 * * *", "*/15 * * * *", "30 6 * * 1-5", "0 0 1 * *", "5 4 * * sun", "0 12 * * 0,6"
    };
    private static final String[] RATES = {"1m", "5m", "15m", "1h", "6h", "1d", "7d"};
    private static final String[] METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY"};
    private static final String[] REGIONS = {"europe-west1", "us-central1", "asia-northeast1", "southamerica-east1"};
    /** API Gateway exists in fewer regions (validation refuses the others). */
    private static final String[] GATEWAY_REGIONS = {
        "europe-west1", "us-central1", "asia-northeast1", "australia-southeast1"
    };

    private RandomModels() {}

    static Path write(long seed, int functions, Path dir) throws IOException {
        Random r = new Random(seed);
        List<Res> resources = new ArrayList<>();
        StringBuilder y = new StringBuilder();
        RandomModelParts.header(r, y, seed, " with $${literal} text");
        boolean gateway = r.nextBoolean();
        y.append("providers:\n  gcp: { project: acme-rnd-")
                .append(seed)
                .append(", region: ")
                .append(RandomModelParts.pick(r, gateway ? GATEWAY_REGIONS : REGIONS))
                .append(gateway ? ", gateway: api-gateway" : "")
                .append(" }\n");
        y.append(
                r.nextInt(4) == 0
                        ? "package: { include: [\"src/**\"], individually: false }\n"
                        : "package: { include: [\"src/**\"], exclude: [\"**/*.md\"] }\n");
        y.append("resources:\n");
        for (int i = 0, n = r.nextInt(4); i < n; i++) {
            boolean stream = r.nextBoolean();
            resources.add(new Res("table" + i, "table", stream));
            y.append("  table")
                    .append(i)
                    .append(": { type: table, key: { partition: id }")
                    .append(stream ? ", stream: true" : "")
                    .append(" }\n");
        }
        for (int i = 0, n = r.nextInt(3); i < n; i++) {
            resources.add(new Res("bucket" + i, "bucket", false));
            y.append("  bucket")
                    .append(i)
                    .append(": { type: bucket, versioning: ")
                    .append(r.nextBoolean())
                    .append(r.nextBoolean() ? ", expireAfterDays: " + (1 + r.nextInt(400)) : "")
                    .append(r.nextInt(3) == 0 ? ", cors: true" : "")
                    .append(" }\n");
        }
        y.append("  dlq: { type: queue, retention: 14d }\n");
        resources.add(new Res("dlq", "queue", false));
        for (int i = 0, n = 1 + r.nextInt(4); i < n; i++) {
            resources.add(new Res("queue" + i, "queue", false));
            y.append("  queue")
                    .append(i)
                    .append(": { type: queue, visibilityTimeout: ")
                    .append(10 + r.nextInt(590))
                    .append("s")
                    .append(r.nextBoolean() ? ", deadLetter: dlq, maxReceiveCount: " + (1 + r.nextInt(10)) : "")
                    .append(" }\n");
        }
        for (int i = 0, n = r.nextInt(3); i < n; i++) {
            resources.add(new Res("topic" + i, "topic", false));
            y.append("  topic").append(i).append(": { type: topic }\n");
        }
        y.append("functions:\n");
        Set<String> consumedQueues = new HashSet<>();
        for (int f = 0; f < functions; f++) function(r, y, f, resources, consumedQueues, gateway);
        return RandomModelParts.write(dir, y.toString());
    }

    private static void function(
            Random r, StringBuilder y, int f, List<Res> resources, Set<String> consumedQueues, boolean gateway) {
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
            y.append("    memory: ").append(128 + r.nextInt(32641)).append('\n');
        y.append("    timeout: ").append(1 + r.nextInt(30)).append("s\n");
        if (r.nextInt(4) == 0) y.append("    alarms: true\n");
        if (r.nextBoolean()) y.append("    retries: ").append(r.nextInt(11)).append('\n');
        if (r.nextInt(4) == 0) y.append("    deadLetter: dlq\n");
        if (r.nextInt(3) == 0)
            y.append("    tags: { Owner: \"Team ")
                    .append(r.nextInt(5))
                    .append("\", cost: c")
                    .append(f)
                    .append(" }\n");
        List<String> events = new ArrayList<>();
        for (int e = 0, n = r.nextInt(3); e < n; e++) {
            String event = event(r, f, e, resources, consumedQueues, gateway);
            if (event != null) events.add(event);
        }
        RandomModelParts.events(y, events);
        y.append("    environment:\n      FN: \"").append(f).append(" costs 100%{x} $${HOME}\"\n");
        Res res = RandomModelParts.reference(r, y, resources);
        if (r.nextInt(3) == 0)
            y.append("      SECRET: ${secret:app-key-").append(r.nextInt(3)).append("}\n");
        if (r.nextInt(3) == 0)
            y.append("      MIXED: \"https://${ref:").append(res.name()).append(".name}/x\"\n");
        RandomModelParts.permissions(r, y, resources);
    }

    /** One event, or null when the kind drawn has nothing left to trigger on; API Gateway takes no greedy paths. */
    private static String event(
            Random r, int f, int e, List<Res> resources, Set<String> consumedQueues, boolean gateway) {
        List<Res> queues = resources.stream()
                .filter(x -> x.type().equals("queue")
                        && !consumedQueues.contains(x.name())
                        && !x.name().equals("dlq"))
                .toList();
        List<Res> topics =
                resources.stream().filter(x -> x.type().equals("topic")).toList();
        List<Res> buckets =
                resources.stream().filter(x -> x.type().equals("bucket")).toList();
        List<Res> streams = resources.stream().filter(Res::stream).toList();
        switch (r.nextInt(6)) {
            case 0 -> {
                String path = "/f" + f + "/e" + e + (r.nextBoolean() ? "/{id}" : "")
                        + (r.nextInt(5) == 0 && !gateway ? "/{rest+}" : "");
                String cors = RandomModelParts.cors(r);
                String auth = switch (r.nextInt(4)) {
                    case 0 ->
                        ", auth: { type: jwt, issuer: \"https://issuer" + r.nextInt(2)
                                + ".example.com\", audience: [api] }";
                    case 1 -> ", auth: key";
                    default -> "";
                };
                return "http: { method: " + RandomModelParts.pick(r, METHODS) + ", path: \"" + path + "\"" + cors + auth
                        + " }";
            }
            case 1 -> {
                return RandomModelParts.scheduleEvent(r, f, CRONS, RATES);
            }
            case 2 -> {
                if (queues.isEmpty()) return null;
                String q = queues.get(r.nextInt(queues.size())).name();
                consumedQueues.add(q);
                return "queue: { queue: " + q + ", batchSize: " + (1 + r.nextInt(10)) + " }";
            }
            case 3 -> {
                if (topics.isEmpty()) return null;
                return "topic: { topic: " + topics.get(r.nextInt(topics.size())).name()
                        + (r.nextBoolean() ? ", filter: { kind: [a, \"b\\\"c\"], v: [\"1\"] }" : "") + " }";
            }
            case 4 -> {
                if (buckets.isEmpty()) return null;
                return RandomModelParts.bucketEvent(r, f, e, buckets);
            }
            default -> {
                if (streams.isEmpty()) return null;
                return RandomModelParts.tableEvent(
                        r, streams.get(r.nextInt(streams.size())).name());
            }
        }
    }
}
