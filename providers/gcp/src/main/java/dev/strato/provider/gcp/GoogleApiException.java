package dev.strato.provider.gcp;

/** An error answer of a Google API: its HTTP status, its {@code error.status} (NOT_FOUND, ALREADY_EXISTS, …) and message. */
final class GoogleApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final String status;

    GoogleApiException(int statusCode, String status, String message) {
        super(message);
        this.statusCode = statusCode;
        this.status = status;
    }

    int statusCode() {
        return statusCode;
    }

    String status() {
        return status;
    }

    boolean notFound() {
        return statusCode == 404;
    }

    boolean conflict() {
        return statusCode == 409;
    }
}
