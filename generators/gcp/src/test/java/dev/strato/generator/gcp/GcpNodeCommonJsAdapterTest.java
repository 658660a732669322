package dev.strato.generator.gcp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The same, for a CommonJS project: its index.js loads the ES module adapter with import(). */
class GcpNodeCommonJsAdapterTest extends GcpNodeAdapterTest {

    @Override
    void writeStub(Path project) throws IOException {
        Files.writeString(project.resolve("package.json"), "{\"name\": \"adapter-test\", \"private\": true}\n");
        RecordingStubs.node(project.resolve("src/stub.js"), FUNCTIONS, false);
    }
}
