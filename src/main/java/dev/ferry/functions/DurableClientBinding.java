package dev.ferry.functions;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.durabletask.DurableTaskClient;
import com.microsoft.durabletask.DurableTaskGrpcClientBuilder;
import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import java.io.IOException;
import java.net.URI;

/**
 * The {@code durableClient} input binding's value: the JSON the Functions host hands over, with
 * the local gRPC endpoint of the Durable extension. (The library that usually parses it,
 * durabletask-azure-functions, is not available from the registry this project builds from.)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DurableClientBinding(String rpcBaseUrl, String taskHubName, String requiredQueryStringParameters) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static DurableClientBinding parse(String json) {
        try {
            return JSON.readValue(json, DurableClientBinding.class);
        } catch (IOException e) {
            throw new FerryException(ErrorCode.CONFIGURATION, "Unable to read the durableClient binding: " + e.getMessage(), e);
        }
    }

    /** A client of the task hub over the extension's local gRPC endpoint. */
    public DurableTaskClient client() {
        if (rpcBaseUrl == null || rpcBaseUrl.isBlank()) {
            throw new FerryException(ErrorCode.CONFIGURATION, "Unable to reach the Durable extension: the binding has no rpcBaseUrl");
        }
        return new DurableTaskGrpcClientBuilder().port(URI.create(rpcBaseUrl).getPort()).build();
    }
}
