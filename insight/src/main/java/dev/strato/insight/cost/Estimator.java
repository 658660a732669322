package dev.strato.insight.cost;

import static dev.strato.insight.cost.Prices.*;

import dev.strato.insight.cost.Estimate.Line;
import dev.strato.model.providers.AzurePlan;
import dev.strato.model.providers.AzureQueues;
import dev.strato.model.providers.GcpGateway;
import dev.strato.model.providers.Provider;
import dev.strato.model.service.Architecture;
import dev.strato.model.service.Event;
import dev.strato.model.service.Function;
import dev.strato.model.service.Resource;
import dev.strato.model.service.Service;
import dev.strato.model.service.Verb;
import dev.strato.model.support.Durations;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Monthly estimates of a service on each provider from the prices table and a usage plan; offline, exact decimal arithmetic. */
public final class Estimator {

    private final Service service;
    private final Usage.Plan usage;
    private final Provider provider;
    private final String region;
    private final List<Line> lines = new ArrayList<>();
    private final List<String> assumptions = new ArrayList<>();

    private Estimator(Service service, Usage.Plan usage, Provider provider, String region) {
        this.service = service;
        this.usage = usage;
        this.provider = provider;
        this.region = region;
    }

    /** @param region the region to price, or null for the model's */
    public static Estimate estimate(Service service, Usage.Plan usage, Provider provider, String region) {
        return new Estimator(service, usage, provider, region == null ? modelRegion(service, provider) : region).run();
    }

    public static String modelRegion(Service s, Provider p) {
        return switch (p) {
            case AWS ->
                s.providers().aws() == null ? "us-east-1" : s.providers().aws().region();
            case AZURE ->
                s.providers().azure() == null ? "eastus" : s.providers().azure().location();
            case GCP ->
                s.providers().gcp() == null
                        ? "us-central1"
                        : s.providers().gcp().region();
        };
    }

