package dev.strato.generator.gcp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The Python GCP adapter, called as the Python Functions Framework calls functions (see gcp_framework.py). */
class GcpPythonAdapterTest extends GcpAdapterContract {

    @Override
    String runtime() {
        return "python3.12";
    }

    @Override
    FunctionHost host(Path work) throws IOException {
        return new PythonFrameworkHost(work);
    }

    @Override
    void writeStub(Path project) throws IOException {
        Files.createDirectories(project.resolve("src"));
        Files.writeString(project.resolve("src/__init__.py"), "");
        RecordingStubs.python(project.resolve("src/stub.py"), FUNCTIONS);
    }
}
