package dev.strato.importer;

import dev.strato.model.service.Runtime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** AWS Lambda runtime ids to strato's; an old runtime becomes the oldest strato one of its language, with a note. */
final class Runtimes {

    /** @param runtime strato's id, or null when strato has no runtime of that language; @param note why it differs, or null */
    record Converted(String runtime, String note) {}

    private static final Pattern NODE = Pattern.compile("nodejs(\\d+)(\\.x)?");
    private static final Pattern PYTHON = Pattern.compile("python(\\d)\\.(\\d+)");
    private static final Pattern JAVA = Pattern.compile("java(\\d+)(\\.al2)?");
    private static final Pattern DOTNET = Pattern.compile("dotnet(core)?(\\d+)(\\.\\d+)?");

    private Runtimes() {}

    static Converted convert(String aws) {
        String id = aws.strip();
        Matcher m;
        if ((m = NODE.matcher(id)).matches()) return pick("nodejs" + m.group(1), Runtime.NODEJS22, id);
        if ((m = PYTHON.matcher(id)).matches())
            return pick("python" + m.group(1) + "." + m.group(2), Runtime.PYTHON312, id);
        if ((m = JAVA.matcher(id)).matches()) return pick("java" + m.group(1), Runtime.JAVA21, id);
        if ((m = DOTNET.matcher(id)).matches()) return pick("dotnet" + m.group(2), Runtime.DOTNET8, id);
        if (id.equals("go1.x")) return new Converted(Runtime.GO.id(), null);
        if (id.startsWith("provided")) {
            return new Converted(
                    Runtime.GO.id(),
                    "custom runtime " + id
                            + " imported as go (strato's custom-runtime id); other languages need porting");
        }
        if (Runtime.byId(id).isPresent()) return new Converted(id, null);
        return new Converted(null, null);
    }

    private static Converted pick(String candidate, Runtime oldest, String aws) {
        if (Runtime.byId(candidate).isPresent()) return new Converted(candidate, null);
        return new Converted(
                oldest.id(),
                aws + " is not a strato runtime (strato has "
                        + String.join(
                                ", ",
                                Runtime.ids().stream()
                                        .filter(r ->
                                                Runtime.byId(r).orElseThrow().language() == oldest.language())
                                        .toList())
                        + "): imported as " + oldest.id()
                        + "; test the code on it");
    }
}
