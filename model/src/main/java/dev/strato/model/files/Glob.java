package dev.strato.model.files;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A {@code package.include/exclude} pattern, relative to the project folder with {@code /}
 * separators: {@code *} and {@code ?} stay inside one path segment, {@code **} spans segments
 * ({@code **}{@code /} also matches no folder at all), {@code [abc]}, {@code [!a-z]} and
 * {@code {a,b}} as in Java's glob syntax. Like .gitignore, a pattern that matches a folder
 * matches everything under it: {@code tests} excludes {@code tests/unit/a.js}.
 */
public final class Glob {

    private final String pattern;
    private final Pattern regex;

    private Glob(String pattern, Pattern regex) {
        this.pattern = pattern;
        this.regex = regex;
    }

    public static Glob of(String pattern) {
        String p = pattern.startsWith("./") ? pattern.substring(2) : pattern;
        while (p.endsWith("/") && p.length() > 1) p = p.substring(0, p.length() - 1);
        return new Glob(pattern, Pattern.compile(translate(p)));
    }

    public static List<Glob> all(List<String> patterns) {
        return patterns.stream().map(Glob::of).toList();
    }

    /** Whether {@code path} (relative, {@code /}-separated) or one of its parent folders matches. */
    public boolean matches(String path) {
        if (regex.matcher(path).matches()) return true;
        for (int i = path.indexOf('/'); i > 0; i = path.indexOf('/', i + 1)) {
            if (regex.matcher(path.substring(0, i)).matches()) return true;
        }
        return false;
    }

    public static boolean any(List<Glob> globs, String path) {
        for (Glob g : globs) {
            if (g.matches(path)) return true;
        }
        return false;
    }

    @Override
    public String toString() {
        return pattern;
    }

    private static String translate(String glob) {
        StringBuilder re = new StringBuilder();
        int braces = 0;
        for (int i = 0; i < glob.length(); i++) {
            char ch = glob.charAt(i);
            switch (ch) {
                case '*' -> {
                    if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                        boolean segmentStart = i == 0 || glob.charAt(i - 1) == '/';
                        if (segmentStart && i + 2 < glob.length() && glob.charAt(i + 2) == '/') {
                            re.append("(?:.*/)?");
                            i += 2;
                        } else {
                            re.append(".*");
                            i += 1;
                        }
                    } else {
                        re.append("[^/]*");
                    }
                }
                case '?' -> re.append("[^/]");
                case '[' -> {
                    int end = glob.indexOf(']', i + 2);
                    if (end < 0) throw new IllegalArgumentException("unclosed [ in glob '" + glob + "'");
                    String body = glob.substring(i + 1, end);
                    if (body.startsWith("!")) body = "^" + body.substring(1);
                    re.append('[')
                            .append(body.replace("\\", "\\\\").replace("[", "\\["))
                            .append(']');
                    i = end;
                }
                case '{' -> {
                    braces++;
                    re.append("(?:");
                }
                case '}' -> {
                    if (braces == 0) throw new IllegalArgumentException("unmatched } in glob '" + glob + "'");
                    braces--;
                    re.append(')');
                }
                case ',' -> re.append(braces > 0 ? "|" : ",");
                case '\\' -> {
                    if (i + 1 < glob.length()) re.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
                }
                default -> re.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        if (braces > 0) throw new IllegalArgumentException("unclosed { in glob '" + glob + "'");
        return re.toString();
    }
}
