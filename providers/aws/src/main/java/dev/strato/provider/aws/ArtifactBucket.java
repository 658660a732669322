package dev.strato.provider.aws;

import dev.strato.provider.ProviderException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.BucketNamespace;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import tools.jackson.databind.json.JsonMapper;

/**
 * strato's own bucket for a stack's packages and large templates: one per stack, account and
 * region, private, encrypted, versioned, TLS-only, with a lifecycle that expires the packages
 * {@link PackageRetention} marks as no longer referenced, {@link #EXPIRE_DAYS} days after their upload.
 *
 * <p>The name is derived from stack, account and region (so every deploy finds it again), which
 * makes it predictable. So that nobody else can hold that name, the bucket is created in the
 * account-regional namespace where S3 offers it (a name ending {@code -<account>-<region>-an} that
 * only this account can create:
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/gpbucketnamespaces.html). Every call passes
 * {@code ExpectedBucketOwner}, so a bucket of the same name in another account answers 403 and is
 * never written to (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-owner-condition.html);
 * a bucket that is reused is checked before anything is uploaded to it.
 */
final class ArtifactBucket {

    /** Packages referenced by neither the current nor the previous release expire this many days after their upload. */
    static final int EXPIRE_DAYS = 30;

    static final String EXPIRE_RULE = "strato-expire-retired-packages";
    static final String RETIRED_TAG = "strato-retired";
    static final String MARKER_RULE = "strato-clean-up-versions";
    static final String TLS_SID = "StratoDenyInsecureTransport";

    private static final int MAX_NAME = 63;
    private static final String ACCOUNT_REGIONAL_SUFFIX = "-an";
    /** "You can create buckets in your account regional namespace in all AWS Regions except Middle East (Bahrain) and Middle East (UAE)." */
    private static final Set<String> NO_ACCOUNT_REGIONAL = Set.of("me-south-1", "me-central-1");

    private static final Set<String> ENCRYPTIONS = Set.of("AES256", "aws:kms", "aws:kms:dsse");

    private final S3Client s3;
    private final String name;
    private final String owner;
    private final String region;
    private final boolean tlsOnly;

    /**
     * {@code tlsOnly}: put the policy that refuses plain HTTP. Always so against AWS; false only for
     * an endpoint override that is itself plain HTTP (a local emulator), where that policy would
     * lock strato out of its own bucket.
     */
    ArtifactBucket(S3Client s3, String name, String owner, String region, boolean tlsOnly) {
        this.s3 = s3;
        this.name = name;
        this.owner = owner;
        this.region = region;
        this.tlsOnly = tlsOnly;
    }

    /** The stage's bucket, in the account-regional namespace where the region has one. */
    static ArtifactBucket of(AwsClients clients, String stackName) {
        return new ArtifactBucket(
                clients.s3(),
                name(stackName, clients.accountId(), clients.region()),
                clients.accountId(),
                clients.region(),
                clients.tls());
    }

    /** The bucket of strato versions before the account-regional namespace (remove deletes it too). */
    static ArtifactBucket legacy(AwsClients clients, String stackName) {
        return new ArtifactBucket(
                clients.s3(),
                globalName(stackName, clients.accountId(), clients.region(), ""),
                clients.accountId(),
                clients.region(),
                clients.tls());
    }

    static boolean accountRegional(String region) {
        return !NO_ACCOUNT_REGIONAL.contains(region);
    }

    static String name(String stackName, String accountId, String region) {
        return globalName(stackName, accountId, region, accountRegional(region) ? ACCOUNT_REGIONAL_SUFFIX : "");
    }

    private static String globalName(String stackName, String accountId, String region, String suffix) {
        String name = ("strato-" + stackName + "-" + accountId + "-" + region + suffix).toLowerCase(Locale.ROOT);
        if (name.length() <= MAX_NAME) return name;
        String tail = "-" + shortHash(name) + "-" + accountId + "-" + region + suffix;
        String head = ("strato-" + stackName).toLowerCase(Locale.ROOT);
        return head.substring(0, Math.min(head.length(), MAX_NAME - tail.length()))
                        .replaceAll("-+$", "")
                + tail;
    }

