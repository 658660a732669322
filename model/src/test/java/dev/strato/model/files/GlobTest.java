package dev.strato.model.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GlobTest {

    @Test
    void starStaysInOneSegmentAndDoubleStarSpansThem() {
        assertThat(Glob.of("src/*.js").matches("src/a.js")).isTrue();
        assertThat(Glob.of("src/*.js").matches("src/lib/a.js")).isFalse();
        assertThat(Glob.of("src/**").matches("src/lib/deep/a.js")).isTrue();
        assertThat(Glob.of("src/**").matches("srcx/a.js")).isFalse();
        assertThat(Glob.of("src/**/*.js").matches("src/a.js")).isTrue();
        assertThat(Glob.of("src/**/*.js").matches("src/x/y/a.js")).isTrue();
        assertThat(Glob.of("src/**/*.js").matches("src/x/y/a.py")).isFalse();
    }

    @Test
    void leadingDoubleStarAlsoMatchesTheTopFolder() {
        Glob tests = Glob.of("**/*.test.js");
        assertThat(tests.matches("a.test.js")).isTrue();
        assertThat(tests.matches("src/a.test.js")).isTrue();
        assertThat(tests.matches("src/a.js")).isFalse();
        assertThat(Glob.of("**/.DS_Store").matches(".DS_Store")).isTrue();
    }

    @Test
    void aFolderPatternMatchesEverythingUnderIt() {
        assertThat(Glob.of("tests").matches("tests/unit/a.py")).isTrue();
        assertThat(Glob.of("tests/").matches("tests/a.py")).isTrue();
        assertThat(Glob.of("./tests").matches("tests/a.py")).isTrue();
        assertThat(Glob.of("tests").matches("src/tests.py")).isFalse();
        assertThat(Glob.of("node_modules/.cache/**").matches("node_modules/.cache/x/y"))
                .isTrue();
        assertThat(Glob.of("node_modules/.cache/**").matches("node_modules/left-pad/index.js"))
                .isFalse();
    }

    @Test
    void questionMarkClassesAndAlternatives() {
        assertThat(Glob.of("a?.txt").matches("ab.txt")).isTrue();
        assertThat(Glob.of("a?.txt").matches("a/.txt")).isFalse();
        assertThat(Glob.of("[ab].txt").matches("b.txt")).isTrue();
        assertThat(Glob.of("[!ab].txt").matches("b.txt")).isFalse();
        assertThat(Glob.of("[!ab].txt").matches("c.txt")).isTrue();
        assertThat(Glob.of("src/*.{js,mjs}").matches("src/a.mjs")).isTrue();
        assertThat(Glob.of("src/*.{js,mjs}").matches("src/a.ts")).isFalse();
        assertThat(Glob.of("a+b(c).txt").matches("a+b(c).txt")).isTrue();
        assertThat(Glob.of("\\*.txt").matches("*.txt")).isTrue();
        assertThat(Glob.of("\\*.txt").matches("a.txt")).isFalse();
    }

    @Test
    void malformedPatternsAreRefused() {
        assertThatThrownBy(() -> Glob.of("src/{a,b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Glob.of("src/[ab")).isInstanceOf(IllegalArgumentException.class);
    }
}
