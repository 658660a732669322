package dev.strato.insight.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strato.insight.Models;
import dev.strato.model.providers.Provider;
import dev.strato.model.service.Service;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The providers' worked examples, recomputed from the prices table to the cent. Each service has
 * one function and nothing else, so the estimate is the example's compute and requests.
 */
class PricesTest {

    @TempDir
    Path dir;

    private Estimate estimate(String provider, String function, Provider p, long requests, Duration d) {
        Service s = Models.loadText(
                        dir,
                        "service: example\nruntime: python3.12\nproviders:\n" + provider + "functions:\n" + function)
                .service()
                .orElseThrow();
        Usage u = new Usage(requests, d, 1, 0, 0, 0, 0);
        return Estimator.estimate(s, new Usage.Plan(u, Map.of(), "test"), p, null);
    }

    private static BigDecimal usd(String s) {
        return new BigDecimal(s);
    }

    /** aws.amazon.com/lambda/pricing: 3M requests a month, 120 ms each, 1,536 MB on arm64: 140,000 billable GB-s = $1.87, 2M requests = $0.40, $2.27. */
    @Test
    void lambdaMobileBackendExampleOnArm() {
        Estimate e = estimate(
                "  aws: { region: us-east-1 }\n",
                "  api: { handler: src/a.handle, memory: 1536, architecture: arm64 }\n",
                Provider.AWS,
                3_000_000,
                Duration.ofMillis(120));
        Estimate.Line gbs = e.lines().stream()
                .filter(l -> l.meter().equals(Prices.GB_SECONDS_ARM))
                .findFirst()
                .orElseThrow();
        assertThat(gbs.quantity()).isEqualByComparingTo("540000");
        // billable: 540,000 - 400,000 free = 140,000 GB-s x $0.0000133334 = $1.87; requests: (3M - 1M) x $0.20/M =
        // $0.40
        assertThat(Money.cents(e.total())).isEqualTo(usd("2.27"));
        assertThat(Money.cents(BigDecimal.valueOf(140_000)
                        .multiply(Prices.of(Provider.AWS, Prices.GB_SECONDS_ARM).price())))
                .isEqualTo(usd("1.87"));
    }

    /** The page's Example 1 (3M requests, 1 s, 512 MB, x86): 1,100,000 GB-s; the page's $18.34 uses $0.00001667, the table's exact rate gives $18.33. */
    @Test
    void lambdaExampleOneOnX86() {
        Estimate e = estimate(
                "  aws: { region: us-east-1 }\n",
                "  api: { handler: src/a.handle, memory: 512, architecture: x86_64 }\n",
                Provider.AWS,
                3_000_000,
                Duration.ofSeconds(1));
        assertThat(Money.cents(e.total())).isEqualTo(usd("18.73"));
        assertThat(Money.cents(BigDecimal.valueOf(1_100_000).multiply(new BigDecimal("0.00001667"))))
                .isEqualTo(usd("18.34"));
    }

    /**
     * Flex Consumption on demand, from the pricing page's rates ($0.000026/GB-s after 100,000 free, $0.40 per million executions
     * after 250,000 free): 3M executions of 1 s on 2,048 MB instances = 6,000,000 GB-s; 5,900,000 x $0.000026 = $153.40;
     * 2,750,000 executions = $1.10; $154.50.
     */
    @Test
    void azureFlexOnDemand() {
        Estimate e = estimate(
                "  azure: { location: eastus, resourceGroup: rg, plan: flex }\n",
                "  work: { handler: src/w.handle, memory: 2048, events: [ { schedule: { cron: \"0 2 * * *\" } } ] }\n",
                Provider.AZURE,
                3_000_000,
                Duration.ofSeconds(1));
        assertThat(e.lines())
                .filteredOn(l -> l.meter().equals(Prices.FLEX_GB_SECONDS))
                .singleElement()
                .satisfies(l -> assertThat(l.quantity()).isEqualByComparingTo("6000000"));
        assertThat(Money.cents(e.total())).isEqualTo(usd("154.50"));
        assertThat(e.assumptions()).noneMatch(a -> a.contains("no prices for eastus"));
    }

