package dev.strato.generator.testing;

import java.util.List;
import java.util.Random;

/**
 * The provider-neutral parts of the random strato.yml models that the generators' property tests
 * write: tables and buckets, permissions, and the events on those resources. Each part draws from
 * the caller's {@link Random} in a fixed order, so a seed keeps giving the same model.
 */
public final class RandomModelParts {

    /** A resource of the model, as the functions' events and permissions refer to it. */
    public record Res(String name, String type, boolean stream) {}

    private RandomModelParts() {}

    /** 0 to 3 tables (some with a change stream) and 0 to 2 buckets, as lines of {@code resources:}. */
    public static void tablesAndBuckets(Random r, StringBuilder y, List<Res> resources) {
        int tables = r.nextInt(4);
        for (int i = 0; i < tables; i++) {
            boolean stream = r.nextBoolean();
            resources.add(new Res("table" + i, "table", stream));
            y.append("  table").append(i).append(": { type: table, key: { partition: id")
                    .append(r.nextBoolean() ? ", sort: { name: at, type: number }" : "").append(" }")
                    .append(stream ? ", stream: true" : "").append(r.nextBoolean() ? ", ttl: expiresAt" : "").append(" }\n");
        }
        int buckets = r.nextInt(3);
        for (int i = 0; i < buckets; i++) {
            resources.add(new Res("bucket" + i, "bucket", false));
            y.append("  bucket").append(i).append(": { type: bucket, versioning: ").append(r.nextBoolean())
                    .append(r.nextBoolean() ? ", expireAfterDays: " + (1 + r.nextInt(400)) : "")
                    .append(r.nextInt(3) == 0 ? ", cors: true" : "").append(" }\n");
        }
    }

    /** A function's {@code permissions:} on about a third of the resources, plus {@code send} on queue {@code dlq}. */
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
            y.append("      ").append(p.name()).append(": [").append(String.join(", ", chosen.isEmpty() ? verbs.subList(0, 1) : chosen)).append("]\n");
        }
        y.append("      dlq: [send]\n");
    }

    /**
     * An event on a resource: {@code kind} 2 a queue, 3 a topic, 4 a bucket, anything else a table
     * stream; null when the model has no resource for it.
     *
     * @param topicFilter the {@code filter} map a topic event may get
     */
    public static String resourceEvent(Random r, int kind, int f, int e, List<Res> resources, String topicFilter) {
        List<Res> queues = resources.stream().filter(x -> x.type().equals("queue")).toList();
        List<Res> topics = resources.stream().filter(x -> x.type().equals("topic")).toList();
        List<Res> buckets = resources.stream().filter(x -> x.type().equals("bucket")).toList();
        List<Res> streams = resources.stream().filter(Res::stream).toList();
        switch (kind) {
            case 2 -> {
                return "queue: { queue: " + queues.get(r.nextInt(queues.size())).name() + ", batchSize: " + (1 + r.nextInt(10)) + " }";
            }
            case 3 -> {
                if (topics.isEmpty()) return null;
                return "topic: { topic: " + topics.get(r.nextInt(topics.size())).name() + (r.nextBoolean() ? ", filter: " + topicFilter : "") + " }";
            }
            case 4 -> {
                if (buckets.isEmpty()) return null;
                return "bucket: { bucket: " + buckets.get(r.nextInt(buckets.size())).name() + ", on: [" + (r.nextBoolean() ? "created" : "created, deleted")
                        + "], prefix: f" + f + "-" + e + "/" + (r.nextBoolean() ? ", suffix: .jpg" : "") + " }";
            }
            default -> {
                if (streams.isEmpty()) return null;
                return "table: { table: " + streams.get(r.nextInt(streams.size())).name() + ", batchSize: " + (1 + r.nextInt(1000)) + " }";
            }
        }
    }

    public static String pick(Random r, String[] values) {
        return values[r.nextInt(values.length)];
    }
}
