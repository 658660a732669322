package dev.strato.model.providers;

import dev.strato.model.service.Runtime;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Which provider runs which runtime, under which native id, until when (runtimes.tsv, with sources). */
public final class RuntimeSupport {

    public record Entry(
            Runtime runtime,
            Provider provider,
            String nativeId,
            LocalDate deprecated,
            String source,
            String checked,
            String note) {

        /** Whether a hosting plan offers this runtime: all do, unless the note lists them ({@code plans=flex,premium}). */
        public boolean offeredOn(String plan) {
            java.util.regex.Matcher m =
                    java.util.regex.Pattern.compile("plans=([a-z,]+)").matcher(note);
            return !m.find() || java.util.Arrays.asList(m.group(1).split(",")).contains(plan);
        }
    }

    private static final List<Entry> ENTRIES = Tsv.read("runtimes.tsv", 7).stream()
            .map(c -> new Entry(
                    Runtime.byId(c[0])
                            .orElseThrow(() -> new IllegalStateException("runtimes.tsv: unknown runtime " + c[0])),
                    Provider.byId(c[1])
                            .orElseThrow(() -> new IllegalStateException("runtimes.tsv: unknown provider " + c[1])),
                    c[2],
                    c[3].equals("-") ? null : LocalDate.parse(c[3]),
                    c[4],
                    c[5],
                    c[6]))
            .toList();

    private RuntimeSupport() {}

    public static List<Entry> all() {
        return ENTRIES;
    }

    public static Optional<Entry> find(Runtime runtime, Provider provider) {
        return ENTRIES.stream()
                .filter(e -> e.runtime == runtime && e.provider == provider)
                .findFirst();
    }

    public static List<Provider> providersOf(Runtime runtime) {
        return ENTRIES.stream()
                .filter(e -> e.runtime == runtime)
                .map(Entry::provider)
                .distinct()
                .toList();
    }
}
