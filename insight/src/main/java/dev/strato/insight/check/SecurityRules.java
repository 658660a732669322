package dev.strato.insight.check;

import dev.strato.model.service.AuthKind;
import dev.strato.model.service.Event;
import dev.strato.model.service.Function;
import dev.strato.model.service.Resource;
import dev.strato.model.service.Value;
import dev.strato.model.service.Verb;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Who can call what, and what a leaked file would give away. */
final class SecurityRules {

    private SecurityRules() {}

    /** Variable names that say they hold a credential. */
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(SECRET|PASSWORD|PASSWD|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIAL|CONNECTION_?STRING).*");
    /** Values that look like a credential whatever their name: cloud keys, PEM keys, well-known token prefixes. */
    private static final Pattern SECRET_VALUE = Pattern.compile(
            "(AKIA|ASIA)[0-9A-Z]{16}|-----BEGIN [A-Z ]*PRIVATE KEY-----|gh[pousr]_[A-Za-z0-9]{36}|xox[abpr]-[A-Za-z0-9-]{10,}|sk_live_[A-Za-z0-9]{16,}|AIza[0-9A-Za-z_-]{35}|AccountKey=[A-Za-z0-9+/=]{20,}");

    static final List<Rule> ALL = List.of(
            new Rule(
                    "secret-literal-in-environment",
                    Level.ERROR,
                    "Secret-looking literal in environment",
                    "A literal in strato.yml ends up in version control, in the generated templates and in the cloud console of everyone who can read the function.",
                    "Store it as a secret and write ${secret:NAME} instead.",
                    "https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html",
                    List.of(),
                    SecurityRules::secretLiteral),
            new Rule(
                    "public-route-writes",
                    Level.WARNING,
                    "Unauthenticated HTTP route that writes data",
                    "Anyone on the internet can call the route, and the function may write or delete stored data.",
                    "Set auth: jwt (or key) on the route, or make sure the handler validates and rate-limits what it writes.",
                    "https://owasp.org/API-Security/editions/2023/en/0xa2-broken-authentication/",
                    List.of(),
                    SecurityRules::publicWrites),
            new Rule(
                    "cors-any-origin",
                    Level.NOTE,
                    "CORS allows any origin",
                    "Any web page can call the route from its visitors' browsers; fine for a public API, not for an app's own backend.",
                    "List the origins of your front ends under cors.origins.",
                    "https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS",
                    List.of(),
                    SecurityRules::corsAnyOrigin),
            new Rule(
                    "broad-permissions",
                    Level.NOTE,
                    "Function holds every verb on a resource",
                    "Least privilege: a function that reads and writes and deletes rarely needs all three.",
                    "Drop the verbs the handler does not use.",
                    "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
                    List.of(),
                    SecurityRules::broadPermissions));

    private static void secretLiteral(Subject s, Report r) {
        for (Function f : s.functions().values()) {
            for (Map.Entry<String, Value> e : f.environment().entrySet()) {
                if (!(e.getValue() instanceof Value.Text t) || t.text().isBlank()) continue;
                boolean byValue = SECRET_VALUE.matcher(t.text()).find();
                boolean byName = SECRET_NAME.matcher(e.getKey()).matches() && looksLikeCredential(t.text());
                if (byValue || byName) {
                    r.add(
                            "functions." + f.name() + ".environment." + e.getKey(),
                            e.getKey() + " holds a literal that looks like a " + (byValue ? "credential" : "secret")
                                    + " (" + t.text().length() + " characters)");
                }
            }
        }
    }

    /** Not a URL, a file path, a placeholder or a flag: something with the entropy of a key. */
    static boolean looksLikeCredential(String text) {
        if (text.length() < 8 || text.contains("://") || text.startsWith("/") || text.contains(" ")) return false;
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (Set.of("true", "false", "changeme", "placeholder", "none", "disabled")
                .contains(lower)) return false;
        return text.chars().anyMatch(Character::isDigit)
                || text.chars().anyMatch(Character::isUpperCase) && text.chars().anyMatch(Character::isLowerCase);
    }

    private static void publicWrites(Subject s, Report r) {
        for (Subject.Trigger<Event.Http> t : s.triggers(Event.Http.class)) {
            if (t.event().auth().kind() != AuthKind.NONE) continue;
            Function f = t.function();
            f.permissions().forEach((res, verbs) -> {
                boolean stored = s.service().resources().get(res) instanceof Resource.Table
                        || s.service().resources().get(res) instanceof Resource.Bucket;
                if (stored && (verbs.contains(Verb.WRITE) || verbs.contains(Verb.DELETE))) {
                    r.add(
                            t.path(),
                            t.event().method() + " " + t.event().path() + " needs no auth and " + f.name() + " may "
                                    + String.join(
                                            "/",
                                            verbs.stream()
                                                    .filter(v -> v == Verb.WRITE || v == Verb.DELETE)
                                                    .map(Verb::id)
                                                    .toList())
                                    + " " + res);
                }
            });
        }
    }

    private static boolean anyOrigin(Event.Cors c) {
        return c != null && c.origins().contains("*");
    }

    private static void corsAnyOrigin(Subject s, Report r) {
        for (Subject.Trigger<Event.Http> t : s.triggers(Event.Http.class)) {
            if (anyOrigin(t.event().cors()) && !t.event().cors().credentials()) {
                r.add(t.path(), t.event().method() + " " + t.event().path() + " answers browsers of any origin");
            }
        }
    }

    private static void broadPermissions(Subject s, Report r) {
        for (Function f : s.functions().values()) {
            f.permissions().forEach((res, verbs) -> {
                Resource target = s.service().resources().get(res);
                // the verbs each kind has (Verb's table in docs/MODEL.md): holding all of them is holding everything
                Set<Verb> all =
                        target instanceof Resource.Bucket ? EnumSet.of(Verb.READ, Verb.WRITE, Verb.DELETE) : null;
                if (all != null && verbs.containsAll(all)) {
                    r.add(
                            "functions." + f.name() + ".permissions." + res,
                            f.name() + " may read, write and delete everything in " + res);
                }
            });
        }
    }
}
