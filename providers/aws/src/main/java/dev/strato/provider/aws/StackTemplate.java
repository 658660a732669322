package dev.strato.provider.aws;

import dev.strato.provider.ProgressListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * How a change set gets the template: inline, or, past CloudFormation's inline limit, uploaded to
 * the artifact bucket under a content-addressed key and passed by URL.
 */
final class StackTemplate {

    private StackTemplate() {}

    static String key(StackManifest manifest) {
        return "templates/" + manifest.stackName() + "-" + manifest.templateSha256().substring(0, 12) + ".yaml";
    }

    /** {@code uploader} is asked for only when the template is to be uploaded. */
    static ChangeSets.Template of(GeneratedStack generated, AwsClients clients, Supplier<ArtifactUploader> uploader, ProgressListener progress) {
        StackManifest manifest = generated.manifest();
        Path original = generated.file(manifest.templateFile());
        try {
            String body = LiteralNames.apply(Files.readString(original, StandardCharsets.UTF_8), clients.accountId(), clients.region());
            if (!manifest.uploadTemplate()) return new ChangeSets.Template(body, null);
            Path file = generated.file(manifest.templateFile() + ".deploy");
            Files.writeString(file, body, StandardCharsets.UTF_8);
            String key = key(manifest);
            ArtifactUploader to = uploader.get();
            to.upload(List.of(new ArtifactUploader.Upload(file, key, Files.size(file))), progress);
            return new ChangeSets.Template(null, to.url(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
