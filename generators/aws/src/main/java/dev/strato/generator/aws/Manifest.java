package dev.strato.generator.aws;

import dev.strato.generator.packaging.Artifact;
import dev.strato.generator.packaging.Packager;
import dev.strato.generator.packaging.Packages;
import dev.strato.model.providers.AwsFormat;
import dev.strato.model.service.Function;
import dev.strato.model.service.Service;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code manifest.json}: what deploy needs without reading the template: the stack, its
 * capabilities and parameters, each package with its S3 key and hash (to skip unchanged uploads),
 * and the generated names.
 */
final class Manifest {

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private Manifest() {}

    static byte[] of(StackBuilder.Stack stack, List<String> warnings) {
        Service service = stack.service();
        AwsFormat format = stack.format();
        Packages packages = stack.packages();
        byte[] body = stack.body();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service", service.name());
        m.put("stage", service.stage());
        m.put("region", service.providers().aws().region());
        m.put("format", format.id());
        m.put("stackName", stack.names().stack());
        m.put(
                "template",
                Cfn.map(
                        "file",
                        AwsGenerator.TEMPLATE,
                        "bytes",
                        body.length,
                        "sha256",
                        Packager.sha256(body),
                        "uploadToS3",
                        body.length > StackLimits.INLINE_BODY_BYTES));
        m.put(
                "capabilities",
                format == AwsFormat.SAM
                        ? List.of("CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND")
                        : List.of("CAPABILITY_IAM"));
        m.put("resourceCount", stack.template().resourceCount());
        Map<String, Object> parameters = new LinkedHashMap<>();
        stack.template().parameters().forEach((id, def) -> parameters.put(id, ((Map<?, ?>) def).get("Default")));
        m.put("parameters", parameters);
        List<Object> artifacts = new ArrayList<>();
        for (Artifact a : packages.distinct()) {
            List<String> functions = service.functions().keySet().stream()
                    .filter(f -> packages.of(f).fileName().equals(a.fileName()))
                    .toList();
            artifacts.add(Cfn.map(
                    "file",
                    AwsGenerator.ARTIFACTS + a.fileName(),
                    "key",
                    AwsGenerator.ARTIFACTS + a.fileName(),
                    "sha256",
                    a.sha256(),
                    "bytes",
                    a.size(),
                    "files",
                    a.entries().size(),
                    "functions",
                    functions));
        }
        m.put("artifacts", artifacts);
        Map<String, Object> functions = new LinkedHashMap<>();
        TreeSet<String> secrets = new TreeSet<>();
        for (Function f : service.functions().values()) {
            functions.put(
                    f.name(),
                    Cfn.map(
                            "name",
                            stack.names().function(f.name()),
                            "logicalId",
                            LogicalIds.function(f.name()),
                            "logGroup",
                            stack.names().logGroup(f.name()),
                            "artifact",
                            AwsGenerator.ARTIFACTS + packages.of(f.name()).fileName()));
            f.environment().values().forEach(v -> FunctionResources.collectSecrets(v, secrets));
        }
        m.put("functions", functions);
        Map<String, Object> resources = new LinkedHashMap<>();
        service.resources()
                .forEach((name, r) -> resources.put(
                        name,
                        Cfn.map(
                                "type",
                                r.type(),
                                "logicalId",
                                LogicalIds.resource(name, r.type()),
                                "name",
                                physicalName(stack.names(), name, r.type()))));
        m.put("resources", resources);
        m.put(
                "routes",
                stack.api().routes().stream()
                        .map(r -> (Object) Cfn.map(
                                "method",
                                r.method().id(),
                                "path",
                                r.path(),
                                "function",
                                r.function().name()))
                        .toList());
        m.put("secrets", List.copyOf(secrets));
        m.put("warnings", List.copyOf(warnings));
        return (JSON.writeValueAsString(m) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String physicalName(AwsNames names, String name, String type) {
        return switch (type) {
            case "table" -> names.table(name);
            case "queue" -> names.queue(name);
            case "topic" -> names.topic(name);
            default -> names.bucket(name);
        };
    }
}
