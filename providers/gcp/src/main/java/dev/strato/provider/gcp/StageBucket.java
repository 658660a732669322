package dev.strato.provider.gcp;

import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Bucket;
import com.google.cloud.storage.BucketInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import dev.strato.provider.ProgressListener;
import dev.strato.provider.ProviderException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The stage's own bucket: private (public access prevention enforced), uniform bucket-level access, versioned
 * (it holds terraform state for the terraform engine). Uploads skip every object that is already there with
 * the same content: package zips carry their content hash in their name, so an unchanged package is never sent
 * again and a no-op deploy sends 0 bytes.
 */
final class StageBucket {

    /** What was sent and what was already there. */
    record Outcome(int uploaded, int skipped, long bytes) {}

    /** One file to place under an object name. */
    record Upload(Path file, String object) {}

    private final Storage storage;
    private final GcpTarget target;

    StageBucket(Storage storage, GcpTarget target) {
        this.storage = storage;
        this.target = target;
    }

    String name() {
        return target.stageBucket();
    }

    /** Creates the bucket unless it exists; says so in a step. */
    void ensure(ProgressListener progress) {
        Bucket existing = GcpErrors.call("read bucket gs://" + name(), () -> storage.get(name()));
        if (existing != null) return;
        progress.step(
                "Creating bucket gs://" + name() + " (private, uniform access) for the configuration and packages");
        BucketInfo info = BucketInfo.newBuilder(name())
                .setLocation(target.region())
                .setVersioningEnabled(true)
                .setIamConfiguration(BucketInfo.IamConfiguration.newBuilder()
                        .setIsUniformBucketLevelAccessEnabled(true)
                        .setPublicAccessPrevention(BucketInfo.PublicAccessPrevention.ENFORCED)
                        .build())
                .setLabels(java.util.Map.of(
                        "strato-service", label(target.service()), "strato-stage", label(target.stage())))
                .build();
        try {
            storage.create(info);
        } catch (StorageException e) {
            if (e.getCode() == 409 && GcpErrors.call("read bucket gs://" + name(), () -> storage.get(name())) != null)
                return;
            if (e.getCode() == 409) {
                throw new ProviderException(
                        "bucket name " + name()
                                + " is taken by another project (bucket names are global): deploy with another --project or stage");
            }
            throw new ProviderException(
                    "could not create bucket gs://" + name() + ": " + GcpErrors.firstLine(e.getMessage()), e);
        }
    }

    static String label(String value) {
        String v = value.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_-]", "-");
        return v.length() > 63 ? v.substring(0, 63) : v;
    }

    Outcome upload(List<Upload> uploads, ProgressListener progress) {
        List<Upload> missing = new ArrayList<>();
        java.util.Map<String, Long> generations = new java.util.HashMap<>();
        for (Upload u : uploads) {
            Blob blob = existing(u);
            if (blob != null && Hashes.md5Base64(u.file()).equals(blob.getMd5())) continue;
            missing.add(u);
            if (blob != null) generations.put(u.object(), blob.getGeneration());
        }
        long bytes = 0;
        for (Upload u : missing) bytes += size(u.file());
        if (!missing.isEmpty()) {
            progress.uploadStarted(missing.size(), bytes);
            for (Upload u : missing) {
                byte[] content = read(u.file());
                BlobInfo info = BlobInfo.newBuilder(BlobId.of(name(), u.object()))
                        .setContentType(u.object().endsWith(".zip") ? "application/zip" : "application/json")
                        .build();
                // a precondition makes the upload idempotent, so the client retries it on 5xx and dropped connections:
                // the generation it replaces, or none for a new object
                Long generation = generations.get(u.object());
                Storage.BlobTargetOption precondition = generation == null
                        ? Storage.BlobTargetOption.doesNotExist()
                        : Storage.BlobTargetOption.generationMatch(generation);
                try {
                    storage.create(info, content, precondition);
                } catch (StorageException e) {
                    // 412 for a package: an earlier attempt (whose answer was lost) or another deploy stored the same
                    // content-addressed zip
                    if (!(e.getCode() == 412 && u.object().endsWith(".zip"))) {
                        throw new ProviderException(
                                "could not upload " + u.file().getFileName() + " to gs://" + name() + "/" + u.object()
                                        + ": "
                                        + (e.getCode() == 412
                                                ? "another deploy changed it meanwhile; run the command again"
                                                : GcpErrors.firstLine(e.getMessage())),
                                e);
                    }
                }
                progress.uploaded(content.length);
            }
            progress.uploadFinished();
        }
        return new Outcome(missing.size(), uploads.size() - missing.size(), bytes);
    }

    /** The object as it is in the bucket (MD5 and generation), or null. */
    private Blob existing(Upload u) {
        return GcpErrors.call(
                "check gs://" + name() + "/" + u.object(),
                () -> storage.get(
                        BlobId.of(name(), u.object()),
                        Storage.BlobGetOption.fields(
                                Storage.BlobField.MD5HASH, Storage.BlobField.SIZE, Storage.BlobField.GENERATION)));
    }

    /** Deletes the objects under {@code prefix}; the number deleted. */
    int deleteAll(String prefix) {
        int n = 0;
        for (Blob b : GcpErrors.call(
                        "list gs://" + name(),
                        () -> storage.list(
                                name(), Storage.BlobListOption.prefix(prefix), Storage.BlobListOption.versions(true)))
                .iterateAll()) {
            if (storage.delete(b.getBlobId())) n++;
        }
        return n;
    }

    /** Deletes the bucket when nothing is left in it (no object, no old version). */
    void deleteIfEmpty(ProgressListener progress) {
        boolean empty = !GcpErrors.call(
                        "list gs://" + name(),
                        () -> storage.list(
                                name(), Storage.BlobListOption.versions(true), Storage.BlobListOption.pageSize(1)))
                .getValues()
                .iterator()
                .hasNext();
        if (!empty) return;
        progress.step("Deleting bucket gs://" + name());
        GcpErrors.call("delete bucket gs://" + name(), () -> storage.delete(name()));
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
