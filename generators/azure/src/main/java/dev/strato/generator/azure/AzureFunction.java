package dev.strato.generator.azure;

import dev.strato.generator.GenerationException;
import dev.strato.generator.Warnings;
import dev.strato.model.service.BucketAction;
import dev.strato.model.service.Event;
import dev.strato.model.service.Function;
import dev.strato.model.service.Service;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One function of the Azure app. Azure binds exactly one trigger to a function, so a strato
 * function with several events becomes several Azure functions: the first keeps its name, the
 * next are {@code name-2}, {@code name-3}, ... A bucket event on both {@code created} and
 * {@code deleted} counts twice, since a blob trigger sees only new and changed blobs and
 * deletions come through an Event Grid trigger.
 *
 * @param action for bucket events, the one action this function handles
 */
record AzureFunction(String name, Function source, Event event, BucketAction action) {

    static List<AzureFunction> of(Service s, Warnings out) throws GenerationException {
        Map<String, AzureFunction> all = new LinkedHashMap<>();
        for (Function f : s.functions().values()) {
            if (f.events().isEmpty()) {
                out.warn("function " + f.name()
                        + " has no events: an Azure function needs a trigger, so it is left out of the app");
                continue;
            }
            List<AzureFunction> own = new ArrayList<>();
            for (Event e : f.events()) {
                if (e instanceof Event.Bucket b) {
                    for (BucketAction a : b.on()) own.add(new AzureFunction(null, f, e, a));
                } else {
                    own.add(new AzureFunction(null, f, e, null));
                }
            }
            for (int i = 0; i < own.size(); i++) {
                String name = i == 0 ? f.name() : f.name() + "-" + (i + 1);
                AzureFunction previous = all.putIfAbsent(
                        name,
                        new AzureFunction(
                                name, f, own.get(i).event(), own.get(i).action()));
                if (previous != null) {
                    throw new GenerationException("functions "
                            + previous.source().name() + " and " + f.name() + " both need the Azure function name "
                            + name + " (a function with several events gets name-2, name-3, ...): rename one");
                }
            }
        }
        return List.copyOf(all.values());
    }
}
