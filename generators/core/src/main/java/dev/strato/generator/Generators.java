package dev.strato.generator;

import dev.strato.model.providers.Provider;
import java.util.EnumMap;
import java.util.Map;
import java.util.ServiceLoader;

/** The generators installed on the class path, by provider. */
public final class Generators {

    private Generators() {}

    public static Map<Provider, Generator> installed() {
        return installed(Generators.class.getClassLoader());
    }

    public static Map<Provider, Generator> installed(ClassLoader loader) {
        Map<Provider, Generator> map = new EnumMap<>(Provider.class);
        for (Generator g : ServiceLoader.load(Generator.class, loader)) {
            Generator previous = map.putIfAbsent(g.provider(), g);
            if (previous != null) {
                throw new IllegalStateException("two generators for " + g.provider() + ": "
                        + previous.getClass().getName() + " and " + g.getClass().getName());
            }
        }
        return map;
    }
}
