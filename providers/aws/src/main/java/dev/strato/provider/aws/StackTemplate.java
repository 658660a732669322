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

    /**
     * A new stack gets literal bucket names (so that it can import kept buckets); a stack keeps the
     * spelling it was created with, so that a name never changes from !Sub to literal or back in an
     * update (BucketName changes need a replacement). Stacks made before literal names keep !Sub.
     */
    private static boolean literalNames(AwsClients clients, String stackName, boolean newStack) {
        if (newStack) return true;
        try {
            String deployed = clients.cloudFormation()
                    .getTemplate(b -> b.stackName(stackName)
                            .templateStage(software.amazon.awssdk.services.cloudformation.model.TemplateStage.ORIGINAL))
                    .templateBody();
            return deployed != null && !LiteralNames.hasSubstitutedNames(deployed);
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            // unreadable: leave the template as generated, as strato always sent it before
            return false;
        }
    }

    static String key(StackManifest manifest) {
        return "templates/" + manifest.stackName() + "-"
                + manifest.templateSha256().substring(0, 12) + ".yaml";
    }

    /** {@code uploader} is asked for only when the template is to be uploaded. */
    static ChangeSets.Template of(
            GeneratedStack generated,
            AwsClients clients,
            boolean newStack,
            Supplier<ArtifactUploader> uploader,
            ProgressListener progress) {
        StackManifest manifest = generated.manifest();
        Path original = generated.file(manifest.templateFile());
        try {
            String body = Files.readString(original, StandardCharsets.UTF_8);
            if (literalNames(clients, manifest.stackName(), newStack))
                body = LiteralNames.apply(body, clients.accountId(), clients.region());
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
