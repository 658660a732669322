package dev.strato.generator.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's template excerpt is what the generator writes: each part between "# ..." lines appears in the golden file, in order. */
class ReadmeExcerptTest {

    static final String MARKER = "<!-- aws-excerpt: ";

    @Test
    void readmeExcerptMatchesTheGoldenTemplate() throws IOException {
        List<String> readme = Files.readAllLines(Examples.ROOT.resolve("README.md"));
        int at = 0;
        while (at < readme.size() && !readme.get(at).startsWith(MARKER)) at++;
        assertThat(at).as("README has an %s marker", MARKER).isLessThan(readme.size());
        String source = readme.get(at).substring(MARKER.length(), readme.get(at).indexOf(" -->"));
        String golden = Files.readString(Examples.ROOT.resolve(source));
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (int i = at + 2; !readme.get(i).equals("```"); i++) {
            if (readme.get(i).strip().startsWith("# ...")) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(readme.get(i)).append('\n');
            }
        }
        parts.add(part.toString());
        int from = 0;
        for (String p : parts) {
            int found = golden.indexOf(p, from);
            assertThat(found)
                    .as("README excerpt part not in %s (regenerate the excerpt):%n%s", source, p)
                    .isGreaterThanOrEqualTo(0);
            from = found + p.length();
        }
        assertThat(parts).hasSizeGreaterThan(2);
    }
}
