package dev.strato.generator.aws;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.representer.StandardRepresenter;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Writes a template tree as YAML with CloudFormation's short tags ({@code !Ref}, {@code !GetAtt
 * A.Arn}, {@code !Sub}): a map with a single {@code Ref} or {@code Fn::*} key becomes a tagged node,
 * unless its argument is itself a function (YAML gives a node one tag only). Strings that a YAML
 * 1.1 reader would take for something else ({@code OFF}, {@code yes}, {@code 2012-10-17}) are
 * quoted: CloudFormation and cfn-lint read templates as YAML 1.1.
 */
final class TemplateYaml {

    private static final DumpSettings SETTINGS = DumpSettings.builder()
            .setSchema(new Yaml11Quoting())
            .setDefaultFlowStyle(FlowStyle.BLOCK)
            .setIndent(2)
            .setIndicatorIndent(2)
            .setIndentWithIndicator(true)
            .setWidth(4096)
            .setSplitLines(false)
            .setDereferenceAliases(true)
            .build();

    private TemplateYaml() {}

    static String write(Map<String, Object> tree) {
        return new Dump(SETTINGS, new Representer()).dumpToString(tree);
    }

    private static final class Representer extends StandardRepresenter {

        Representer() {
            super(SETTINGS);
            parentClassRepresenters.put(Map.class, this::map);
        }

        private Node map(Object data) {
            Map<?, ?> m = (Map<?, ?>) data;
            if (m.size() == 1) {
                Map.Entry<?, ?> e = m.entrySet().iterator().next();
                String key = String.valueOf(e.getKey());
                if ((key.equals("Ref") || key.startsWith("Fn::")) && !isFunction(e.getValue())) {
                    Object argument = e.getValue();
                    if (key.equals("Fn::GetAtt") && argument instanceof List<?> l && l.size() == 2)
                        argument = l.get(0) + "." + l.get(1);
                    Node node = representData(argument);
                    node.setTag(new Tag("!" + (key.equals("Ref") ? "Ref" : key.substring(4))));
                    return node;
                }
            }
            return representMapping(getTag(data.getClass(), Tag.MAP), m, FlowStyle.BLOCK);
        }

        private static boolean isFunction(Object value) {
            return value instanceof Map<?, ?> m
                    && m.size() == 1
                    && m.keySet().stream().map(String::valueOf).anyMatch(k -> k.equals("Ref") || k.startsWith("Fn::"));
        }
    }

    /** The core schema's resolver, plus the YAML 1.1 spellings of booleans, numbers, timestamps and null. */
    private static final class Yaml11Quoting extends CoreSchema {

        private static final Pattern YAML11_NOT_STRING = Pattern.compile(
                "y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|~|null|Null|NULL|"
                        + "[-+]?(?:0b[01_]+|0[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*(?::[0-5]?[0-9])*|[0-9][0-9_]*\\.[0-9_]*(?:[eE][-+]?[0-9]+)?"
                        + "|\\.[0-9_]+(?:[eE][-+]?[0-9]+)?|\\.(?:inf|Inf|INF))|\\.(?:nan|NaN|NAN)|"
                        + "[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \\t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]*)?(?:[ \\t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?");

        @Override
        public ScalarResolver getScalarResolver() {
            ScalarResolver core = super.getScalarResolver();
            return (value, implicit) -> {
                Tag tag = core.resolve(value, implicit);
                return tag.equals(Tag.STR)
                                && implicit
                                && YAML11_NOT_STRING.matcher(value).matches()
                        ? Tag.BOOL
                        : tag;
            };
        }
    }
}
