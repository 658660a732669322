package dev.strato.model.validate;

import dev.strato.model.providers.Provider;
import dev.strato.model.support.Names;
import java.nio.file.FileSystems;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.PatternSyntaxException;

/** Service-wide rules: stage, providers in force, names that would collide once generated, package globs. */
final class ServiceChecks {

    private final Context c;

    ServiceChecks(Context c) {
        this.c = c;
    }

    void run() {
        for (Provider p : c.providers()) {
            if (!c.service().providers().has(p)) {
                c.error("providers", "validating for " + p + ", but the file has no providers." + p + " block");
            }
        }
        collisions("functions", List.copyOf(c.service().functions().keySet()));
        collisions("resources", List.copyOf(c.service().resources().keySet()));
        globs("package.include", c.service().packaging().include());
        globs("package.exclude", c.service().packaging().exclude());
    }

    /** Generated names are lower-case kebab: {@code userData} and {@code user-data} would clash. */
    private void collisions(String section, List<String> names) {
        Map<String, String> seen = new HashMap<>();
        for (String name : names) {
            String generated = Names.kebab(name);
            String other = seen.putIfAbsent(generated, name);
            if (other != null) {
                c.errorAtKey(
                        section + "." + name,
                        "name '" + name + "' clashes with '" + other + "': both become '" + generated
                                + "' in generated resources");
            }
        }
    }

    private void globs(String path, List<String> patterns) {
        for (int i = 0; i < patterns.size(); i++) {
            String p = patterns.get(i);
            if (p.startsWith("/") || p.contains("..")) {
                c.error(
                        path + "[" + i + "]",
                        "pattern '" + p + "' must be relative to the project folder and stay inside it");
                continue;
            }
            try {
                FileSystems.getDefault().getPathMatcher("glob:" + p);
            } catch (PatternSyntaxException e) {
                c.error(path + "[" + i + "]", "invalid glob '" + p + "': " + e.getDescription());
            }
        }
    }
}
