package dev.strato.cli;

import dev.strato.insight.cost.Estimate;
import dev.strato.insight.cost.Estimator;
import dev.strato.insight.cost.MemorySweep;
import dev.strato.insight.cost.Money;
import dev.strato.insight.cost.Price;
import dev.strato.insight.cost.Prices;
import dev.strato.insight.cost.Usage;
import dev.strato.insight.cost.UsageFile;
import dev.strato.model.LoadResult;
import dev.strato.model.diag.Diagnostic;
import dev.strato.model.diag.Diagnostics;
import dev.strato.model.providers.Provider;
import dev.strato.model.service.Function;
import dev.strato.model.service.Service;
import dev.strato.model.support.Durations;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "cost",
        description =
                "Monthly cost estimate per function and resource, per provider side by side, from the prices table and your usage; offline.")
final class CostCommand extends ModelCommand {

    @Mixin
    OutputOption output;

    @Option(
            names = "--usage",
            paramLabel = "FILE",
            description =
                    "usage.yml: defaults and per-function requests, duration, payloadKb, fanOut, reads, writes, logKb.")
    Path usageFile;

    @Option(
            names = "--requests",
            paramLabel = "N",
            description = "Requests per month of each function without its own usage (default 1M; 3000000, 3M, 250k).")
    String requests;

    @Option(
            names = "--duration",
            paramLabel = "D",
            description = "Average duration of each function without its own usage (default 120ms).")
    String duration;

    @Option(
            names = "--region",
            paramLabel = "REGION",
            description = "Region to price (default: the model's); needs one --provider.")
    String region;

    @Option(
            names = "--memory-sweep",
            description =
                    "For each function: cost and expected duration at each memory size, the cheapest and the knee.")
    boolean memorySweep;

    CostCommand(Environment environment) {
        super(environment);
    }

    @Override
    int run(ModelSession session, LoadResult result) {
        Usage base = base();
        List<Provider> providers = result.providers();
        if (region != null && providers.size() != 1)
            throw CommandException.usage("--region prices one provider: add --provider aws, azure or gcp");
        if (!session.reportValid(result, "; nothing estimated")) return ExitCodes.INVALID_MODEL;
        Service service = result.service().orElseThrow();
        Usage.Plan plan = plan(session, service, base);
        List<Estimate> estimates = new ArrayList<>();
        for (Provider p : providers) estimates.add(Estimator.estimate(service, plan, p, region));
        Console c = session.console();
        if (output.json()) Json.print(c.out(), json(service, plan, estimates));
        else text(c, service, plan, estimates);
        return ExitCodes.OK;
    }

    private Usage base() {
        Usage u = Usage.DEFAULT;
        if (requests != null) {
            long n = UsageFile.parseCount(requests)
                    .orElseThrow(() -> CommandException.usage("--requests: '" + requests
                            + "' is not a whole number of requests per month (e.g. 3000000, 3M, 250k)"));
            u = new Usage(n, u.duration(), u.payloadKb(), u.fanOut(), u.reads(), u.writes(), u.logKb());
        }
        if (duration != null) {
            Duration d = Durations.parse(duration)
                    .filter(x -> !x.isZero())
                    .orElseThrow(() -> CommandException.usage(
                            "--duration: '" + duration + "' is not a duration such as 120ms, 2s or 1m"));
            u = new Usage(u.requests(), d, u.payloadKb(), u.fanOut(), u.reads(), u.writes(), u.logKb());
        }
        return u;
    }

    private Usage.Plan plan(ModelSession session, Service service, Usage base) {
        if (usageFile == null) return new Usage.Plan(base, Map.of(), "flags and defaults");
        Path file = environment.workingDir().resolve(usageFile);
        if (!Files.isRegularFile(file)) throw CommandException.failure("usage file " + usageFile + " not found");
        Diagnostics d = new Diagnostics();
        Set<String> stores = new java.util.TreeSet<>();
        service.resources().forEach((name, r) -> {
            if (r instanceof dev.strato.model.service.Resource.Table
                    || r instanceof dev.strato.model.service.Resource.Bucket) stores.add(name);
        });
        var plan = UsageFile.read(
                file, usageFile.toString(), base, service.functions().keySet(), stores, d);
        for (Diagnostic x : d.sorted()) session.console().err().println(x.format());
        session.console().err().flush();
        if (plan.isEmpty()) {
            Diagnostic first =
                    d.sorted().stream().filter(Diagnostic::isError).findFirst().orElseThrow();
            throw CommandException.invalidModel(
                    first.position().toString(),
                    usageFile + " has " + d.errorCount() + (d.errorCount() == 1 ? " error" : " errors")
                            + "; nothing estimated");
        }
        return plan.get();
    }

