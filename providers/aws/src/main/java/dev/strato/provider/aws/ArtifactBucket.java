package dev.strato.provider.aws;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * strato's own bucket for a stack's packages and large templates: one per stack, account and
 * region, with a name derived from them (so every deploy of a stage finds it again), private,
 * encrypted and versioned.
 */
final class ArtifactBucket {

    private static final int MAX_NAME = 63;

    private ArtifactBucket() {}

    static String name(String stackName, String accountId, String region) {
        String name = ("strato-" + stackName + "-" + accountId + "-" + region).toLowerCase(Locale.ROOT);
        if (name.length() <= MAX_NAME) return name;
        String tail = "-" + shortHash(name) + "-" + accountId + "-" + region;
        String head = ("strato-" + stackName).toLowerCase(Locale.ROOT);
        return head.substring(0, Math.min(head.length(), MAX_NAME - tail.length())).replaceAll("-+$", "") + tail;
    }

    static boolean exists(S3Client s3, String bucket) {
        try {
            s3.headBucket(b -> b.bucket(bucket));
            return true;
        } catch (software.amazon.awssdk.services.s3.model.NoSuchBucketException e) {
            return false;
        } catch (software.amazon.awssdk.awscore.exception.AwsServiceException e) {
            if (AwsErrors.notFound(e)) return false;
            throw e;
        }
    }

    /** Creates the bucket with its settings when missing; true when it was created. */
    static boolean ensure(S3Client s3, String bucket, String region) {
        boolean created = false;
        if (!exists(s3, bucket)) {
            AwsErrors.run("create artifact bucket " + bucket, () -> {
                try {
                    s3.createBucket(b -> {
                        b.bucket(bucket);
                        if (!"us-east-1".equals(region)) b.createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.fromValue(region)));
                    });
                } catch (software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException e) {
                    // a concurrent or retried create made it: fine
                }
            });
            created = true;
            configure(s3, bucket);
        }
        return created;
    }

    private static void configure(S3Client s3, String bucket) {
        AwsErrors.run("configure artifact bucket " + bucket, () -> {
            s3.putPublicAccessBlock(b -> b.bucket(bucket).publicAccessBlockConfiguration(c -> c.blockPublicAcls(true)
                    .ignorePublicAcls(true).blockPublicPolicy(true).restrictPublicBuckets(true)));
            s3.putBucketEncryption(b -> b.bucket(bucket).serverSideEncryptionConfiguration(c -> c.rules(r -> r
                    .applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AES256)))));
            s3.putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        });
    }

    private static String shortHash(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8))).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
