package dev.strato.provider.aws;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which packages the artifact bucket may let expire: those that neither the current nor the
 * previous release references. A small record in the bucket ({@value #RECORD}) holds the keys of
 * the last two releases; after each successful deploy the keys of the release before them are
 * tagged {@code strato-retired=true} (unless still in use), and the bucket's lifecycle rule expires
 * tagged objects. Packages a failed deploy uploaded and no release uses are retired at once.
 */
final class PackageRetention {

    static final String RECORD = "releases/strato-releases.json";

    private final S3Client s3;
    private final ArtifactBucket bucket;

    PackageRetention(S3Client s3, ArtifactBucket bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** After a successful deploy of {@code keys}: the previous release stays, the one before is retired. */
    void released(Set<String> keys) {
        Releases before = read();
        Set<String> keep = new LinkedHashSet<>(keys);
        keep.addAll(before.current());
        for (String key : keys) untag(key);
        for (String key : before.previous()) if (!keep.contains(key)) retire(key);
        write(new Releases(List.copyOf(keys), before.current()));
    }

    /** After a failed deploy: what it uploaded and no release references goes. */
    void abandoned(Set<String> uploaded) {
        Releases before = read();
        for (String key : uploaded)
            if (!before.current().contains(key) && !before.previous().contains(key)) retire(key);
    }

    record Releases(List<String> current, List<String> previous) {}

    @SuppressWarnings("unchecked")
    Releases read() {
        try {
            byte[] json = s3.getObjectAsBytes(
                            b -> b.bucket(bucket.name()).key(RECORD).expectedBucketOwner(bucket.owner()))
                    .asByteArray();
            Map<String, Object> m = JsonMapper.builder().build().readValue(json, Map.class);
            return new Releases(strings(m.get("current")), strings(m.get("previous")));
        } catch (AwsServiceException e) {
            if (AwsErrors.notFound(e)) return new Releases(List.of(), List.of());
            throw e;
        } catch (tools.jackson.core.JacksonException e) {
            return new Releases(List.of(), List.of());
        }
    }

    private void write(Releases releases) {
        String json = JsonMapper.builder()
                .build()
                .writeValueAsString(Map.of("current", releases.current(), "previous", releases.previous()));
        s3.putObject(
                b -> b.bucket(bucket.name())
                        .key(RECORD)
                        .expectedBucketOwner(bucket.owner())
                        .contentType("application/json"),
                RequestBody.fromString(json));
    }

    private void retire(String key) {
        try {
            s3.putObjectTagging(b -> b.bucket(bucket.name())
                    .key(key)
                    .expectedBucketOwner(bucket.owner())
                    .tagging(
                            t -> t.tagSet(s -> s.key(ArtifactBucket.RETIRED_TAG).value("true"))));
        } catch (AwsServiceException e) {
            if (!AwsErrors.notFound(e)) throw e;
        }
    }

    /** A key that a failed deploy retired and a later release uses again must not expire. */
    private void untag(String key) {
        try {
            s3.deleteObjectTagging(b -> b.bucket(bucket.name()).key(key).expectedBucketOwner(bucket.owner()));
        } catch (AwsServiceException e) {
            if (!AwsErrors.notFound(e)) throw e;
        }
    }

    private static List<String> strings(Object o) {
        List<String> list = new ArrayList<>();
        if (o instanceof List<?> l) for (Object x : l) list.add(String.valueOf(x));
        return list;
    }
}
