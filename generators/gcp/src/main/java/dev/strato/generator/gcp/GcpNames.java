package dev.strato.generator.gcp;

import dev.strato.generator.naming.ResourceNames;
import dev.strato.model.service.Service;
import dev.strato.model.support.Names;

/**
 * Names of the configuration: Terraform names ({@code createOrder} → {@code create_order}) and the
 * physical names on GCP, {@code <service>-<stage>-<name>} within each API's length limit. Bucket
 * names are global across all projects, so they start with the project id.
 */
final class GcpNames {

    static final int FUNCTION_LENGTH = 63;
    static final int ACCOUNT_ID_LENGTH = 30;
    static final int PUBSUB_LENGTH = 255;
    static final int DATABASE_LENGTH = 63;
    static final int SCHEDULER_JOB_LENGTH = 500;
    static final int EVENTARC_TRIGGER_LENGTH = 63;
    static final int API_ID_LENGTH = 63;
    /** 63 less the longest project id (30) and the hyphen after it. */
    static final int BUCKET_SUFFIX_LENGTH = 63 - 30 - 1;

    private final ResourceNames names;
    private final String service;
    private final String stage;

    GcpNames(Service service) {
        this.names = new ResourceNames(service.name(), service.stage());
        this.service = service.name();
        this.stage = service.stage();
    }

    /** The Terraform name of a model name: snake case, which Terraform's name pattern allows for every model name. */
    static String key(String modelName) {
        return Names.kebab(modelName).replace('-', '_');
    }

    String label() {
        return service + "/" + stage;
    }

    String base(int maxLength) {
        return names.base(maxLength);
    }

    String function(String name) {
        return names.of(name, FUNCTION_LENGTH);
    }

    String serviceAccount(String name) {
        return names.of(name, ACCOUNT_ID_LENGTH);
    }

    /** {@code <service>-<stage>-<name>} within {@code maxLength}. */
    String of(int maxLength, String name) {
        return names.of(name, maxLength);
    }

    /** {@code <project>-<service>-<stage>-<name>}. */
    Object bucket(String name) {
        return Tf.template(Tf.var(Variables.PROJECT), "-" + names.of(name, BUCKET_SUFFIX_LENGTH));
    }
}
