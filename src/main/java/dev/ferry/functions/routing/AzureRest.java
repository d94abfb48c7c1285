package dev.ferry.functions.routing;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import com.azure.core.http.policy.RetryPolicy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;

/**
 * JSON over HTTPS to an Azure REST endpoint with the app's Entra ID token, for the routing switches
 * whose SDK is not available here (App Service settings through ARM, App Configuration key-values).
 * Errors name the operation, the HTTP status and Azure's error code, never a value sent or read.
 */
final class AzureRest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpPipeline pipeline;

    AzureRest(TokenCredential credential, String scope, HttpClient http) {
        this.pipeline = new HttpPipelineBuilder().httpClient(http == null ? HttpClient.createDefault() : http)
                .policies(new RetryPolicy(), new BearerTokenAuthenticationPolicy(credential, scope)).build();
    }

    /** Sends the request; returns the response's JSON, or null for 404 when {@code missingIsNull}. */
    JsonNode send(HttpMethod method, String url, String contentType, JsonNode body, String what, boolean missingIsNull) {
        HttpRequest request = new HttpRequest(method, url);
        if (body != null) {
            request.setHeader(HttpHeaderName.CONTENT_TYPE, contentType);
            request.setBody(body.toString());
        }
        try (HttpResponse response = pipeline.send(request).block()) {
            int status = response.getStatusCode();
            String text = response.getBodyAsString().block();
            if (status == 404 && missingIsNull) {
                return null;
            }
            if (status / 100 != 2) {
                throw new FerryException(ErrorCode.CUTOVER, "Unable to " + what + ": HTTP " + status + errorCode(text));
            }
            return text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new FerryException(ErrorCode.CUTOVER, "Unable to " + what + ": the answer is not JSON", e);
        }
    }

    static ObjectMapper json() {
        return JSON;
    }

    private static String errorCode(String text) {
        try {
            JsonNode code = text == null ? null : JSON.readTree(text).path("error").path("code");
            return code == null || code.isMissingNode() ? "" : " (" + code.asText() + ")";
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
