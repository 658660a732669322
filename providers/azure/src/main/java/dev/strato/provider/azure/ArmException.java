package dev.strato.provider.azure;

/**
 * An ARM error answer: the HTTP status and the {@code error.code} / {@code error.message} of the
 * common error response (learn.microsoft.com/azure/azure-resource-manager/management/common-deployment-errors).
 */
final class ArmException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    ArmException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code == null ? "HTTP " + status : code;
    }

    String describe() {
        String m = getMessage();
        return code() + (m == null || m.isBlank() ? "" : ": " + AzureErrors.firstLine(m));
    }
}
