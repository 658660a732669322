package dev.strato.generator.gcp;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON Schema of hashicorp/google 6.50.0 for whole {@code *.tf.json} files (test resources,
 * copied from shared/schemas/gcp with its README), loaded once. The API Gateway resources exist
 * only in google-beta, which the schema does not cover: they are checked apart (the reference
 * check, the OpenAPI parser) and left out here.
 */
final class ProviderSchema {

    static final String RESOURCE = "/schema/google-6.50.0.tf-json.schema.json";
    static final Set<String> BETA_TYPES = Set.of(Types.API, Types.API_CONFIG, Types.GATEWAY);
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNode SCHEMA_NODE = read();
    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(SCHEMA_NODE);

    private ProviderSchema() {}

    private static JsonNode read() {
        try (InputStream in = ProviderSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing");
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema itself, for the reference check's attribute look-ups. */
    static JsonNode node() {
        return SCHEMA_NODE;
    }

    /** Each error as {@code path: message}; none for a valid configuration. */
    static List<String> validate(String configuration) {
        return validate(JSON.readTree(configuration));
    }

    static List<String> validate(JsonNode configuration) {
        JsonNode google = withoutBeta(configuration);
        return SCHEMA.validate(google).stream().map(Error::toString).toList();
    }

    /** The configuration without what belongs to the google-beta provider. */
    static JsonNode withoutBeta(JsonNode configuration) {
        ObjectNode copy = (ObjectNode) configuration.deepCopy();
        if (copy.get("provider") instanceof ObjectNode providers) providers.remove(ApiGateway.BETA);
        if (copy.get("resource") instanceof ObjectNode resources) BETA_TYPES.forEach(resources::remove);
        return copy;
    }
}
