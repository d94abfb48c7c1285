package dev.ferry.functions;

import java.util.Map;

/** An HTTP answer of the migrations API before it becomes the Functions host's response. */
public record ApiResponse(int status, Map<String, String> headers, Object body) {
    static ApiResponse of(int status, Object body) {
        return new ApiResponse(status, Map.of("Content-Type", "application/json"), body);
    }

    /** A client error naming what was wrong. */
    static ApiResponse error(int status, String message) {
        return of(status, Map.of("error", message));
    }
}
