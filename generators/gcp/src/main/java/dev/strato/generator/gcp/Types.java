package dev.strato.generator.gcp;

/** The Terraform resource and data source types the configuration uses. */
final class Types {

    static final String PROJECT_SERVICE = "google_project_service";
    static final String SERVICE_ACCOUNT = "google_service_account";
    static final String BUCKET = "google_storage_bucket";
    static final String BUCKET_OBJECT = "google_storage_bucket_object";
    static final String BUCKET_IAM = "google_storage_bucket_iam_member";
    static final String FIRESTORE = "google_firestore_database";
    static final String TOPIC = "google_pubsub_topic";
    static final String TOPIC_IAM = "google_pubsub_topic_iam_member";
    static final String SUBSCRIPTION = "google_pubsub_subscription";
    static final String SUBSCRIPTION_IAM = "google_pubsub_subscription_iam_member";
    static final String FUNCTION = "google_cloudfunctions2_function";
    static final String RUN_IAM = "google_cloud_run_v2_service_iam_member";
    static final String PROJECT_IAM = "google_project_iam_member";
    static final String SECRET_IAM = "google_secret_manager_secret_iam_member";
    static final String SCHEDULER_JOB = "google_cloud_scheduler_job";
    static final String EVENTARC_TRIGGER = "google_eventarc_trigger";
    static final String ALERT_POLICY = "google_monitoring_alert_policy";
    static final String API = "google_api_gateway_api";
    static final String API_CONFIG = "google_api_gateway_api_config";
    static final String GATEWAY = "google_api_gateway_gateway";

    static final String DATA_PROJECT = "google_project";
    static final String DATA_GCS_AGENT = "google_storage_project_service_account";

    private Types() {}
}
