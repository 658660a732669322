package dev.strato.generator.azure;

import dev.strato.generator.OutputTree;
import dev.strato.generator.packaging.Packager;
import dev.strato.generator.testing.Golden;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An example's output against src/test/resources/golden/&lt;example&gt;/: the template and every
 * generated JSON file and adapter entry module as text, the copied handler files and app.zip as one sha256 line each in
 * files.txt. {@code -Dstrato.golden.update=true} rewrites them.
 */
final class ExampleGolden {

    static final String HASHES = "files.txt";

    private ExampleGolden() {}

    static void check(String example, OutputTree out) throws IOException {
        StringBuilder hashes = new StringBuilder();
        for (Map.Entry<String, byte[]> e : out.files().entrySet()) {
            String path = e.getKey();
            if (path.equals(AzureGenerator.TEMPLATE)
                    || path.endsWith("/" + AppPackage.FUNCTION_JSON)
                    || path.equals(AppPackage.DIR + AppPackage.HOST_JSON)
                    || path.equals(AppPackage.DIR + EntryModules.NODE_ENTRY)
                    || path.equals(AppPackage.DIR + EntryModules.PYTHON_ENTRY)) {
                Golden.check(example + "/" + path, new String(e.getValue(), StandardCharsets.UTF_8));
            } else {
                hashes.append(path)
                        .append(' ')
                        .append(Packager.sha256(e.getValue()))
                        .append('\n');
            }
        }
        Golden.check(example + "/" + HASHES, hashes.toString());
    }
}
