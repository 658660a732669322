package dev.strato.generator.azure;

import java.util.Locale;

/**
 * Built-in roles strato grants the app's identity, with their fixed ids
 * (role-based-access-control/built-in-roles; Cosmos DB: how-to-setup-rbac#built-in-role-definitions).
 */
enum Role {
    STORAGE_BLOB_DATA_OWNER("b7e6dc6d-f1e8-4753-8033-0f276bb0955b", false),
    STORAGE_BLOB_DATA_CONTRIBUTOR("ba92f5b4-2d11-453d-a403-e96b0029c9fe", false),
    STORAGE_BLOB_DATA_READER("2a2b9908-6ea1-4ae2-8e65-a410df84e7d1", false),
    STORAGE_QUEUE_DATA_CONTRIBUTOR("974c5e8b-45b9-4653-ba55-5f855dd0fb88", false),
    STORAGE_QUEUE_DATA_READER("19e7f393-937e-4f77-808e-94535e297925", false),
    STORAGE_QUEUE_DATA_MESSAGE_SENDER("c6a89b2d-59bc-44d0-9896-0f6e12d7b80a", false),
    STORAGE_QUEUE_DATA_MESSAGE_PROCESSOR("8a0f0c08-91a1-4084-bc3d-661d67233fed", false),
    SERVICE_BUS_DATA_SENDER("69a216fc-b8fb-44d8-bc22-1f3c2cd27a39", false),
    SERVICE_BUS_DATA_RECEIVER("4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0", false),
    SERVICE_BUS_DATA_OWNER("090c5cfd-751d-490a-894a-3ce6f1109419", false),
    STORAGE_TABLE_DATA_CONTRIBUTOR("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", false),
    KEY_VAULT_SECRETS_USER("4633458b-17de-408a-b874-0445c86b69e6", false),
    MONITORING_METRICS_PUBLISHER("3913510d-42f4-4e42-8a64-420c390055eb", false),
    COSMOS_DATA_READER("00000000-0000-0000-0000-000000000001", true),
    COSMOS_DATA_CONTRIBUTOR("00000000-0000-0000-0000-000000000002", true),
    /** strato's own Cosmos DB role, readMetadata only: its id is fixed so that every deployment names the same definition. */
    COSMOS_METADATA_READER("5b1e3d8a-7c2f-4e61-9a0d-3f6b2c8e4a17", true);

    private final String id;
    private final boolean cosmos;

    Role(String id, boolean cosmos) {
        this.id = id;
        this.cosmos = cosmos;
    }

    String id() {
        return id;
    }

    /** Whether this role allows all that {@code other} does, so that {@code other} adds nothing on the same resource. */
    boolean covers(Role other) {
        return switch (this) {
            case STORAGE_BLOB_DATA_OWNER -> other == STORAGE_BLOB_DATA_CONTRIBUTOR || other == STORAGE_BLOB_DATA_READER;
            case STORAGE_BLOB_DATA_CONTRIBUTOR -> other == STORAGE_BLOB_DATA_READER;
            case COSMOS_DATA_CONTRIBUTOR -> other == COSMOS_DATA_READER;
            case SERVICE_BUS_DATA_OWNER -> other == SERVICE_BUS_DATA_RECEIVER || other == SERVICE_BUS_DATA_SENDER;
            default -> false;
        };
    }

    /** Cosmos DB data roles are assigned inside the account ({@code sqlRoleAssignments}), not by Azure RBAC. */
    boolean isCosmos() {
        return cosmos;
    }

    /** The template variable that holds the id: {@code storageBlobDataOwnerRole}. */
    String variable() {
        String title = title().replace(" ", "");
        return Character.toLowerCase(title.charAt(0)) + title.substring(1) + "Role";
    }

    /** {@code Storage Blob Data Owner}, for descriptions. */
    String title() {
        StringBuilder b = new StringBuilder();
        for (String word : name().toLowerCase(Locale.ROOT).split("_")) {
            if (b.length() > 0) b.append(' ');
            b.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return b.toString();
    }
}
