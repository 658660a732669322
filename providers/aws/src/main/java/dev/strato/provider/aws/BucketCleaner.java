package dev.strato.provider.aws;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/** Deletes every version and delete marker of a versioned bucket, then the bucket. */
final class BucketCleaner {

    private static final int BATCH = 1000;

    private BucketCleaner() {}

    /** {@code owner}: the account the bucket must belong to; another account's bucket answers 403 and nothing is deleted. */
    static int emptyAndDelete(S3Client s3, String bucket, String owner) {
        return AwsErrors.call("empty bucket " + bucket, () -> {
            List<ObjectIdentifier> all = new ArrayList<>();
            for (var page : s3.listObjectVersionsPaginator(b -> b.bucket(bucket).expectedBucketOwner(owner))) {
                page.versions()
                        .forEach(v -> all.add(ObjectIdentifier.builder()
                                .key(v.key())
                                .versionId(v.versionId())
                                .build()));
                page.deleteMarkers()
                        .forEach(m -> all.add(ObjectIdentifier.builder()
                                .key(m.key())
                                .versionId(m.versionId())
                                .build()));
            }
            for (int i = 0; i < all.size(); i += BATCH) {
                List<ObjectIdentifier> batch = all.subList(i, Math.min(all.size(), i + BATCH));
                s3.deleteObjects(b -> b.bucket(bucket)
                        .expectedBucketOwner(owner)
                        .delete(d -> d.objects(batch).quiet(true)));
            }
            s3.deleteBucket(b -> b.bucket(bucket).expectedBucketOwner(owner));
            return (int) all.stream().map(ObjectIdentifier::key).distinct().count();
        });
    }
}
