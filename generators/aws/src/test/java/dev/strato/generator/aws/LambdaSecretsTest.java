package dev.strato.generator.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.strato.generator.testing.Tools;
import dev.strato.model.providers.AwsFormat;
import dev.strato.model.service.Runtime;
import dev.strato.model.service.Service;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * {@code ${secret:}} on AWS end to end in real node and python3 processes: the generated package's
 * adapter reads each secret with GetSecretValue from a local stub of Secrets Manager's JSON API
 * (the request shape of https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_GetSecretValue.html),
 * once for several invocations, and again after the TTL, so the handler sees a rotated value.
 */
class LambdaSecretsTest {

    private static final String PROJECT = """
            service: secrets
            runtime: %s
            stage: test
            providers:
              aws: { region: us-east-1 }
            functions:
              api:
                handler: src/env.handle
                environment:
                  API_KEY: ${secret:payments-key}
                  DSN: "postgres://app:${secret:db-pass}@db.internal/app"
                  PLAIN: text
            """;
    private static final String ARN_PREFIX = "arn:aws:secretsmanager:us-east-1:123456789012:secret:";

    @TempDir
    Path dir;

    private HttpServer server;
    private final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startStub() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String auth = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
            if (!"secretsmanager.GetSecretValue".equals(target)) problems.add("target " + target);
            if (!auth.startsWith("AWS4-HMAC-SHA256 Credential=AKIDSTRATOTEST/")
                    || !auth.contains("/us-east-1/secretsmanager/aws4_request")) {
                problems.add("authorization " + auth);
            }
            if (!"session-token".equals(exchange.getRequestHeaders().getFirst("X-Amz-Security-Token")))
                problems.add("no session token");
            byte[] raw = exchange.getRequestBody().readAllBytes();
            String problem = SigV4.problem(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    exchange.getRequestHeaders(),
                    raw);
            if (problem != null) problems.add(problem);
            JsonNode body = LambdaInvoker.JSON.readTree(raw);
            String id = body.get("SecretId").asString();
            int n = reads.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            String name = id.substring(ARN_PREFIX.length());
            byte[] answer = LambdaInvoker.JSON.writeValueAsBytes(
                    Map.of("ARN", id + "-AbCdEf", "Name", name, "SecretString", name + "-v" + n, "VersionId", "v" + n));
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopStub() {
        server.stop(0);
    }

