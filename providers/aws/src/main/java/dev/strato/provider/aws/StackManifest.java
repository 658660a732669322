package dev.strato.provider.aws;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** The AWS generator's manifest.json: what deploy needs to know about the template and packages. */
record StackManifest(
        String stackName,
        String templateFile,
        String templateSha256,
        boolean uploadTemplate,
        List<String> capabilities,
        Map<String, String> parameters,
        List<Artifact> artifacts,
        Map<String, FunctionRef> functions) {

    record Artifact(String file, String key, long bytes) {}

    record FunctionRef(String name, String logicalId, String logGroup) {}

    @SuppressWarnings("unchecked")
    static StackManifest parse(byte[] json) {
        Map<String, Object> m = JsonMapper.builder().build().readValue(json, Map.class);
        Map<String, Object> template = (Map<String, Object>) m.get("template");
        Map<String, String> parameters = new LinkedHashMap<>();
        ((Map<String, Object>) m.getOrDefault("parameters", Map.of()))
                .forEach((k, v) -> parameters.put(k, v == null ? null : v.toString()));
        List<Artifact> artifacts = new ArrayList<>();
        for (Map<String, Object> a : (List<Map<String, Object>>) m.getOrDefault("artifacts", List.of())) {
            artifacts.add(
                    new Artifact((String) a.get("file"), (String) a.get("key"), ((Number) a.get("bytes")).longValue()));
        }
        Map<String, FunctionRef> functions = new LinkedHashMap<>();
        ((Map<String, Map<String, Object>>) m.getOrDefault("functions", Map.of()))
                .forEach((name, f) -> functions.put(
                        name, new FunctionRef((String) f.get("name"), (String) f.get("logicalId"), (String)
                                f.get("logGroup"))));
        return new StackManifest(
                (String) m.get("stackName"),
                (String) template.get("file"),
                (String) template.get("sha256"),
                Boolean.TRUE.equals(template.get("uploadToS3")),
                (List<String>) m.getOrDefault("capabilities", List.of()),
                parameters,
                artifacts,
                functions);
    }
}
