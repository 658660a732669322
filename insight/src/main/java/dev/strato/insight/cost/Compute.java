package dev.strato.insight.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.NavigableMap;
import java.util.TreeMap;

/** How each provider bills one invocation's time and memory: rounding, minimums, CPU share. */
final class Compute {

    private Compute() {}

    static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    static final BigDecimal KIB = BigDecimal.valueOf(1024);

    /** Lambda: billed per 1 ms, rounded up. */
    static BigDecimal lambdaSeconds(Duration d) {
        return BigDecimal.valueOf(d.toNanos())
                .divide(BigDecimal.valueOf(1_000_000), 0, RoundingMode.CEILING)
                .divide(THOUSAND);
    }

    /** Cloud Run: billed per 100 ms of instance time, rounded up (one request at a time per instance assumed). */
    static BigDecimal cloudRunSeconds(Duration d) {
        return BigDecimal.valueOf(d.toNanos())
                .divide(BigDecimal.valueOf(100_000_000), 0, RoundingMode.CEILING)
                .divide(BigDecimal.TEN);
    }

    /** Azure Consumption: at least 100 ms, then per 1 ms. */
    static BigDecimal consumptionSeconds(Duration d) {
        return lambdaSeconds(d.compareTo(Duration.ofMillis(100)) < 0 ? Duration.ofMillis(100) : d);
    }

    /** Azure Consumption bills memory rounded up to 128 MB, at most 1,536 MB. */
    static int consumptionMemoryMb(int memoryMb) {
        return Math.min(1536, (memoryMb + 127) / 128 * 128);
    }

    /** Flex Consumption instance sizes: an app runs on the smallest that holds its largest function. */
    static final int[] FLEX_INSTANCE_MB = {512, 2048, 4096};

    static int flexInstanceMb(int largestFunctionMb) {
        for (int size : FLEX_INSTANCE_MB) if (largestFunctionMb <= size) return size;
        return FLEX_INSTANCE_MB[FLEX_INSTANCE_MB.length - 1];
    }

    /** Cloud Run functions' memory to vCPU table (docs.cloud.google.com/functions/docs/configuring/memory). */
    private static final NavigableMap<Integer, BigDecimal> GCP_VCPU = new TreeMap<>();

    static {
        GCP_VCPU.put(128, new BigDecimal("0.083"));
        GCP_VCPU.put(256, new BigDecimal("0.167"));
        GCP_VCPU.put(512, new BigDecimal("0.333"));
        GCP_VCPU.put(1024, new BigDecimal("0.583"));
        GCP_VCPU.put(2048, BigDecimal.ONE);
        GCP_VCPU.put(4096, BigDecimal.valueOf(2));
        GCP_VCPU.put(8192, BigDecimal.valueOf(2));
        GCP_VCPU.put(16384, BigDecimal.valueOf(4));
        GCP_VCPU.put(32768, BigDecimal.valueOf(8));
    }

    /** The vCPU of the smallest tier that holds {@code memoryMb}. */
    static BigDecimal gcpVcpu(int memoryMb) {
        Integer tier = GCP_VCPU.ceilingKey(memoryMb);
        return tier == null ? GCP_VCPU.lastEntry().getValue() : GCP_VCPU.get(tier);
    }

    /** Lambda's memory at which a function has one full vCPU (configuration-memory: 1,769 MB). */
    static final int LAMBDA_ONE_VCPU_MB = 1769;

    static BigDecimal gb(int memoryMb) {
        return BigDecimal.valueOf(memoryMb).divide(KIB, 10, RoundingMode.HALF_EVEN);
    }
}
