package dev.strato.insight.check;

import dev.strato.model.providers.Provider;
import dev.strato.model.service.Event;
import dev.strato.model.service.Function;
import dev.strato.model.service.Resource;
import dev.strato.model.service.Service;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a rule looks at: the resolved service, the providers checked for, and the date runtimes are judged by. */
public record Subject(Service service, List<Provider> providers, LocalDate today) {

    public Subject {
        providers = List.copyOf(providers);
    }

    public boolean targets(Provider p) {
        return providers.contains(p);
    }

    public Map<String, Function> functions() {
        return service.functions();
    }

    public <R extends Resource> Optional<R> resource(String name, Class<R> type) {
        Resource r = service.resources().get(name);
        return type.isInstance(r) ? Optional.of(type.cast(r)) : Optional.empty();
    }

    /** Every (function, index, event) of one event kind, in file order. */
    public <E extends Event> List<Trigger<E>> triggers(Class<E> kind) {
        return service.functions().values().stream()
                .flatMap(f -> java.util.stream.IntStream.range(0, f.events().size())
                        .filter(i -> kind.isInstance(f.events().get(i)))
                        .mapToObj(i -> new Trigger<>(f, i, kind.cast(f.events().get(i)))))
                .toList();
    }

    /** The resource an event comes from: a queue, topic, bucket or table (http and schedule have none). */
    public static Optional<String> resourceOf(Event e) {
        if (e instanceof Event.Queue q) return Optional.of(q.queue());
        if (e instanceof Event.Topic t) return Optional.of(t.topic());
        if (e instanceof Event.Bucket b) return Optional.of(b.bucket());
        if (e instanceof Event.Table t) return Optional.of(t.table());
        return Optional.empty();
    }

    /** An event of a function, with the model path that names it. */
    public record Trigger<E extends Event>(Function function, int index, E event) {
        public String path() {
            return "functions." + function.name() + ".events[" + index + "]";
        }
    }
}
