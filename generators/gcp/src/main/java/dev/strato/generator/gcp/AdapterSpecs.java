package dev.strato.generator.gcp;

import dev.strato.generator.OrderedMap;
import dev.strato.generator.adapter.HandlerAdapters;
import dev.strato.model.service.Event;
import dev.strato.model.service.Function;
import dev.strato.model.service.Resource;
import dev.strato.model.service.Service;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the GCP adapter ({@code strato/gcp.mjs}, {@code strato_adapter/gcp.py}) knows of a portable
 * function, as JSON in the entry module: its handler, the kinds of events it accepts (one Cloud
 * Run URL receives routes, schedules and pushes alike), its routes (to tell 404 from 405), the
 * prefix and suffix of its bucket events (Eventarc filters by bucket only), and its table's
 * partition key (a Firestore change names only the document).
 */
final class AdapterSpecs {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Service service;
    private final Path projectDir;

    AdapterSpecs(Service service, Path projectDir) {
        this.service = service;
        this.projectDir = projectDir;
    }

    String json(Function f) {
        return JSON.writeValueAsString(of(f));
    }

    Map<String, Object> of(Function f) {
        HandlerAdapters.HandlerModule handler = HandlerAdapters.module(f, projectDir);
        Set<String> kinds = new LinkedHashSet<>();
        List<Object> routes = new ArrayList<>();
        List<Object> buckets = new ArrayList<>();
        String key = null;
        for (Event e : f.events()) {
            kinds.add(e.kind());
            if (e instanceof Event.Http h)
                routes.add(OrderedMap.of("method", h.method().id(), "path", h.path()));
            if (e instanceof Event.Bucket b && (b.prefix() != null || b.suffix() != null)) {
                Map<String, Object> filter = new LinkedHashMap<>();
                if (b.prefix() != null) filter.put("prefix", b.prefix());
                if (b.suffix() != null) filter.put("suffix", b.suffix());
                buckets.add(filter);
            }
            if (e instanceof Event.Table t
                    && key == null
                    && service.resources().get(t.table()) instanceof Resource.Table table) {
                key = table.partition().name();
            }
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("name", f.name());
        spec.put("module", handler.module());
        spec.put("export", handler.export());
        spec.put("kinds", List.copyOf(kinds));
        spec.put("stage", service.stage());
        spec.put("timeout", f.timeout().toSeconds());
        if (!routes.isEmpty()) spec.put("routes", routes);
        if (!buckets.isEmpty()
                && buckets.size()
                        == f.events().stream()
                                .filter(Event.Bucket.class::isInstance)
                                .count()) spec.put("buckets", buckets);
        if (key != null) spec.put("key", key);
        return spec;
    }
}
