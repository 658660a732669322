package dev.strato.insight.cost;

import java.time.Duration;
import java.util.Map;

/**
 * How much each function is used per month. Every value has a default that the output prints.
 *
 * @param requests invocations per month
 * @param duration average billed duration of one invocation
 * @param payloadKb size of each message sent or published, KB
 * @param fanOut messages each invocation sends to each queue or topic it may send/publish to
 * @param reads table reads per invocation on each table it may read (default 1)
 * @param writes table writes per invocation on each table it may write (default 1)
 * @param logKb log output per invocation, KB
 */
public record Usage(
        long requests, Duration duration, double payloadKb, double fanOut, double reads, double writes, double logKb) {

    public static final Usage DEFAULT = new Usage(1_000_000, Duration.ofMillis(120), 1, 1, 1, 1, 1);

    /** Usage for the whole service: the defaults and each function's own. */
    public record Plan(Usage defaults, Map<String, Usage> functions, Map<String, Double> storageGb, String source) {
        public Plan {
            functions = Map.copyOf(functions);
            storageGb = Map.copyOf(storageGb);
        }

        public Plan(Usage defaults, Map<String, Usage> functions, String source) {
            this(defaults, functions, Map.of(), source);
        }

        public Usage of(String function) {
            return functions.getOrDefault(function, defaults);
        }
    }
}
