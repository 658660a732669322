package dev.strato.local;

import dev.strato.model.service.Event;
import dev.strato.model.service.Function;
import dev.strato.model.support.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Which of a function's triggers a local invoke imitates. */
final class Triggers {

    static final String DIRECT = "direct";

    private Triggers() {}

    /**
     * The trigger of kind {@code kind} ({@code null}: the first); empty for a function without
     * triggers ({@code direct}). With an HTTP {@code path}, the first HTTP route it matches.
     */
    static Optional<Event> choose(Function f, String kind, String path) {
        if (path != null && (kind == null || kind.equals("http"))) {
            Optional<Event> route = f.events().stream()
                    .filter(e -> e instanceof Event.Http h && HttpRequests.matches(h.path(), path))
                    .findFirst();
            if (route.isPresent()) return route;
        }
        return choose(f, kind);
    }

    private static Optional<Event> choose(Function f, String kind) {
        List<String> kinds = f.events().stream().map(Event::kind).distinct().toList();
        if (kind == null) return f.events().stream().findFirst();
        if (kind.equals(DIRECT) && f.events().isEmpty()) return Optional.empty();
        Optional<Event> found =
                f.events().stream().filter(e -> e.kind().equals(kind)).findFirst();
        if (found.isPresent()) return found;
        List<String> known = new ArrayList<>(Event.KINDS);
        known.add(DIRECT);
        String has = kinds.isEmpty()
                ? "it has no trigger (its event is direct)"
                : "its triggers: " + String.join(", ", kinds);
        if (!known.contains(kind)) {
            throw LocalInvokeException.usage("unknown event kind '" + kind + "'" + Suggestions.didYouMean(kind, known)
                    + " for function " + f.name() + "; " + has);
        }
        throw LocalInvokeException.usage("function " + f.name() + " has no " + kind + " trigger; " + has);
    }
}
