package dev.strato.model.service;

import dev.strato.model.support.Maps;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A function with every default already applied: generators never re-derive a value. */
public record Function(
        String name,
        String handler,
        String description,
        Runtime runtime,
        Adapter adapter,
        int memoryMb,
        Duration timeout,
        Map<String, Value> environment,
        boolean tracing,
        int logRetentionDays,
        boolean alarms,
        Map<String, String> tags,
        Architecture architecture,
        int retries,
        String deadLetter,
        List<Event> events,
        Map<String, List<Verb>> permissions) {

    public Function {
        environment = Maps.copy(environment);
        tags = Maps.copy(tags);
        events = Maps.copy(events);
        permissions = Maps.copy(permissions);
    }

    public boolean hasHttpEvent() {
        return events.stream().anyMatch(Event.Http.class::isInstance);
    }
}
