package dev.strato.model.validate;

import dev.strato.model.service.Resource;
import dev.strato.model.support.Durations;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Resource settings: dead-letter chains, table keys, durations against provider limits. */
final class ResourceChecks {

    private final Context c;
    private final LimitChecks limits;

    ResourceChecks(Context c) {
        this.c = c;
        this.limits = new LimitChecks(c);
    }

    void run() {
        if (c.service().description() != null) {
            limits.check(
                    "description",
                    "templateDescription",
                    c.service().description().length(),
                    c.service().description().length() + " characters",
                    "description",
                    List.of());
        }
        bucketNames();
        for (Map.Entry<String, Resource> e : c.service().resources().entrySet()) {
            String path = "resources." + e.getKey();
            Resource r = e.getValue();
            if (r instanceof Resource.Queue q) {
                queue(e.getKey(), q, path);
            } else if (r instanceof Resource.Table t
                    && t.sort() != null
                    && t.sort().name().equals(t.partition().name())) {
                c.error(path + ".key.sort", "sort key '" + t.sort().name() + "' is the partition key too");
            } else if (r instanceof Resource.Bucket b
                    && b.cors() != null
                    && b.cors().credentials()
                    && b.cors().origins().contains("*")) {
                c.error(path + ".cors", "cors with credentials needs explicit origins, not *");
            }
        }
    }

    /** A bucket's name starts with the service name, so a service name with a prefix S3 reserves makes every bucket invalid. */
    private void bucketNames() {
        for (Map.Entry<String, Resource> e : c.service().resources().entrySet()) {
            if (!(e.getValue() instanceof Resource.Bucket)) continue;
            for (dev.strato.model.providers.Limits.Limit row : dev.strato.model.providers.Limits.of(
                    dev.strato.model.providers.Provider.AWS,
                    "bucketNamePrefix",
                    dev.strato.model.providers.Limits.ANY,
                    null)) {
                if (!c.providers().contains(dev.strato.model.providers.Provider.AWS)
                        || row.pattern().isEmpty()) continue;
                if (row.pattern().get().matcher(c.service().name()).matches()) continue;
                c.report(
                        row.severity(),
                        "resources." + e.getKey(),
                        "bucket " + e.getKey() + " would be named "
                                + c.service().name() + "-…, and S3"
                                + " refuses bucket names that start with xn--, sthree- or amzn-s3-demo-: rename the service ("
                                + row.source() + ")");
            }
        }
    }

    private void queue(String name, Resource.Queue q, String path) {
        long retention = q.retention().toSeconds();
        limits.check(
                c.sources().has(path + ".retention") ? path + ".retention" : path,
                "queueRetention",
                retention,
                Durations.format(q.retention()),
                "retention",
                List.of());
        limits.check(
                c.sources().has(path + ".visibilityTimeout") ? path + ".visibilityTimeout" : path,
                "visibilityTimeout",
                q.visibilityTimeout().toSeconds(),
                Durations.format(q.visibilityTimeout()),
                "visibilityTimeout",
                List.of());
        if (q.deadLetter() == null) return;
        limits.check(
                c.sources().has(path + ".maxReceiveCount") ? path + ".maxReceiveCount" : path,
                "maxReceiveCount",
                q.maxReceiveCount(),
                String.valueOf(q.maxReceiveCount()),
                "maxReceiveCount",
                List.of());
        String at = path + ".deadLetter";
        if (q.deadLetter().equals(name)) {
            c.error(at, "queue " + name + " cannot be its own dead-letter queue");
            return;
        }
        if (c.resource(at, q.deadLetter(), "deadLetter", List.of("queue")) == null) return;
        Set<String> chain = new LinkedHashSet<>(List.of(name));
        String next = q.deadLetter();
        while (next != null && c.service().resources().get(next) instanceof Resource.Queue dlq) {
            if (!chain.add(next)) {
                List<String> cycle = new ArrayList<>(chain);
                cycle.add(next);
                c.error(at, "dead-letter queues form a cycle: " + String.join(" -> ", cycle));
                return;
            }
            next = dlq.deadLetter();
        }
    }
}
