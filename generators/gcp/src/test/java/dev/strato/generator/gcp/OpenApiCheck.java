package dev.strato.generator.gcp;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the generated OpenAPI 2 document as Terraform's {@code templatefile} and then API Gateway
 * would: every placeholder must be a variable the configuration passes, and the filled-in document
 * must parse without a message with swagger-parser (its OpenAPI 2 reader).
 */
final class OpenApiCheck {

    private static final Pattern PLACEHOLDER = Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Pattern VARIABLE = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*) = ");

    private OpenApiCheck() {}

    /** The templatefile variables an api_config's contents expression passes. */
    static Set<String> variables(String contentsExpression) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = VARIABLE.matcher(contentsExpression);
        while (m.find()) names.add(m.group(1));
        return names;
    }

    static Set<String> placeholders(String document) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(document);
        while (m.find()) names.add(m.group(1));
        return names;
    }

    /** The document as templatefile renders it with sample values: placeholders filled, {@code $${} unescaped. */
    static String filled(String document) {
        String text = PLACEHOLDER
                .matcher(document)
                .replaceAll(m -> m.group(1).equals(OpenApiDocument.MANAGED_SERVICE)
                        ? "strato-0123456789abc.apigateway.acme-orders.cloud.goog"
                        : "https://" + m.group(1).replace('_', '-') + "-x7q2kd3nqa-ew.a.run.app");
        return text.replace("$${", "${").replace("%%{", "%{");
    }

    /** swagger-parser's messages for the filled-in document, and a problem if it read no API. */
    static List<String> problems(String document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult r = new OpenAPIParser().readContents(filled(document), null, options);
        List<String> problems = new ArrayList<>(r.getMessages() == null ? List.of() : r.getMessages());
        if (r.getOpenAPI() == null) problems.add("swagger-parser read no API");
        return problems;
    }
}