    String name() {
        return name;
    }

    String owner() {
        return owner;
    }

    /**
     * True when the bucket exists and belongs to this account; false when there is none. A 403
     * (another account's bucket, or no permission to see it) fails closed.
     */
    boolean exists() {
        try {
            s3.headBucket(b -> b.bucket(name).expectedBucketOwner(owner));
            return true;
        } catch (software.amazon.awssdk.services.s3.model.NoSuchBucketException e) {
            return false;
        } catch (AwsServiceException e) {
            if (AwsErrors.notFound(e)) return false;
            if (e.statusCode() == 403) throw notOurs(e);
            throw new ProviderException("could not check artifact bucket " + name + ": " + AwsErrors.describe(e), e);
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            throw new ProviderException("could not check artifact bucket " + name + ": " + AwsErrors.describe(e), e);
        }
    }

    /**
     * Creates the bucket with its settings when missing, or checks the one that is there; true when
     * it was created.
     */
    boolean ensure() {
        if (exists()) {
            verify();
            return false;
        }
        create();
        configure();
        return true;
    }

    private void create() {
        boolean namespaced = name.endsWith(ACCOUNT_REGIONAL_SUFFIX) && accountRegional(region);
        try {
            // CreateBucket takes no ExpectedBucketOwner; in the account-regional namespace only this account can create
            // the name
            s3.createBucket(b -> {
                b.bucket(name);
                if (namespaced) b.bucketNamespace(BucketNamespace.ACCOUNT_REGIONAL);
                if (!"us-east-1".equals(region))
                    b.createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.fromValue(region)));
            });
        } catch (software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException e) {
            // a concurrent or retried create made it: fine
        } catch (software.amazon.awssdk.services.s3.model.BucketAlreadyExistsException e) {
            throw new ProviderException(
                    "artifact bucket " + name + " already exists in another AWS account: strato will not upload"
                            + " packages to a bucket it does not own. Deploy under another stack name or stage, or delete that bucket if it is yours"
                            + " (see https://docs.aws.amazon.com/AmazonS3/latest/userguide/gpbucketnamespaces.html)",
                    e);
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            throw new ProviderException("could not create artifact bucket " + name + ": " + AwsErrors.describe(e), e);
        }
    }

    private void configure() {
        AwsErrors.run("configure artifact bucket " + name, () -> {
            putPublicAccessBlock();
            putEncryption();
            s3.putBucketVersioning(b -> b.bucket(name)
                    .expectedBucketOwner(owner)
                    .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
            if (tlsOnly) putPolicy(List.of());
            putLifecycle(List.of());
        });
    }

    /**
     * A bucket that is already there must still be what strato made: this account's (HeadBucket
     * with the expected owner did that), encrypted, closed to the public, granting nobody else
     * anything. What is missing is put back; what was loosened fails closed.
     */
    private void verify() {
        AwsErrors.run("check artifact bucket " + name, () -> {
            checkPublicAccessBlock();
            checkEncryption();
            checkPolicy();
            checkLifecycle();
            var versioning = s3.getBucketVersioning(b -> b.bucket(name).expectedBucketOwner(owner));
            if (versioning.status() != BucketVersioningStatus.ENABLED) {
                s3.putBucketVersioning(b -> b.bucket(name)
                        .expectedBucketOwner(owner)
                        .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
            }
        });
    }

    private void checkPublicAccessBlock() {
        PublicAccessBlockConfiguration c;
        try {
            c = s3.getPublicAccessBlock(b -> b.bucket(name).expectedBucketOwner(owner))
                    .publicAccessBlockConfiguration();
        } catch (AwsServiceException e) {
            if (!AwsErrors.isCode(e, "NoSuchPublicAccessBlockConfiguration")) throw e;
            putPublicAccessBlock();
            return;
        }
        if (c == null) {
            putPublicAccessBlock();
            return;
        }
        List<String> off = new ArrayList<>();
        if (!Boolean.TRUE.equals(c.blockPublicAcls())) off.add("BlockPublicAcls");
        if (!Boolean.TRUE.equals(c.ignorePublicAcls())) off.add("IgnorePublicAcls");
        if (!Boolean.TRUE.equals(c.blockPublicPolicy())) off.add("BlockPublicPolicy");
        if (!Boolean.TRUE.equals(c.restrictPublicBuckets())) off.add("RestrictPublicBuckets");
        if (!off.isEmpty()) {
            throw new ProviderException(
                    "artifact bucket " + name + " has its public access block turned off (" + String.join(", ", off)
                            + "): strato will not upload packages to it. Turn all four settings on again, then deploy"
                            + " (see https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html)");
        }
    }

    private void checkEncryption() {
        try {
            var rules = s3.getBucketEncryption(b -> b.bucket(name).expectedBucketOwner(owner))
                    .serverSideEncryptionConfiguration()
                    .rules();
            boolean encrypted = rules.stream()
                    .anyMatch(r -> r.applyServerSideEncryptionByDefault() != null
                            && ENCRYPTIONS.contains(
                                    r.applyServerSideEncryptionByDefault().sseAlgorithmAsString()));
            if (!encrypted) putEncryption();
        } catch (AwsServiceException e) {
            if (!AwsErrors.isCode(e, "ServerSideEncryptionConfigurationNotFoundError")) throw e;
            putEncryption();
        }
    }

    @SuppressWarnings("unchecked")
    private void checkPolicy() {
        String json;
        try {
            json = s3.getBucketPolicy(b -> b.bucket(name).expectedBucketOwner(owner))
                    .policy();
        } catch (AwsServiceException e) {
            if (!AwsErrors.isCode(e, "NoSuchBucketPolicy")) throw e;
            if (tlsOnly) putPolicy(List.of());
            return;
        }
        Map<String, Object> policy = JsonMapper.builder().build().readValue(json, Map.class);
        Object raw = policy.get("Statement");
        List<Map<String, Object>> statements = raw instanceof List<?> l
                ? (List<Map<String, Object>>) l
                : raw instanceof Map<?, ?> m ? List.of((Map<String, Object>) m) : List.of();
        List<String> grants = new ArrayList<>();
        for (Map<String, Object> s : statements) {
            if (!"Deny".equals(s.get("Effect"))) grants.add(String.valueOf(s.getOrDefault("Sid", "(no Sid)")));
        }
        if (!grants.isEmpty()) {
            throw new ProviderException("artifact bucket " + name
                    + " has a bucket policy that grants access (statements " + String.join(", ", grants)
                    + "): anyone it grants could replace the packages Lambda loads, so strato will not upload to it. Remove those"
                    + " statements (aws s3api get-bucket-policy --bucket " + name + "), then deploy");
        }
        if (tlsOnly && statements.stream().noneMatch(s -> TLS_SID.equals(s.get("Sid")))) putPolicy(statements);
    }

    private void checkLifecycle() {
        List<LifecycleRule> rules;
        try {
            rules = s3.getBucketLifecycleConfiguration(b -> b.bucket(name).expectedBucketOwner(owner))
                    .rules();
            if (rules == null) rules = List.of();
        } catch (AwsServiceException e) {
            if (!AwsErrors.isCode(e, "NoSuchLifecycleConfiguration")) throw e;
            rules = List.of();
        }
        boolean ours =
                rules.stream().anyMatch(r -> EXPIRE_RULE.equals(r.id()) && r.status() == ExpirationStatus.ENABLED)
                        && rules.stream().anyMatch(r -> MARKER_RULE.equals(r.id()));
        if (!ours)
            putLifecycle(rules.stream()
                    .filter(r -> !EXPIRE_RULE.equals(r.id()) && !MARKER_RULE.equals(r.id()))
                    .toList());
    }

    private void putPublicAccessBlock() {
        s3.putPublicAccessBlock(b -> b.bucket(name)
                .expectedBucketOwner(owner)
                .publicAccessBlockConfiguration(c -> c.blockPublicAcls(true)
                        .ignorePublicAcls(true)
                        .blockPublicPolicy(true)
                        .restrictPublicBuckets(true)));
    }

    private void putEncryption() {
        s3.putBucketEncryption(b -> b.bucket(name)
                .expectedBucketOwner(owner)
                .serverSideEncryptionConfiguration(c -> c.rules(
                        r -> r.applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AES256)))));
    }

    /** {@code others}: Deny statements already there, kept beside strato's TLS-only statement. */
    private void putPolicy(List<Map<String, Object>> others) {
        String policy = JsonMapper.builder().build().writeValueAsString(policy(name, others));
        s3.putBucketPolicy(b -> b.bucket(name).expectedBucketOwner(owner).policy(policy));
    }

    /** Refuses every request that does not use TLS (https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html). */
    static Map<String, Object> policy(String bucket, List<Map<String, Object>> others) {
        List<Object> statements = new ArrayList<>(others);
        statements.add(Map.of(
                "Sid",
                TLS_SID,
                "Effect",
                "Deny",
                "Principal",
                "*",
                "Action",
                "s3:*",
                "Resource",
                List.of("arn:aws:s3:::" + bucket, "arn:aws:s3:::" + bucket + "/*"),
                "Condition",
                Map.of("Bool", Map.of("aws:SecureTransport", "false"))));
        return Map.of("Version", "2012-10-17", "Statement", statements);
    }

    /**
     * Packages are content-addressed, so a release never overwrites one: without expiry every old
     * package stays forever. Only objects tagged {@code strato-retired=true} expire (a tag filter:
     * https://docs.aws.amazon.com/AmazonS3/latest/userguide/intro-lifecycle-filters.html), and
     * {@link PackageRetention} tags only what neither the current nor the previous release uses,
     * so a rollback always finds its packages. Expiring a current version leaves a noncurrent one
     * and a delete marker, which the other actions remove.
     */
    private void putLifecycle(List<LifecycleRule> others) {
        List<LifecycleRule> rules = new ArrayList<>(others);
        rules.add(LifecycleRule.builder()
                .id(EXPIRE_RULE)
                .status(ExpirationStatus.ENABLED)
                .filter(f -> f.tag(t -> t.key(RETIRED_TAG).value("true")))
                .expiration(e -> e.days(EXPIRE_DAYS))
                .build());
        // a tag filter cannot carry AbortIncompleteMultipartUpload, so the clean-up is a rule of its own
        rules.add(LifecycleRule.builder()
                .id(MARKER_RULE)
                .status(ExpirationStatus.ENABLED)
                .filter(f -> f.prefix(""))
                .expiration(e -> e.expiredObjectDeleteMarker(true))
                .noncurrentVersionExpiration(n -> n.noncurrentDays(1))
                .abortIncompleteMultipartUpload(a -> a.daysAfterInitiation(1))
                .build());
        s3.putBucketLifecycleConfiguration(
                b -> b.bucket(name).expectedBucketOwner(owner).lifecycleConfiguration(l -> l.rules(rules)));
    }

    private ProviderException notOurs(AwsServiceException e) {
        return new ProviderException(
                "artifact bucket " + name + " answered 403 (" + AwsErrors.describe(e) + "): it belongs to another AWS"
                        + " account than " + owner
                        + ", or these credentials may not read it. strato will not upload packages to a bucket it cannot"
                        + " prove is yours; allow s3:ListBucket on it, or deploy under another stack name or stage"
                        + " (see https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-owner-condition.html)",
                e);
    }

    private static String shortHash(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
