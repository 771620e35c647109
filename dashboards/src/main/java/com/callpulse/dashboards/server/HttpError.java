package com.callpulse.dashboards.server;

/** An answer other than success, with a message meant for the user; thrown by handlers, answered by the server. */
public final class HttpError extends RuntimeException {
    private final int status;

    public HttpError(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