    /** The Consumption plan example (3M executions x 1 s x 1.5 GB): 4,100,000 billable GB-s x $0.000016 = $65.60 + $0.40 = $66.00. */
    @Test
    void azureConsumptionExample() {
        Estimate e = estimate(
                "  azure: { location: eastus, resourceGroup: rg, plan: consumption }\n",
                "  work: { handler: src/w.handle, memory: 1536, events: [ { schedule: { cron: \"0 2 * * *\" } } ] }\n",
                Provider.AZURE,
                3_000_000,
                Duration.ofSeconds(1));
        assertThat(Money.cents(e.total())).isEqualTo(usd("66.00"));
    }

    /**
     * Cloud Run functions, Tier 1, from the pricing page's rates and free tier: 10M requests of 200 ms on 2 GiB (1 vCPU):
     * 2,000,000 vCPU-s - 180,000 = 1,820,000 x $0.000024 = $43.68; 4,000,000 GiB-s - 360,000 = 3,640,000 x $0.0000025 = $9.10;
     * 8M requests x $0.40/M = $3.20; $55.98.
     */
    @Test
    void cloudRunFunctionsTier1() {
        Estimate e = estimate(
                "  gcp: { project: acme-test, region: europe-west1 }\n",
                "  api: { handler: src/a.handle, memory: 2048 }\n",
                Provider.GCP,
                10_000_000,
                Duration.ofMillis(200));
        assertThat(Money.cents(e.total())).isEqualTo(usd("55.98"));
        // billed per 100 ms: 120 ms is billed as 200 ms
        assertThat(Compute.cloudRunSeconds(Duration.ofMillis(120))).isEqualByComparingTo("0.2");
        assertThat(Compute.lambdaSeconds(Duration.ofNanos(1_000_001))).isEqualByComparingTo("0.002");
    }

    @Test
    void everyRowHasASourceAndPricesAreCentsOnlyInOutput() {
        for (Price p : Prices.all()) {
            assertThat(p.source()).startsWith("https://");
            assertThat(p.price().signum()).isPositive();
            if (p.verified()) assertThat(p.read()).matches("\\d{4}-\\d{2}-\\d{2}");
        }
        assertThat(Money.format(new BigDecimal("1.866676"))).isEqualTo("$1.87");
        assertThat(Money.format(new BigDecimal("0.0004"))).isEqualTo("<$0.01");
        assertThat(Money.format(new BigDecimal("-7.481"))).isEqualTo("-$7.48");
    }

    @Test
    void memorySweepFindsTheCheapestAndTheKnee() {
        Service s = Models.loadText(
                        dir,
                        "service: example\nruntime: python3.12\nproviders:\n  aws: { region: us-east-1 }\nfunctions:\n"
                                + "  api: { handler: src/a.handle, memory: 512, architecture: arm64 }\n")
                .service()
                .orElseThrow();
        var rows = MemorySweep.sweep(
                s.functions().get("api"), new Usage(3_000_000, Duration.ofMillis(600), 1, 0, 0, 0, 0), Provider.AWS);
        assertThat(rows)
                .filteredOn(MemorySweep.Row::current)
                .singleElement()
                .satisfies(r -> assertThat(r.duration()).isEqualTo(Duration.ofMillis(600)));
        // CPU-bound: 1,024 MB halves the duration, 1,769 MB is one full vCPU, beyond it nothing gets faster
        assertThat(rows)
                .filteredOn(r -> r.memoryMb() == 1024)
                .singleElement()
                .satisfies(r -> assertThat(r.duration()).isEqualTo(Duration.ofMillis(300)));
        assertThat(rows)
                .filteredOn(MemorySweep.Row::knee)
                .singleElement()
                .satisfies(r -> assertThat(r.memoryMb()).isEqualTo(1769));
        assertThat(rows).filteredOn(MemorySweep.Row::cheapest).hasSize(1);
        assertThat(rows.get(rows.size() - 1).duration())
                .isEqualTo(rows.stream()
                        .filter(r -> r.memoryMb() == 1769)
                        .findFirst()
                        .orElseThrow()
                        .duration());
    }
}
