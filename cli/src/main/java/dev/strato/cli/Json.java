package dev.strato.cli;

import java.io.PrintWriter;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** JSON output; Jackson is loaded only when a command prints JSON, to keep start-up light. */
final class Json {

    private static final class Holder {
        static final ObjectMapper MAPPER =
                JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        static final ObjectMapper COMPACT = JsonMapper.builder().build();
    }

    private Json() {}

    /** One compact line (for streams such as logs). */
    static String line(Object tree) {
        return Holder.COMPACT.writeValueAsString(tree);
    }

    static void print(PrintWriter out, Object tree) {
        out.println(Holder.MAPPER.writeValueAsString(tree));
        out.flush();
    }
}
