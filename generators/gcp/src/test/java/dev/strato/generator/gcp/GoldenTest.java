package dev.strato.generator.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strato.generator.OutputTree;
import dev.strato.generator.packaging.Packager;
import dev.strato.generator.testing.Golden;
import dev.strato.model.providers.GcpGateway;
import dev.strato.model.service.Service;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every generated file of every example, and with API Gateway for those with routes, against golden/<example>/<gateway>/. */
class GoldenTest {

    @TestFactory
    Stream<DynamicTest> everyExample() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String example : Examples.names()) {
            Service service = Examples.load(example);
            for (GcpGateway gateway : GcpGateway.values()) {
                if (gateway == GcpGateway.API_GATEWAY && !Examples.hasRoutes(service)) continue;
                tests.add(DynamicTest.dynamicTest(example + " " + gateway, () -> {
                    OutputTree out = Examples.generate(Examples.withGateway(service, gateway), Examples.dir(example));
                    String dir = example + "/" + gateway.id() + "/";
                    StringBuilder artifacts = new StringBuilder();
                    for (Map.Entry<String, byte[]> e : out.files().entrySet()) {
                        if (e.getKey().startsWith(SourceArchives.ARTIFACTS)) {
                            artifacts
                                    .append(e.getKey())
                                    .append(' ')
                                    .append(Packager.sha256(e.getValue()))
                                    .append('\n');
                        } else {
                            Golden.check(dir + e.getKey(), new String(e.getValue(), StandardCharsets.UTF_8));
                        }
                    }
                    Golden.check(dir + "artifacts.txt", artifacts.toString());
                    assertThat(out.files()).containsKeys(GcpGenerator.CONFIGURATION, GcpGenerator.README);
                    assertThat(out.files().containsKey(OpenApiDocument.FILE))
                            .isEqualTo(gateway == GcpGateway.API_GATEWAY);
                }));
            }
        }
        return tests.stream();
    }
}
