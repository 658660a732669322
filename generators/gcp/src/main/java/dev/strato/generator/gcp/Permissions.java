package dev.strato.generator.gcp;

import dev.strato.model.service.Resource;
import dev.strato.model.service.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What each neutral verb grants on GCP: an IAM member on the one bucket, topic or subscription.
 * Firestore has no IAM on a database, so table roles are granted on the project with a condition
 * that limits them to the table's database: the one documented exception to per-resource grants.
 */
final class Permissions {

    static final String DATASTORE_VIEWER = "roles/datastore.viewer";
    static final String DATASTORE_USER = "roles/datastore.user";

    private final ResourceRefs refs;
    private final Iam iam;

    Permissions(ResourceRefs refs, Iam iam) {
        this.refs = refs;
        this.iam = iam;
    }

    /** Grants {@code verbs} on {@code resource} to the function's service account. */
    void grant(String function, String resource, List<Verb> verbs) {
        String fn = GcpNames.key(function);
        String res = GcpNames.key(resource);
        Object member = Iam.member(fn);
        Resource r = refs.resource(resource);
        if (r instanceof Resource.Table) {
            String role = verbs.contains(Verb.WRITE) ? DATASTORE_USER : DATASTORE_VIEWER;
            iam.project(
                    fn + "_" + res + "_" + (role.equals(DATASTORE_USER) ? "write" : "read"),
                    role,
                    member,
                    databaseOnly(resource));
            return;
        }
        List<String> bucketRoles = new ArrayList<>();
        for (Verb v : distinct(verbs)) {
            String name = fn + "_" + res + "_" + v.id();
            if (r instanceof Resource.Bucket) {
                // write and delete are the same role: one binding, which two resources would fight over on destroy
                if (bucketRoles.contains(bucketRole(v))) continue;
                bucketRoles.add(bucketRole(v));
                iam.grant(Types.BUCKET_IAM, name, Tf.map("bucket", refs.name(resource)), bucketRole(v), member);
            } else if (r instanceof Resource.Queue && v == Verb.RECEIVE) {
                iam.grant(
                        Types.SUBSCRIPTION_IAM,
                        name,
                        Tf.map("subscription", refs.subscription(resource, "name")),
                        Iam.PUBSUB_SUBSCRIBER,
                        member);
            } else {
                iam.grant(Types.TOPIC_IAM, name, Tf.map("topic", refs.name(resource)), Iam.PUBSUB_PUBLISHER, member);
            }
        }
    }

    /**
     * objectUser, not objectAdmin, for write and delete: it can create, overwrite and delete objects
     * but not change their IAM. objectCreator cannot overwrite (that needs storage.objects.delete),
     * so a second upload of the same key, or a retried delivery, would get 403.
     */
    static String bucketRole(Verb v) {
        return switch (v) {
            case READ -> "roles/storage.objectViewer";
            case WRITE -> "roles/storage.objectUser";
            case DELETE -> "roles/storage.objectUser";
            default -> throw new IllegalArgumentException(v + " on a bucket");
        };
    }

    private Map<String, Object> databaseOnly(String table) {
        Tf.Expr database = refs.name(table);
        return Tf.map(
                "title", "table " + table + " only",
                "description",
                        "Firestore roles exist only on the project: this limits the grant to the database of table "
                                + table,
                "expression",
                        Tf.template(
                                "resource.name == \"projects/", Variables.project(), "/databases/", database, "\""));
    }

    private static List<Verb> distinct(List<Verb> verbs) {
        List<Verb> list = new ArrayList<>();
        for (Verb v : verbs) {
            if (!list.contains(v)) list.add(v);
        }
        return list;
    }
}
