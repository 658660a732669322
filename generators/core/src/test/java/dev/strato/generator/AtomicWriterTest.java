package dev.strato.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicWriterTest {

    @TempDir
    Path dir;

    private static OutputTree tree(String... pathsAndContents) {
        OutputTree t = new OutputTree();
        for (int i = 0; i < pathsAndContents.length; i += 2) t.addText(pathsAndContents[i], pathsAndContents[i + 1]);
        return t;
    }

    @Test
    void replacesTheWholeFolder() throws IOException {
        Path target = dir.resolve("out/aws");
        AtomicWriter.replace(target, tree("a.txt", "1", "sub/b.txt", "2"));
        AtomicWriter.replace(target, tree("c.txt", "3"));
        assertThat(target.resolve("a.txt")).doesNotExist();
        assertThat(target.resolve("c.txt")).hasContent("3");
        try (Stream<Path> left = Files.list(dir.resolve("out"))) {
            assertThat(left).extracting(p -> p.getFileName().toString()).containsExactly("aws");
        }
    }

    @Test
    void aFailedWriteKeepsTheOldFolderAndLeavesNoTemporaryFiles() throws IOException {
        Path target = dir.resolve("out/aws");
        AtomicWriter.replace(target, tree("a.txt", "old"));
        OutputTree clash = tree("x", "file", "x/y", "cannot be under a file");
        assertThatThrownBy(() -> AtomicWriter.replace(target, clash)).isInstanceOf(IOException.class);
        assertThat(target.resolve("a.txt")).hasContent("old");
        try (Stream<Path> left = Files.list(dir.resolve("out"))) {
            assertThat(left).extracting(p -> p.getFileName().toString()).containsExactly("aws");
        }
    }

    @Test
    void outputPathsStayInside() {
        OutputTree t = new OutputTree();
        assertThatThrownBy(() -> t.addText("../x", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> t.addText("/abs", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> t.addText("a/../../x", "")).isInstanceOf(IllegalArgumentException.class);
        t.addText("a", "");
        assertThatThrownBy(() -> t.addText("a", "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noGeneratorsAreInstalledInCore() {
        assertThat(Generators.installed()).isEmpty();
    }
}
