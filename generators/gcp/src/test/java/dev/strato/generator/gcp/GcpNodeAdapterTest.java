package dev.strato.generator.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The Node.js GCP adapter served by the real Functions Framework for Node.js. */
class GcpNodeAdapterTest extends GcpAdapterContract {

    @Override
    String runtime() {
        return "nodejs22";
    }

    @Override
    FunctionHost host(Path work) throws IOException {
        return new NodeFrameworkHost(work);
    }

    /** The Node.js framework parses JSON bodies before any function runs: its 400 (no stack in production) and its log line. */
    @Override
    void assertMalformedJson(HostResponse r) {
        assertThat(r.text()).contains("Bad Request");
        assertThat(r.log()).contains("SyntaxError").contains("entity.parse.failed");
    }

    @Override
    void writeStub(Path project) throws IOException {
        Files.writeString(
                project.resolve("package.json"),
                "{\"name\": \"adapter-test\", \"private\": true, \"type\": \"module\"}\n");
        RecordingStubs.node(project.resolve("src/stub.js"), FUNCTIONS, true);
    }
}
