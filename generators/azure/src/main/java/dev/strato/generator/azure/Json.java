package dev.strato.generator.azure;

import java.nio.charset.StandardCharsets;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/** JSON as Azure's own files look: two-space indents, {@code "key": value}, one value per line, a final newline, the same bytes on every OS. */
final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final ObjectWriter PRETTY;

    static {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators)
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        PRETTY = MAPPER.writer().with(printer);
    }

    private Json() {}

    static byte[] pretty(Object tree) {
        return (PRETTY.writeValueAsString(tree) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static String compact(Object value) {
        return MAPPER.writeValueAsString(value);
    }
}
