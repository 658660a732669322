package dev.strato.model.service;

import java.util.List;

/**
 * A configuration value that generators render natively: plain text, a reference to a
 * generated resource, a secret, or text that mixes them.
 */
public sealed interface Value permits Value.Text, Value.Ref, Value.Secret, Value.Concat {

    /** How the value is written in strato.yml. */
    String source();

    String describe();

    default boolean isSymbolic() {
        return !(this instanceof Text);
    }

    record Text(String text) implements Value {
        @Override
        public String source() {
            return text.replace("${", "$${");
        }

        @Override
        public String describe() {
            return "text";
        }
    }

    /** {@code ${ref:RESOURCE.ATTR}} with ATTR one of name, id, url. */
    record Ref(String resource, String attribute) implements Value {
        @Override
        public String source() {
            return "${ref:" + resource + "." + attribute + "}";
        }

        @Override
        public String describe() {
            return "resource reference";
        }
    }

    /** {@code ${secret:NAME}}: the value never enters any artifact. */
    record Secret(String name) implements Value {
        @Override
        public String source() {
            return "${secret:" + name + "}";
        }

        @Override
        public String describe() {
            return "secret reference";
        }
    }

    /** Text with references inside, e.g. {@code https://${ref:site.name}/x}. */
    record Concat(List<Value> parts) implements Value {
        public Concat {
            parts = List.copyOf(parts);
        }

        @Override
        public String source() {
            StringBuilder b = new StringBuilder();
            parts.forEach(p -> b.append(p.source()));
            return b.toString();
        }

        @Override
        public String describe() {
            return "text with references";
        }
    }
}
