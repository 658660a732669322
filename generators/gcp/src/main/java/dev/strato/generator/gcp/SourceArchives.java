package dev.strato.generator.gcp;

import dev.strato.generator.packaging.Artifact;
import dev.strato.generator.packaging.Packages;

/**
 * The strato-managed bucket of source zips and one object per zip, uploaded by the configuration
 * itself. The object is named after the zip, whose name carries its content hash: an unchanged zip
 * is never uploaded again, and a changed one is a new object that redeploys its functions.
 */
final class SourceArchives {

    static final String BUCKET = "strato_sources";
    static final String ARTIFACTS = "artifacts/";

    private SourceArchives() {}

    static Tf.Expr bucketName() {
        return Tf.ref(Types.BUCKET, BUCKET, "name");
    }

    /** The Terraform name of an artifact's object: its owner's (a function, or the service for a shared zip). */
    static String objectKey(Artifact a) {
        return GcpNames.key(a.owner());
    }

    static void add(Configuration c, GcpNames names, Packages packages) {
        c.resource(
                Types.BUCKET,
                BUCKET,
                Tf.map(
                        "name",
                        names.bucket("sources"),
                        "location",
                        Variables.region(),
                        "uniform_bucket_level_access",
                        true,
                        "public_access_prevention",
                        "enforced",
                        "force_destroy",
                        true));
        for (Artifact a : packages.distinct()) {
            c.resource(
                    Types.BUCKET_OBJECT,
                    objectKey(a),
                    Tf.map(
                            "name", a.fileName(),
                            "bucket", bucketName(),
                            "source", Tf.template(Tf.expr("path.module"), "/" + ARTIFACTS + a.fileName()),
                            "content_type", "application/zip"));
        }
        c.output("sources_bucket", "bucket of the function source zips", bucketName());
    }
}