    private static final List<String> GROUPS = List.of("api", "messaging", "tables", "storage", "logs");
    private static final Map<String, String> GROUP_LABEL = Map.of(
            "api",
            "API gateway requests",
            "messaging",
            "queue/topic messages",
            "tables",
            "table reads/writes",
            "storage",
            "storage GB-months",
            "logs",
            "log ingestion");

    private void text(Console c, Service service, Usage.Plan plan, List<Estimate> estimates) {
        List<List<String>> rows = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of("", "memory"));
        List<String> sub = new ArrayList<>(List.of("", ""));
        for (Estimate e : estimates) {
            head.add(e.provider() + " " + e.plan());
            sub.add(e.region());
        }
        rows.add(head);
        rows.add(sub);
        for (Function f : service.functions().values()) {
            List<String> row = new ArrayList<>(List.of(f.name(), f.memoryMb() + " MB"));
            for (Estimate e : estimates)
                row.add(Money.format(e.functionCost(f.name()).subtract(groupsOf(e, f.name()))));
            rows.add(row);
        }
        for (String g : GROUPS) {
            if (estimates.stream()
                    .allMatch(e -> e.lines().stream().noneMatch(l -> l.group().equals(g)))) continue;
            List<String> row = new ArrayList<>(List.of(GROUP_LABEL.get(g), ""));
            for (Estimate e : estimates)
                row.add(e.lines().stream().anyMatch(l -> l.group().equals(g)) ? Money.format(e.groupCost(g)) : "-");
            rows.add(row);
        }
        List<String> free = new ArrayList<>(List.of("free tier", ""));
        List<String> total = new ArrayList<>(List.of("total / month", ""));
        for (Estimate e : estimates) {
            free.add(Money.format(e.freeTier()));
            total.add(Money.format(e.total()));
        }
        rows.add(free);
        rows.add(total);
        c.out().println(c.bold(service.name() + " (" + service.stage() + "): monthly estimate in USD"));
        print(c, rows);
        c.out().println();
        c.out().println("usage: " + Estimator.describe(plan.defaults()) + " (" + plan.source() + ")");
        plan.functions().forEach((name, u) -> c.out().println("  " + name + ": " + Estimator.describe(u)));
        plan.storageGb()
                .forEach((name, gb) -> c.out()
                        .println("  " + name + ": " + (gb == Math.rint(gb) ? String.valueOf(gb.longValue()) : gb)
                                + " GB stored"));
        c.out().println("assumptions:");
        Set<String> all = new LinkedHashSet<>();
        all.add(
                "function lines are requests and compute before free tiers; the other lines sum every function's messages (fan-out x requests "
                        + "to each queue or topic it may send to), table operations (per table it may read or write) and logs");
        estimates.forEach(e -> all.addAll(e.assumptions()));
        if (memorySweep) all.add(MemorySweep.ASSUMPTION);
        all.forEach(a -> c.out().println("  - " + a));
        c.out().println("prices (USD):");
        for (Price p : usedPrices(estimates)) {
            c.out()
                    .println("  " + p.provider() + " " + p.region() + " " + p.unit() + ": "
                            + p.price().toPlainString()
                            + (p.freePerMonth().signum() > 0
                                    ? ", free " + Money.quantity(p.freePerMonth()) + "/month"
                                    : "")
                            + " (" + p.source()
                            + (p.verified() ? ", read " + p.read() : ", not re-read") + ")");
        }
        if (memorySweep) sweep(c, service, plan, estimates);
        c.out().flush();
    }

    private void sweep(Console c, Service service, Usage.Plan plan, List<Estimate> estimates) {
        for (Estimate e : estimates) {
            if (!MemorySweep.supports(e.provider())) continue;
            for (Function f : service.functions().values()) {
                c.out().println();
                c.out()
                        .println(c.bold("memory sweep: " + f.name() + " on " + e.provider() + " (now " + f.memoryMb()
                                + " MB, " + Durations.format(plan.of(f.name()).duration()) + ")"));
                List<List<String>> rows = new ArrayList<>();
                rows.add(List.of("memory", "duration", "cost/month", ""));
                for (MemorySweep.Row r : MemorySweep.sweep(f, plan.of(f.name()), e.provider())) {
                    List<String> marks = new ArrayList<>();
                    if (r.current()) marks.add("current");
                    if (r.cheapest()) marks.add("cheapest");
                    if (r.knee()) marks.add("knee");
                    rows.add(List.of(
                            r.memoryMb() + " MB",
                            Durations.format(r.duration()),
                            Money.format(r.cost()),
                            String.join(", ", marks)));
                }
                print(c, rows);
            }
        }
    }

    private static BigDecimal groupsOf(Estimate e, String function) {
        return e.lines().stream()
                .filter(l -> function.equals(l.function()) && !l.group().equals("compute"))
                .map(Estimate.Line::cost)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static List<Price> usedPrices(List<Estimate> estimates) {
        List<Price> used = new ArrayList<>();
        for (Price p : Prices.all()) {
            for (Estimate e : estimates) {
                if (p.provider() == e.provider()
                        && p.region().equals(Prices.pricedRegion(e.provider(), e.region()))
                        && e.lines().stream().anyMatch(l -> l.meter().equals(p.meter()))) {
                    used.add(p);
                    break;
                }
            }
        }
        return used;
    }

    private static void print(Console c, List<List<String>> rows) {
        int cols = rows.get(0).size();
        int[] width = new int[cols];
        for (List<String> r : rows)
            for (int i = 0; i < cols; i++)
                width[i] = Math.max(width[i], r.get(i).length());
        for (List<String> r : rows) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < cols; i++) {
                String cell = r.get(i);
                boolean right = i > 0 && cell.startsWith("$") || cell.startsWith("-$") || cell.startsWith("<$");
                b.append(i == 0 ? "" : "  ")
                        .append(
                                right
                                        ? " ".repeat(width[i] - cell.length()) + cell
                                        : cell + " ".repeat(width[i] - cell.length()));
            }
            c.out().println(b.toString().stripTrailing());
        }
    }

    private Map<String, Object> json(Service service, Usage.Plan plan, List<Estimate> estimates) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("service", service.name());
        json.put("stage", service.stage());
        json.put("currency", "USD");
        Map<String, Object> usage = new LinkedHashMap<>();
        usage.put("source", plan.source());
        usage.put("defaults", usageJson(plan.defaults()));
        Map<String, Object> own = new LinkedHashMap<>();
        plan.functions().forEach((k, v) -> own.put(k, usageJson(v)));
        usage.put("functions", own);
        usage.put("storageGb", new java.util.TreeMap<>(plan.storageGb()));
        json.put("usage", usage);
        List<Object> list = new ArrayList<>();
        for (Estimate e : estimates) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("provider", e.provider().id());
            m.put("region", e.region());
            m.put("plan", e.plan());
            m.put(
                    "lines",
                    e.lines().stream()
                            .map(l -> {
                                Map<String, Object> x = new LinkedHashMap<>();
                                x.put("group", l.group());
                                x.put("function", l.function());
                                x.put("meter", l.meter());
                                x.put("unit", l.unit());
                                x.put(
                                        "quantity",
                                        l.quantity().stripTrailingZeros().toPlainString());
                                x.put("cost", Money.cents(l.cost()).toPlainString());
                                return x;
                            })
                            .toList());
            m.put("freeTier", Money.cents(e.freeTier()).toPlainString());
            m.put("total", Money.cents(e.total()).toPlainString());
            m.put("assumptions", e.assumptions());
            if (memorySweep && MemorySweep.supports(e.provider())) {
                Map<String, Object> sweeps = new LinkedHashMap<>();
                for (Function f : service.functions().values()) {
                    sweeps.put(
                            f.name(),
                            MemorySweep.sweep(f, plan.of(f.name()), e.provider()).stream()
                                    .map(r -> {
                                        Map<String, Object> x = new LinkedHashMap<>();
                                        x.put("memoryMb", r.memoryMb());
                                        x.put("durationMs", r.duration().toMillis());
                                        x.put("cost", Money.cents(r.cost()).toPlainString());
                                        x.put("cheapest", r.cheapest());
                                        x.put("knee", r.knee());
                                        return x;
                                    })
                                    .toList());
                }
                m.put("memorySweep", sweeps);
            }
            list.add(m);
        }
        json.put("estimates", list);
        json.put(
                "prices",
                usedPrices(estimates).stream()
                        .map(p -> {
                            Map<String, Object> x = new LinkedHashMap<>();
                            x.put("provider", p.provider().id());
                            x.put("region", p.region());
                            x.put("meter", p.meter());
                            x.put("unit", p.unit());
                            x.put("price", p.price().toPlainString());
                            x.put("freePerMonth", p.freePerMonth().toPlainString());
                            x.put("source", p.source());
                            x.put("read", p.read());
                            return x;
                        })
                        .toList());
        return json;
    }

    private static Map<String, Object> usageJson(Usage u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requests", u.requests());
        m.put("durationMs", u.duration().toMillis());
        m.put("payloadKb", u.payloadKb());
        m.put("fanOut", u.fanOut());
        m.put("reads", u.reads());
        m.put("writes", u.writes());
        m.put("logKb", u.logKb());
        return m;
    }
}
