package dev.strato.model.yaml;

import java.util.Map;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * YAML 1.2 core schema, except that {@code <<} stays a plain key: strato merges it itself so
 * that a bad merge is reported at its place like any other problem instead of stopping the parse.
 */
final class StratoSchema implements Schema {

    private final CoreSchema core = new CoreSchema();
    private final ScalarResolver resolver = (value, implicit) -> {
        Tag tag = core.getScalarResolver().resolve(value, implicit);
        return tag.equals(Tag.MERGE) ? Tag.STR : tag;
    };

    @Override
    public ScalarResolver getScalarResolver() {
        return resolver;
    }

    @Override
    public Map<Tag, ConstructNode> getSchemaTagConstructors() {
        return core.getSchemaTagConstructors();
    }
}