    @ParameterizedTest
    @EnumSource(
            value = Runtime.Language.class,
            names = {"NODE", "PYTHON"})
    void readsSecretsOnceThenAgainAfterTheTtl(Runtime.Language language) throws Exception {
        boolean node = language == Runtime.Language.NODE;
        Path project = dir.resolve("project");
        Files.createDirectories(project.resolve("src"));
        Files.writeString(project.resolve("strato.yml"), PROJECT.formatted(node ? "nodejs22" : "python3.12"));
        Files.writeString(
                project.resolve(node ? "src/env.mjs" : "src/env.py"),
                node
                        ? "export async function handle() { return { key: process.env.API_KEY, dsn: process.env.DSN, plain: process.env.PLAIN }; }\n"
                        : "import os\n\ndef handle(event, ctx):\n    return {'key': os.environ.get('API_KEY'), 'dsn': os.environ.get('DSN'), 'plain': os.environ.get('PLAIN')}\n");
        Service s = Examples.load(project.resolve("strato.yml"));
        LambdaPackage pkg = LambdaPackage.of(
                s, project, AwsFormat.CLOUDFORMATION, s.functions().get("api"), dir.resolve("pkg"));
        Map<String, Object> variables = variables(s);
        assertThat(variables).containsOnlyKeys("API_KEY_SECRET_ARN", "DSN_SECRET_TEMPLATE", "PLAIN", "STRATO_SECRETS");
        assertThat(variables.get("STRATO_SECRETS")).isEqualTo("API_KEY,DSN");

        Path driver = dir.resolve(node ? "driver.mjs" : "driver.py");
        Files.writeString(driver, node ? """
                import { pathToFileURL } from 'node:url';
                const [root, handler] = process.argv.slice(2);
                const dot = handler.lastIndexOf('.');
                const mod = await import(pathToFileURL(root + '/' + handler.slice(0, dot) + '.mjs').href);
                const context = { awsRequestId: 'r1', functionName: 'f', getRemainingTimeInMillis: () => 3000 };
                const out = [];
                out.push(await mod[handler.slice(dot + 1)]({}, context));
                out.push(await mod[handler.slice(dot + 1)]({}, context));
                await new Promise((r) => setTimeout(r, 1500));
                out.push(await mod[handler.slice(dot + 1)]({}, context));
                console.log(JSON.stringify(out));
                """ : """
                import importlib, json, sys, time
                root, handler = sys.argv[1:3]
                sys.path.insert(0, root)
                module, _, export = handler.rpartition('.')
                fn = getattr(importlib.import_module(module), export)
                class Context:
                    aws_request_id = 'r1'
                    function_name = 'f'
                    def get_remaining_time_in_millis(self):
                        return 3000
                out = [fn({}, Context()), fn({}, Context())]
                time.sleep(1.5)
                out.append(fn({}, Context()))
                print(json.dumps(out))
                """);
        ProcessBuilder pb = new ProcessBuilder(
                        Tools.require(node ? "node" : "python3").toString(),
                        driver.toString(),
                        pkg.root().toString(),
                        pkg.handler())
                .redirectErrorStream(false);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_"));
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", "AKIDSTRATOTEST");
        env.put("AWS_SECRET_ACCESS_KEY", "secret-key");
        env.put("AWS_SESSION_TOKEN", "session-token");
        env.put(
                "AWS_ENDPOINT_URL_SECRETS_MANAGER",
                "http://127.0.0.1:" + server.getAddress().getPort());
        env.put("STRATO_SECRET_TTL_SECONDS", "1");
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        // the template's values as CloudFormation resolves them in account 123456789012
        env.put("API_KEY_SECRET_ARN", ARN_PREFIX + "payments-key");
        env.put("DSN_SECRET_TEMPLATE", "postgres://app:{{secret:" + ARN_PREFIX + "db-pass}}@db.internal/app");
        env.put("PLAIN", "text");
        env.put("STRATO_SECRETS", "API_KEY,DSN");
        // a variable of the user's own that merely ends in _SECRET_ARN is not read
        env.put("OTHER_SECRET_ARN", ARN_PREFIX + "not-granted");
        Process p = pb.start();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(stderr).isZero();
        JsonNode out = LambdaInvoker.JSON.readTree(
                stdout.strip().lines().reduce((a, b) -> b).orElseThrow());

        assertThat(problems).isEmpty();
        assertThat(out.get(0))
                .isEqualTo(
                        LambdaInvoker.JSON.readTree(
                                "{\"key\": \"payments-key-v1\", \"dsn\": \"postgres://app:db-pass-v1@db.internal/app\", \"plain\": \"text\"}"));
        assertThat(out.get(1))
                .as("cached: no read on a warm invocation within the TTL")
                .isEqualTo(out.get(0));
        assertThat(out.get(2))
                .as("read again after the TTL: a rotation reaches the function")
                .isEqualTo(
                        LambdaInvoker.JSON.readTree(
                                "{\"key\": \"payments-key-v2\", \"dsn\": \"postgres://app:db-pass-v2@db.internal/app\", \"plain\": \"text\"}"));
        assertThat(reads).containsOnlyKeys(ARN_PREFIX + "payments-key", ARN_PREFIX + "db-pass");
        assertThat(reads.values()).allMatch(n -> n.get() == 2);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> variables(Service s) throws Exception {
        Map<String, Object> tree = AwsGenerator.build(
                        Examples.withFormat(s, AwsFormat.CLOUDFORMATION),
                        AwsFormat.CLOUDFORMATION,
                        AwsGenerator.packages(new dev.strato.generator.GenerationContext(s, Path.of("."))))
                .template()
                .tree();
        Map<String, Object> fn =
                (Map<String, Object>) ((Map<String, Object>) tree.get("Resources")).get(LogicalIds.function("api"));
        return (Map<String, Object>)
                ((Map<String, Object>) ((Map<String, Object>) fn.get("Properties")).get("Environment"))
                        .get("Variables");
    }

    /** Checks a request's Signature Version 4 as AWS does (https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html). */
    private static final class SigV4 {

        static String problem(String method, String path, com.sun.net.httpserver.Headers headers, byte[] body) {
            try {
                String auth = headers.getFirst("Authorization");
                java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                                "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})")
                        .matcher(String.valueOf(auth));
                if (!m.matches()) return "authorization " + auth;
                String date = headers.getFirst("X-Amz-Date");
                StringBuilder canonical = new StringBuilder(method)
                        .append('\n')
                        .append(path.isEmpty() ? "/" : path)
                        .append("\n\n");
                for (String h : m.group(5).split(";"))
                    canonical
                            .append(h)
                            .append(':')
                            .append(headers.getFirst(h).strip())
                            .append('\n');
                canonical.append('\n').append(m.group(5)).append('\n').append(hex(sha256(body)));
                String scope = m.group(2) + "/" + m.group(3) + "/" + m.group(4) + "/aws4_request";
                String toSign = "AWS4-HMAC-SHA256\n" + date + "\n" + scope + "\n"
                        + hex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
                byte[] key = ("AWS4" + "secret-key").getBytes(StandardCharsets.UTF_8);
                for (String part : new String[] {m.group(2), m.group(3), m.group(4), "aws4_request"})
                    key = hmac(key, part);
                String expected = hex(hmac(key, toSign));
                if (!m.group(5).contains("host") || !m.group(5).contains("x-amz-date"))
                    return "signed headers " + m.group(5);
                return expected.equals(m.group(6))
                        ? null
                        : "signature " + m.group(6) + " is not " + expected + " for\n" + canonical;
            } catch (java.security.GeneralSecurityException e) {
                return e.toString();
            }
        }

        private static byte[] sha256(byte[] data) throws java.security.GeneralSecurityException {
            return java.security.MessageDigest.getInstance("SHA-256").digest(data);
        }

        private static byte[] hmac(byte[] key, String data) throws java.security.GeneralSecurityException {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        }

        private static String hex(byte[] bytes) {
            return java.util.HexFormat.of().formatHex(bytes);
        }
    }
}
