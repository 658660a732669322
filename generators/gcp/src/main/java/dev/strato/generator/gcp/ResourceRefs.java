package dev.strato.generator.gcp;

import dev.strato.generator.GenerationException;
import dev.strato.model.service.Resource;
import dev.strato.model.service.Service;
import dev.strato.model.service.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * How the configuration points at the service's resources. A table is a Firestore database whose
 * documents live in a collection of the same name, so its {@code name} serves both; a queue is a
 * Pub/Sub topic (what senders publish to) with one subscription (what its consumer reads).
 */
final class ResourceRefs {

    private static final String PUBSUB_API = "https://pubsub.googleapis.com/v1/";
    private static final String STORAGE_API = "https://storage.googleapis.com/";

    private final Service service;

    ResourceRefs(Service service) {
        this.service = service;
    }

    Resource resource(String name) {
        Resource r = service.resources().get(name);
        if (r == null) throw new IllegalArgumentException("no resource " + name);
        return r;
    }

    /** The Terraform type that stands for a model resource. */
    String type(String name) {
        Resource r = resource(name);
        if (r instanceof Resource.Bucket) return Types.BUCKET;
        if (r instanceof Resource.Table) return Types.FIRESTORE;
        return Types.TOPIC;
    }

    Tf.Expr attribute(String name, String attribute) {
        return Tf.ref(type(name), GcpNames.key(name), attribute);
    }

    Tf.Expr name(String resource) {
        return attribute(resource, "name");
    }

    /** Pub/Sub and Firestore ids are full resource names already; a bucket's Terraform id is only its name. */
    Object id(String resource) {
        if (resource(resource) instanceof Resource.Bucket) return Tf.template("projects/_/buckets/", name(resource));
        return attribute(resource, "id");
    }

    Object url(String resource) {
        Resource r = resource(resource);
        if (r instanceof Resource.Bucket) return Tf.template(STORAGE_API, name(resource));
        if (r instanceof Resource.Queue) return Tf.template(PUBSUB_API, id(resource));
        throw new IllegalArgumentException("a " + r.type() + " has no url");
    }

    Tf.Expr subscription(String queue, String attribute) {
        return Tf.ref(Types.SUBSCRIPTION, GcpNames.key(queue), attribute);
    }

    /** A model value as a Terraform value; a secret is rendered apart (see {@link FunctionResources}), never inside other text. */
    Object value(Value v, String where) throws GenerationException {
        if (v instanceof Value.Text t) return t.text();
        if (v instanceof Value.Ref r) {
            return switch (r.attribute()) {
                case "name" -> name(r.resource());
                case "id" -> id(r.resource());
                case "url" -> url(r.resource());
                default -> throw new IllegalArgumentException("unknown attribute " + r.attribute());
            };
        }
        if (v instanceof Value.Secret s) {
            throw new GenerationException(
                    where + " mixes secret " + s.name()
                            + " with other text: on GCP a secret fills a whole environment variable (secret_environment_variables)");
        }
        List<Object> parts = new ArrayList<>();
        for (Value p : ((Value.Concat) v).parts()) parts.add(value(p, where));
        return Tf.template(parts.toArray());
    }
}
