package dev.strato.provider;

import java.net.URI;
import java.util.Map;

/**
 * Where and as whom to connect: explicit choices (each may be null) and the process environment,
 * injected so that in-process runs see the variables the command was given. {@code project} is the
 * Google Cloud project (--project); clouds without projects ignore it.
 */
public record Connection(String region, String profile, URI endpoint, Map<String, String> environment, String project) {

    public Connection {
        environment = Map.copyOf(environment);
    }

    public Connection(String region, String profile, URI endpoint, Map<String, String> environment) {
        this(region, profile, endpoint, environment, null);
    }
}
