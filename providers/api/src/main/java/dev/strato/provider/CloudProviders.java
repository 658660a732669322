package dev.strato.provider;

import dev.strato.model.providers.Provider;
import java.util.EnumMap;
import java.util.Map;
import java.util.ServiceLoader;

/** The cloud providers installed on the class path, by provider. */
public final class CloudProviders {

    private CloudProviders() {}

    public static Map<Provider, CloudProvider> installed() {
        Map<Provider, CloudProvider> map = new EnumMap<>(Provider.class);
        for (CloudProvider p : ServiceLoader.load(CloudProvider.class, CloudProviders.class.getClassLoader()))
            map.putIfAbsent(p.provider(), p);
        return map;
    }
}
