package dev.strato.model.fuzz;

import java.util.Random;

/** Structure-aware inputs: strato-shaped YAML from strato's keys, with values of every type and variables. */
final class YamlGen {

    private static final String[] TOP = {
        "service",
        "description",
        "runtime",
        "adapter",
        "stage",
        "providers",
        "params",
        "defaults",
        "package",
        "functions",
        "resources",
        "custom",
        "plugins"
    };
    private static final String[] FUNCTION = {
        "handler",
        "description",
        "runtime",
        "adapter",
        "memory",
        "timeout",
        "environment",
        "tracing",
        "logRetentionDays",
        "alarms",
        "tags",
        "architecture",
        "retries",
        "deadLetter",
        "events",
        "permissions",
        "memorySize"
    };
    private static final String[] EVENT = {"http", "schedule", "queue", "topic", "bucket", "table", "sqs"};
    private static final String[] RESOURCE = {
        "type",
        "key",
        "sort",
        "stream",
        "ttl",
        "versioning",
        "retention",
        "visibilityTimeout",
        "deadLetter",
        "maxReceiveCount",
        "expireAfterDays",
        "partition"
    };
    private static final String[] TYPES = {"table", "bucket", "queue", "topic", "database"};
    private static final String[] SCALARS = {
        "512",
        "-1",
        "0",
        "1e400",
        "0x1F",
        "true",
        "null",
        "~",
        "''",
        "\"\"",
        "nodejs22",
        "python3.12",
        "java21",
        "go",
        "10s",
        "15m",
        "1h",
        "lots",
        "\"GET /orders/{id}\"",
        "\"rate(5 minutes)\"",
        "\"0 0 * * *\"",
        "src/api.main",
        "../x.main",
        "/etc/passwd",
        "\"${env:HOME}\"",
        "\"${opt:region}\"",
        "\"${self:service}\"",
        "\"${param:p}\"",
        "\"${file(./values.yml):b.c}\"",
        "\"${ref:r0.name}\"",
        "\"${secret:s}\"",
        "\"${stage}\"",
        "\"${nope:x}\"",
        "\"${env:X, ${opt:region}}\"",
        "\"${self:functions}\"",
        "\"\\ud800\"",
        "\"a\\u0000b\"",
        "us-east-1",
        "westeurope",
        "europe-west1",
        "[]",
        "{}",
        "[1, 2]",
        "{ a: b }",
        "*a",
        "&a x",
        "!!binary AAAA",
        "2026-01-01",
        "\"é€😀\""
    };

    private YamlGen() {}

    static String document(Random r) {
        StringBuilder y = new StringBuilder();
        if (r.nextInt(20) == 0) y.append("%YAML 1.2\n---\n");
        y.append("service: ")
                .append(r.nextInt(8) == 0 ? pick(r, SCALARS) : "demo")
                .append('\n');
        y.append("providers:\n");
        if (r.nextInt(4) != 0) y.append("  aws: { region: us-east-1 }\n");
        if (r.nextBoolean()) y.append("  azure: { location: westeurope }\n");
        if (r.nextBoolean()) y.append("  gcp: { project: acme-demo, region: europe-west1 }\n");
        for (int i = 0; i < r.nextInt(3); i++)
            y.append(pick(r, TOP)).append(": ").append(pick(r, SCALARS)).append('\n');
        if (r.nextBoolean())
            y.append("params:\n  default:\n    p: ").append(pick(r, SCALARS)).append('\n');
        if (r.nextBoolean()) {
            y.append("resources:\n");
            for (int i = 0; i < 1 + r.nextInt(3); i++) {
                y.append("  r")
                        .append(i)
                        .append(":\n    type: ")
                        .append(pick(r, TYPES))
                        .append('\n');
                for (int k = 0; k < r.nextInt(3); k++)
                    y.append("    ")
                            .append(pick(r, RESOURCE))
                            .append(": ")
                            .append(pick(r, SCALARS))
                            .append('\n');
            }
        }
        y.append("functions:\n");
        for (int f = 0; f < 1 + r.nextInt(4); f++) {
            y.append("  f")
                    .append(f)
                    .append(":\n    handler: ")
                    .append(r.nextInt(5) == 0 ? pick(r, SCALARS) : "src/api.main")
                    .append('\n');
            for (int k = 0; k < r.nextInt(4); k++)
                y.append("    ")
                        .append(pick(r, FUNCTION))
                        .append(": ")
                        .append(pick(r, SCALARS))
                        .append('\n');
            if (r.nextBoolean()) {
                y.append("    events:\n");
                for (int e = 0; e < 1 + r.nextInt(3); e++) {
                    y.append("      - ")
                            .append(pick(r, EVENT))
                            .append(": ")
                            .append(pick(r, SCALARS))
                            .append('\n');
                }
            }
        }
        return y.toString();
    }

    private static String pick(Random r, String[] values) {
        return values[r.nextInt(values.length)];
    }
}
