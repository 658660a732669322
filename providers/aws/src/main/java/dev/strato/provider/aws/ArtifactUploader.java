package dev.strato.provider.aws;

import dev.strato.provider.ProgressListener;
import dev.strato.provider.ProviderException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Uploads the packages whose content-addressed key is not in the bucket yet (HEAD first), a few at
 * a time; an unchanged package has the same key, so a no-op deploy sends nothing.
 */
final class ArtifactUploader {

    /** What was sent and what was already there. */
    record Outcome(int uploaded, int skipped, long bytes, List<String> sentKeys) {}

    /** One file to place under a key. */
    record Upload(Path file, String key, long bytes) {}

    private final S3Client s3;
    private final String bucket;
    private final String owner;
    private final int threads;

    /** Every call names {@code bucket}'s expected owner, so a bucket of another account answers 403 instead of taking the package. */
    ArtifactUploader(S3Client s3, ArtifactBucket bucket, int threads) {
        this.s3 = s3;
        this.bucket = bucket.name();
        this.owner = bucket.owner();
        this.threads = threads;
    }

    Outcome upload(List<Upload> uploads, ProgressListener progress) {
        Map<String, Upload> byKey = new LinkedHashMap<>();
        for (Upload u : uploads) byKey.putIfAbsent(u.key(), u);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, byKey.size())));
        try {
            List<Upload> missing = new ArrayList<>();
            List<Future<Boolean>> present = new ArrayList<>();
            for (Upload u : byKey.values()) present.add(pool.submit(() -> exists(u.key())));
            int i = 0;
            for (Upload u : byKey.values()) if (!await(present.get(i++))) missing.add(u);
            long bytes = missing.stream().mapToLong(Upload::bytes).sum();
            if (!missing.isEmpty()) {
                progress.uploadStarted(missing.size(), bytes);
                List<Future<Boolean>> sent = new ArrayList<>();
                for (Upload u : missing) sent.add(pool.submit(() -> put(u, progress)));
                for (Future<Boolean> f : sent) await(f);
                progress.uploadFinished();
            }
            return new Outcome(
                    missing.size(),
                    byKey.size() - missing.size(),
                    bytes,
                    missing.stream().map(Upload::key).toList());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The URL CloudFormation reads an uploaded object from. */
    String url(String key) {
        return s3.utilities().getUrl(b -> b.bucket(bucket).key(key)).toExternalForm();
    }

    private boolean exists(String key) {
        try {
            s3.headObject(b -> b.bucket(bucket).key(key).expectedBucketOwner(owner));
            return true;
        } catch (software.amazon.awssdk.services.s3.model.NoSuchKeyException e) {
            return false;
        } catch (software.amazon.awssdk.awscore.exception.AwsServiceException e) {
            if (AwsErrors.notFound(e)) return false;
            if (e.statusCode() == 403) {
                throw new ProviderException(
                        "could not check s3://" + bucket + "/" + key + ": " + AwsErrors.describe(e)
                                + ": the bucket is not" + " owned by account " + owner
                                + " or these credentials may not read it; nothing was uploaded",
                        e);
            }
            throw new ProviderException("could not check s3://" + bucket + "/" + key + ": " + AwsErrors.describe(e), e);
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            throw new ProviderException("could not check s3://" + bucket + "/" + key + ": " + AwsErrors.describe(e), e);
        }
    }

    private boolean put(Upload u, ProgressListener progress) {
        ContentStreamProvider content = () -> counting(u.file(), progress);
        AwsErrors.run(
                "upload " + u.file().getFileName() + " to s3://" + bucket + "/" + u.key(),
                () -> s3.putObject(
                        b -> b.bucket(bucket).key(u.key()).expectedBucketOwner(owner),
                        RequestBody.fromContentProvider(content, u.bytes(), "application/zip")));
        return true;
    }

    private static InputStream counting(Path file, ProgressListener progress) {
        try {
            return new FilterInputStream(Files.newInputStream(file)) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) progress.uploaded(1);
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, length);
                    if (n > 0) progress.uploaded(n);
                    return n;
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean await(Future<Boolean> f) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new ProviderException("upload failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException("interrupted during upload");
        }
    }
}
