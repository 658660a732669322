package dev.strato.model.service;

import dev.strato.model.providers.Providers;
import dev.strato.model.support.Maps;
import java.util.Map;

/** A whole service: what strato.yml says after variables, defaults and validation. */
public record Service(
        String name,
        String description,
        String stage,
        Runtime runtime,
        Adapter adapter,
        Providers providers,
        PackageSpec packaging,
        Map<String, Function> functions,
        Map<String, Resource> resources) {

    public Service {
        functions = Maps.copy(functions);
        resources = Maps.copy(resources);
    }
}
