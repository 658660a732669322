package dev.strato.generator;

import dev.strato.model.service.Service;

/** The description a stack carries: the service's own, else one that names the service and stage. */
public final class ServiceDescription {

    private ServiceDescription() {}

    public static String of(Service service) {
        return service.description() != null
                ? service.description()
                : "strato service " + service.name() + " (" + service.stage() + ")";
    }
}
