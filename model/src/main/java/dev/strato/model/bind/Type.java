package dev.strato.model.bind;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The type of a value in strato.yml: drives both reading (binding) and {@code strato schema}. */
public sealed interface Type {

    /** For messages: "expected <describe>". */
    String describe();

    record Text(Pattern pattern, String rule) implements Type {
        public static final Text ANY = new Text(null, null);

        public static Text matching(String regex, String rule) {
            return new Text(Pattern.compile(regex), rule);
        }

        @Override
        public String describe() {
            return "a string";
        }
    }

    record Int(long min, long max) implements Type {
        @Override
        public String describe() {
            return "an integer";
        }
    }

    record Bool() implements Type {
        @Override
        public String describe() {
            return "true or false";
        }
    }

    record Choice(List<String> values) implements Type {
        @Override
        public String describe() {
            return "one of " + String.join(", ", values);
        }
    }

    /** {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 14d} or integer seconds. */
    record Duration() implements Type {
        @Override
        public String describe() {
            return "a duration such as 500ms, 30s, 5m, 1h, 14d (or integer seconds)";
        }
    }

    /** Megabytes: {@code 512}, {@code 512MB}, {@code 2GB}. */
    record SizeMb() implements Type {
        @Override
        public String describe() {
            return "a size in MB such as 512, 512MB or 2GB";
        }
    }

    record ListOf(Type item) implements Type {
        @Override
        public String describe() {
            return "a list";
        }
    }

    /** {@code minEntries} > 0 makes an empty map an error, naming an entry {@code entryName}. */
    record MapOf(Type value, Pattern keyPattern, String keyRule, int minEntries, String entryName) implements Type {
        public MapOf(Type value, Pattern keyPattern, String keyRule) {
            this(value, keyPattern, keyRule, 0, null);
        }

        @Override
        public String describe() {
            return "a map";
        }
    }

    record Obj(Shape shape) implements Type {
        @Override
        public String describe() {
            return "a map";
        }
    }

    /** A short string form or a long map form (events, cors, auth, table keys). */
    record Either(Type shortForm, Type longForm) implements Type {
        @Override
        public String describe() {
            return shortForm.describe() + " or " + longForm.describe();
        }
    }

    /** Maps whose {@code type} key selects the shape (resources). */
    record Tagged(String tagField, Map<String, Shape> shapes) implements Type {
        @Override
        public String describe() {
            return "a map with a '" + tagField + "'";
        }
    }

    /** Any YAML value (schedule input). */
    record Any() implements Type {
        @Override
        public String describe() {
            return "any value";
        }
    }
}
