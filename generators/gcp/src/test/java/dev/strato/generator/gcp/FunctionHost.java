package dev.strato.generator.gcp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Runs generated Cloud Functions packages the way the Functions Framework of one runtime does,
 * with a recording stub as the handler: {@code STRATO_RECORD} is the file the stub appends each
 * call to, {@code STRATO_ANSWER} the file with what it answers ({"value": …} or {"throw": "…"}).
 */
abstract class FunctionHost implements AutoCloseable {

    enum Signature {
        HTTP,
        CLOUDEVENT;

        String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    protected final Path work;
    protected final Path record;
    protected final Path answer;

    FunctionHost(Path work) throws IOException {
        this.work = Files.createDirectories(work);
        this.record = work.resolve("record.jsonl");
        this.answer = work.resolve("answer.json");
        Files.writeString(record, "");
    }

    /** What the stub answers from now on: a value (null: nothing), or an error it throws when {@code throwing} is set. */
    void answer(Object value, String throwing) throws IOException {
        String json = throwing != null
                ? NativeRequest.JSON.writeValueAsString(java.util.Map.of("throw", throwing))
                : NativeRequest.JSON.writeValueAsString(java.util.Collections.singletonMap("value", value));
        Files.writeString(answer, json);
    }

    abstract HostResponse call(Path pkg, String target, Signature signature, NativeRequest request) throws Exception;

    /** The stub's calls recorded since {@code lines} lines. */
    protected List<JsonNode> recordedSince(int lines) throws IOException {
        List<String> all = Files.readAllLines(record, StandardCharsets.UTF_8);
        List<JsonNode> out = new ArrayList<>();
        for (String line : all.subList(lines, all.size()))
            if (!line.isBlank()) out.add(NativeRequest.JSON.readTree(line));
        return out;
    }

    protected int recordedLines() throws IOException {
        return Files.readAllLines(record, StandardCharsets.UTF_8).size();
    }
}
