package dev.strato.generator.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strato.generator.StackGenerator;
import java.util.List;

/** The parts every cloud generator has under the same names (see {@link StackGenerator}). */
public final class GeneratorShape {

    public static final List<String> ROLES = List.of(
            "StackBuilder", "StackBuilder$Stack", "StackLimits", "DataResources", "ResourceRefs", "EntryModules");

    private GeneratorShape() {}

    /** Fails unless {@code generator} follows the one flow and its package has every role class. */
    public static void assertShape(Class<?> generator) {
        assertThat(StackGenerator.class).isAssignableFrom(generator);
        String pkg = generator.getPackageName();
        for (String role : ROLES) {
            try {
                Class.forName(pkg + "." + role, false, generator.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new AssertionError(generator.getSimpleName() + " has no " + role + " beside it in " + pkg, e);
            }
        }
    }
}
