package dev.strato.insight.cost;

import dev.strato.model.providers.Provider;
import dev.strato.model.service.Architecture;
import dev.strato.model.service.Function;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The right-sizing table: a function's monthly compute cost and expected duration at each memory
 * size, assuming its measured duration is CPU-bound and single-threaded, so it scales with the CPU
 * share that memory buys up to one full vCPU and no further (Lambda: 1,769 MB; Cloud Run functions:
 * 2 GiB = 1 vCPU). Marks the cheapest size and the knee: the first size after which one more step
 * shortens the duration by less than 10%.
 */
public final class MemorySweep {

    static final int[] AWS_SIZES = {128, 256, 512, 1024, 1536, 1769, 2048, 3008, 4096, 10240};
    static final int[] GCP_SIZES = {128, 256, 512, 1024, 2048, 4096, 8192};
    public static final String ASSUMPTION =
            "memory sweep: the duration is CPU-bound and single-threaded: it scales with the CPU share of the "
                    + "memory size up to one full vCPU (Lambda 1,769 MB, Cloud Run functions 2 GiB) and not beyond; costs are gross (before free tiers); "
                    + "Azure is not swept (a Flex app has one instance size for all its functions)";

    public record Row(
            int memoryMb, Duration duration, BigDecimal cost, boolean cheapest, boolean knee, boolean current) {}

    private MemorySweep() {}

    public static boolean supports(Provider p) {
        return p == Provider.AWS || p == Provider.GCP;
    }

    public static List<Row> sweep(Function f, Usage u, Provider p) {
        int[] sizes = p == Provider.AWS ? AWS_SIZES : GCP_SIZES;
        BigDecimal base = share(p, f.memoryMb());
        List<Duration> durations = new ArrayList<>();
        List<BigDecimal> costs = new ArrayList<>();
        for (int m : sizes) {
            BigDecimal nanos = BigDecimal.valueOf(u.duration().toNanos())
                    .multiply(base)
                    .divide(share(p, m), MathContext.DECIMAL64);
            Duration d = Duration.ofMillis(nanos.divide(BigDecimal.valueOf(1_000_000), 0, RoundingMode.CEILING)
                    .longValueExact());
            durations.add(d);
            costs.add(cost(f, u, p, m, d));
        }
        int cheapest = 0;
        for (int i = 1; i < sizes.length; i++) if (costs.get(i).compareTo(costs.get(cheapest)) < 0) cheapest = i;
        int knee = sizes.length - 1;
        for (int i = 0; i + 1 < sizes.length; i++) {
            double gain = 1
                    - (double) durations.get(i + 1).toNanos() / durations.get(i).toNanos();
            if (gain < 0.10) {
                knee = i;
                break;
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            rows.add(new Row(
                    sizes[i], durations.get(i), costs.get(i), i == cheapest, i == knee, sizes[i] == f.memoryMb()));
        }
        return rows;
    }

    /** The CPU share a memory size buys, capped at one vCPU. */
    static BigDecimal share(Provider p, int memoryMb) {
        if (p == Provider.AWS) return BigDecimal.valueOf(Math.min(memoryMb, Compute.LAMBDA_ONE_VCPU_MB));
        return Compute.gcpVcpu(memoryMb).min(BigDecimal.ONE);
    }

    private static BigDecimal cost(Function f, Usage u, Provider p, int memoryMb, Duration d) {
        BigDecimal q = BigDecimal.valueOf(u.requests());
        if (p == Provider.AWS) {
            String meter = f.architecture() == Architecture.ARM64 ? Prices.GB_SECONDS_ARM : Prices.GB_SECONDS_X86;
            return q.multiply(Prices.of(p, Prices.REQUESTS).price())
                    .add(q.multiply(Compute.lambdaSeconds(d))
                            .multiply(Compute.gb(memoryMb))
                            .multiply(Prices.of(p, meter).price()));
        }
        BigDecimal seconds = q.multiply(Compute.cloudRunSeconds(d));
        return q.multiply(Prices.of(p, Prices.REQUESTS).price())
                .add(seconds.multiply(Compute.gcpVcpu(memoryMb))
                        .multiply(Prices.of(p, Prices.VCPU_SECONDS).price()))
                .add(seconds.multiply(Compute.gb(memoryMb))
                        .multiply(Prices.of(p, Prices.GIB_SECONDS).price()));
    }
}