    private Estimate run() {
        if (!Prices.pricesExactly(provider, region)) {
            assumptions.add(provider + ": no prices for " + region + " in strato's table; priced at "
                    + Prices.pricedRegion(provider, region) + (provider == Provider.AZURE ? " (East US)" : "")
                    + " rates, which may differ");
        }
        String plan = switch (provider) {
            case AWS -> aws();
            case AZURE -> azure();
            case GCP -> gcp();
        };
        for (Function f : service.functions().values()) resources(f);
        storage();
        BigDecimal gross = lines.stream().map(Line::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal free = freeTier();
        List<String> unverified = Prices.all().stream()
                .filter(p -> p.provider() == provider
                        && !p.verified()
                        && lines.stream().anyMatch(l -> l.meter().equals(p.meter())))
                .map(Price::unit)
                .distinct()
                .toList();
        if (!unverified.isEmpty()) {
            assumptions.add(
                    provider + ": prices taken from the providers' pages earlier and not re-read for this table: "
                            + String.join("; ", unverified));
        }
        return new Estimate(
                provider,
                region,
                plan,
                lines,
                free.negate(),
                gross.subtract(free).max(BigDecimal.ZERO),
                assumptions);
    }

    private void add(String group, String function, String meter, BigDecimal quantity) {
        Price p = Prices.of(provider, meter);
        lines.add(new Line(group, function, meter, quantity, p.unit(), quantity.multiply(p.price())));
    }

    private static BigDecimal n(double v) {
        return BigDecimal.valueOf(v);
    }

    private String aws() {
        for (Function f : service.functions().values()) {
            Usage u = usage.of(f.name());
            BigDecimal q = BigDecimal.valueOf(u.requests());
            BigDecimal gbs = q.multiply(Compute.lambdaSeconds(u.duration())).multiply(Compute.gb(f.memoryMb()));
            add("compute", f.name(), REQUESTS, q);
            add("compute", f.name(), f.architecture() == Architecture.ARM64 ? GB_SECONDS_ARM : GB_SECONDS_X86, gbs);
            if (f.hasHttpEvent()) add("api", f.name(), API_REQUESTS, q);
        }
        assumptions.add("aws: Lambda bills each request's duration rounded up to 1 ms; GB = memory MB / 1024");
        return "lambda";
    }

    private String azure() {
        AzurePlan plan = service.providers().azure() == null
                ? AzurePlan.FLEX
                : service.providers().azure().plan();
        if (plan == AzurePlan.PREMIUM) {
            assumptions.add(
                    "azure: the premium plan bills its always-on instances per vCPU and GB hour, which strato cost does not estimate; "
                            + "only the service's other meters are shown");
            return "premium";
        }
        int largest = service.functions().values().stream()
                .mapToInt(Function::memoryMb)
                .max()
                .orElse(512);
        int instance = Compute.flexInstanceMb(largest);
        for (Function f : service.functions().values()) {
            Usage u = usage.of(f.name());
            BigDecimal q = BigDecimal.valueOf(u.requests());
            if (plan == AzurePlan.FLEX) {
                add("compute", f.name(), FLEX_EXECUTIONS, q);
                add(
                        "compute",
                        f.name(),
                        FLEX_GB_SECONDS,
                        q.multiply(Compute.lambdaSeconds(u.duration())).multiply(Compute.gb(instance)));
            } else {
                add("compute", f.name(), CONSUMPTION_EXECUTIONS, q);
                add(
                        "compute",
                        f.name(),
                        CONSUMPTION_GB_SECONDS,
                        q.multiply(Compute.consumptionSeconds(u.duration()))
                                .multiply(Compute.gb(Compute.consumptionMemoryMb(f.memoryMb()))));
            }
        }
        if (plan == AzurePlan.FLEX) {
            assumptions.add("azure: Flex Consumption on demand bills the instance memory (" + instance
                    + " MB, the smallest size that holds the largest "
                    + "function) while it executes, one execution per instance at a time (an upper bound: concurrent executions share an instance); "
                    + "no always-ready instances");
        } else {
            assumptions.add(
                    "azure: Consumption bills observed memory, rounded up to 128 MB and at most 1,536 MB; strato assumes the configured memory "
                            + "is used (an upper bound) and at least 100 ms per execution");
        }
        return plan.id();
    }

    private String gcp() {
        for (Function f : service.functions().values()) {
            Usage u = usage.of(f.name());
            BigDecimal q = BigDecimal.valueOf(u.requests());
            BigDecimal seconds = q.multiply(Compute.cloudRunSeconds(u.duration()));
            add("compute", f.name(), REQUESTS, q);
            add("compute", f.name(), VCPU_SECONDS, seconds.multiply(Compute.gcpVcpu(f.memoryMb())));
            add("compute", f.name(), GIB_SECONDS, seconds.multiply(Compute.gb(f.memoryMb())));
            if (f.hasHttpEvent()
                    && service.providers().gcp() != null
                    && service.providers().gcp().gateway() == GcpGateway.API_GATEWAY) {
                add("api", f.name(), API_REQUESTS, q);
            }
        }
        assumptions.add(
                "gcp: Cloud Run functions with request-based billing: instance time rounded up to 100 ms, one request per instance at a "
                        + "time; vCPU from the memory tier table (e.g. 512 MB = 0.333 vCPU)");
        return "cloud run functions";
    }

    /** Storage GB-months of the tables and buckets the usage file sizes; the others are not estimated (and the output says so). */
    private void storage() {
        List<String> unsized = new ArrayList<>();
        service.resources().forEach((name, r) -> {
            boolean table = r instanceof Resource.Table;
            if (!table && !(r instanceof Resource.Bucket)) return;
            Double gb = usage.storageGb().get(name);
            if (gb == null) {
                unsized.add(name);
                return;
            }
            add("storage", null, table ? TABLE_STORAGE : BUCKET_STORAGE, n(gb));
        });
        if (!unsized.isEmpty()) {
            assumptionOnce("storage of " + String.join(", ", unsized)
                    + " not estimated: give resources: NAME: { storageGb: N } in the usage file");
        }
    }

    /** Messages, table operations and logs that follow from a function's permissions and usage. */
    private void resources(Function f) {
        Usage u = usage.of(f.name());
        BigDecimal q = BigDecimal.valueOf(u.requests());
        BigDecimal chunks64 = BigDecimal.valueOf(Math.max(1, (long) Math.ceil(u.payloadKb() / 64)));
        for (Map.Entry<String, List<Verb>> e : f.permissions().entrySet()) {
            Resource r = service.resources().get(e.getKey());
            List<Verb> verbs = e.getValue();
            BigDecimal messages = q.multiply(n(u.fanOut()));
            if (r instanceof Resource.Queue && verbs.contains(Verb.SEND))
                messages(f, e.getKey(), messages, chunks64, u, false);
            if (r instanceof Resource.Topic && verbs.contains(Verb.PUBLISH))
                messages(f, e.getKey(), messages, chunks64, u, true);
            if (r instanceof Resource.Table) {
                if (verbs.contains(Verb.READ))
                    add(
                            "tables",
                            f.name(),
                            TABLE_READS,
                            q.multiply(n(u.reads())).multiply(tableUnits(u, false)));
                if (verbs.contains(Verb.WRITE))
                    add(
                            "tables",
                            f.name(),
                            TABLE_WRITES,
                            q.multiply(n(u.writes())).multiply(tableUnits(u, true)));
            }
        }
        add(
                "logs",
                f.name(),
                LOG_GB,
                q.multiply(n(u.logKb())).divide(BigDecimal.valueOf(1024L * 1024), 10, RoundingMode.HALF_EVEN));
    }

    /** DynamoDB: a read unit per 4 KB, a write unit per 1 KB; Cosmos DB: its rows are per 1 KB item; Firestore: per document. */
    private BigDecimal tableUnits(Usage u, boolean write) {
        double kb = Math.max(u.payloadKb(), 1);
        return switch (provider) {
            case AWS -> BigDecimal.valueOf((long) Math.ceil(write ? kb : kb / 4));
            case AZURE -> BigDecimal.valueOf((long) Math.ceil(kb));
            case GCP -> BigDecimal.ONE;
        };
    }

    /** The batch size of the first function that consumes {@code queue}; 1 when none does. */
    private int batchOf(String queue) {
        return service.functions().values().stream()
                .flatMap(f -> f.events().stream())
                .filter(e -> e instanceof Event.Queue q && q.queue().equals(queue))
                .mapToInt(e -> ((Event.Queue) e).batchSize())
                .findFirst()
                .orElse(1);
    }

    private void messages(Function f, String queue, BigDecimal messages, BigDecimal chunks64, Usage u, boolean topic) {
        switch (provider) {
            case AWS -> {
                if (topic) {
                    add("messaging", f.name(), TOPIC_PUBLISHES, messages.multiply(chunks64));
                } else {
                    // a send per message, and the consumer's receive and delete per batch
                    assumptionOnce(
                            "aws: SQS requests per message: the send, plus a receive and a delete per batch of the consumer's batchSize");
                    BigDecimal perMessage = BigDecimal.ONE.add(BigDecimal.valueOf(2)
                            .divide(BigDecimal.valueOf(batchOf(queue)), 10, RoundingMode.HALF_EVEN));
                    add(
                            "messaging",
                            f.name(),
                            QUEUE_REQUESTS,
                            messages.multiply(chunks64).multiply(perMessage));
                }
            }
            case AZURE -> {
                if (!topic
                        && service.providers().azure() != null
                        && service.providers().azure().queues() == AzureQueues.STORAGE) {
                    assumptionOnce("azure: Storage queue transactions are not in strato's prices table: not estimated");
                    return;
                }
                assumptionOnce(
                        "azure: Service Bus: a send and a receive per message; the Standard tier's base charge per namespace-hour is not included");
                // a send and a receive (complete) for each message
                add(
                        "messaging",
                        f.name(),
                        topic ? TOPIC_PUBLISHES : QUEUE_REQUESTS,
                        messages.multiply(BigDecimal.valueOf(2)));
            }
            case GCP -> {
                // Pub/Sub bills publish and delivery throughput, at least 1 KB per message
                BigDecimal kb = BigDecimal.valueOf(Math.max(1, u.payloadKb()));
                add(
                        "messaging",
                        f.name(),
                        MESSAGING_GIB,
                        messages.multiply(kb)
                                .multiply(BigDecimal.valueOf(2))
                                .divide(BigDecimal.valueOf(1024L * 1024), 10, RoundingMode.HALF_EVEN));
            }
        }
    }

    private void assumptionOnce(String text) {
        if (!assumptions.contains(text)) assumptions.add(text);
    }

    /** The free tiers, per meter, on the service's sum (they are per account, subscription or billing account). */
    private BigDecimal freeTier() {
        Map<String, BigDecimal> quantity = new LinkedHashMap<>();
        for (Line l : lines) quantity.merge(l.meter(), l.quantity(), BigDecimal::add);
        BigDecimal credit = BigDecimal.ZERO;
        BigDecimal lambdaFree = BigDecimal.valueOf(400_000);
        // Lambda's 400,000 GB-s are one allowance for both architectures: the dearer x86 seconds use it first
        for (String meter : List.of(GB_SECONDS_X86, GB_SECONDS_ARM)) {
            if (provider != Provider.AWS || !quantity.containsKey(meter)) continue;
            BigDecimal used = quantity.get(meter).min(lambdaFree);
            credit = credit.add(used.multiply(Prices.of(provider, meter).price()));
            lambdaFree = lambdaFree.subtract(used);
        }
        for (Map.Entry<String, BigDecimal> e : quantity.entrySet()) {
            if (provider == Provider.AWS
                    && (e.getKey().equals(GB_SECONDS_X86) || e.getKey().equals(GB_SECONDS_ARM))) continue;
            Price p = Prices.of(provider, e.getKey());
            credit = credit.add(e.getValue().min(p.freePerMonth()).multiply(p.price()));
        }
        assumptions.add(
                provider + ": free tiers apply once per account (AWS), subscription (Azure) or billing account (GCP); "
                        + "the credit assumes nothing else there uses them");
        return credit;
    }

    /** The usage defaults, for the assumptions list. */
    public static String describe(Usage u) {
        return String.format(
                java.util.Locale.ROOT,
                "%,d requests/month, %s average duration, %s KB payload, fan-out %s, %s table reads and %s writes "
                        + "per invocation, %s KB of logs per invocation",
                u.requests(),
                Durations.format(u.duration()),
                trim(u.payloadKb()),
                trim(u.fanOut()),
                trim(u.reads()),
                trim(u.writes()),
                trim(u.logKb()));
    }

    static String trim(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
