package dev.strato.generator.azure;

import dev.strato.generator.GenerationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The app settings, one value per name. They belong to the app, so every function sees every
 * function's environment: two functions that give one variable two values cannot both be right,
 * and generation stops rather than pick one.
 */
final class AppSettings {

    private record Setting(ArmValue value, String setBy) {}

    private final Map<String, Setting> settings = new LinkedHashMap<>();

    /** A setting of strato's own (host wiring, trigger connections). */
    void put(String name, ArmValue value) {
        settings.putIfAbsent(name, new Setting(value, null));
    }

    void put(String name, String text) {
        put(name, ArmValue.text(text));
    }

    /** A variable of function {@code function}'s environment. */
    void environment(String name, ArmValue value, String function) throws GenerationException {
        Setting previous = settings.putIfAbsent(name, new Setting(value, function));
        if (previous != null && !previous.value().equals(value)) {
            throw new GenerationException(
                    "environment variable " + name + " differs between functions " + previous.setBy() + " and "
                            + function
                            + ": the functions of an Azure app share one set of app settings; give it one value or use two names");
        }
    }

    List<Object> tree() {
        List<Object> list = new ArrayList<>();
        settings.forEach(
                (name, s) -> list.add(Arm.map("name", name, "value", s.value().json())));
        return list;
    }
}
