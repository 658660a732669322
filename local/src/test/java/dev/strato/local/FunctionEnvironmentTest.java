package dev.strato.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strato.model.service.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FunctionEnvironmentTest {

    @Test
    void refsBecomeLogicalNamesAndSecretsComeFromTheUsersEnvironment() {
        Map<String, Value> env = new LinkedHashMap<>();
        env.put("PLAIN", new Value.Text("x"));
        env.put("TABLE", new Value.Ref("orders", "name"));
        env.put(
                "URL",
                new Value.Concat(
                        List.of(new Value.Text("https://"), new Value.Ref("site", "url"), new Value.Text("/a"))));
        env.put("KEY", new Value.Secret("payments-api-key"));
        env.put("TOKEN", new Value.Secret("TOKEN"));
        env.put("DSN", new Value.Concat(List.of(new Value.Text("db://"), new Value.Secret("db-password"))));
        List<String> warnings = new ArrayList<>();
        Map<String, String> resolved = FunctionEnvironment.resolve(
                TestFunctions.withEnvironment(env), Map.of("PAYMENTS_API_KEY", "k1", "TOKEN", "t1"), warnings::add);
        assertThat(resolved)
                .containsExactly(
                        Map.entry("PLAIN", "x"),
                        Map.entry("TABLE", "orders"),
                        Map.entry("URL", "https://site/a"),
                        Map.entry("KEY", "k1"),
                        Map.entry("TOKEN", "t1"));
        assertThat(warnings)
                .containsExactly(
                        "DSN is not set: db://${secret:db-password} needs a secret; set db-password or DB_PASSWORD in your environment");
    }
}
