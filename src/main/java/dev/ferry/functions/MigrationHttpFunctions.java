package dev.ferry.functions;

import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import com.microsoft.durabletask.DurableTaskClient;
import dev.ferry.engine.FerryException;
import java.util.Optional;
import java.util.function.Function;

/**
 * The HTTP functions of the migrations API (function-level keys). They translate requests to
 * {@link MigrationHttpApi} and its answers back; no secret is logged or returned.
 */
public final class MigrationHttpFunctions {
    private final Function<String, DurableTaskClient> clients;

    public MigrationHttpFunctions() {
        this(json -> DurableClientBinding.parse(json).client());
    }

    /** For tests: how a binding value becomes a client. */
    MigrationHttpFunctions(Function<String, DurableTaskClient> clients) {
        this.clients = clients;
    }

    @FunctionName("StartMigration")
    public HttpResponseMessage start(
            @HttpTrigger(name = "req", methods = {HttpMethod.POST}, route = "migrations", authLevel = AuthorizationLevel.FUNCTION)
            HttpRequestMessage<Optional<String>> req,
            @DurableClientInput(name = "client") String binding) {
        return handle(req, binding, api -> api.start(req.getBody().orElse(null)));
    }

    @FunctionName("GetMigration")
    public HttpResponseMessage status(
            @HttpTrigger(name = "req", methods = {HttpMethod.GET}, route = "migrations/{id}", authLevel = AuthorizationLevel.FUNCTION)
            HttpRequestMessage<Optional<String>> req,
            @BindingName("id") String id,
            @DurableClientInput(name = "client") String binding) {
        return handle(req, binding, api -> api.status(id));
    }

    @FunctionName("GetMigrationReport")
    public HttpResponseMessage report(
            @HttpTrigger(name = "req", methods = {HttpMethod.GET}, route = "migrations/{id}/report", authLevel = AuthorizationLevel.FUNCTION)
            HttpRequestMessage<Optional<String>> req,
            @BindingName("id") String id,
            @DurableClientInput(name = "client") String binding) {
        return handle(req, binding, api -> api.report(id));
    }

    @FunctionName("StartCutover")
    public HttpResponseMessage startCutover(
            @HttpTrigger(name = "req", methods = {HttpMethod.POST}, route = "migrations/{id}/start-cutover",
                    authLevel = AuthorizationLevel.FUNCTION) HttpRequestMessage<Optional<String>> req,
            @BindingName("id") String id,
            @DurableClientInput(name = "client") String binding) {
        return handle(req, binding, api -> api.raise(id, MigrationHttpApi.START_CUTOVER_EVENT, req.getBody().orElse(null)));
    }

    @FunctionName("ApproveCutover")
    public HttpResponseMessage approve(
            @HttpTrigger(name = "req", methods = {HttpMethod.POST}, route = "migrations/{id}/approve-cutover",
                    authLevel = AuthorizationLevel.FUNCTION) HttpRequestMessage<Optional<String>> req,
            @BindingName("id") String id,
            @DurableClientInput(name = "client") String binding) {
        return handle(req, binding, api -> api.raise(id, MigrationHttpApi.APPROVE_EVENT, req.getBody().orElse(null)));
    }

    @FunctionName("RollbackMigration")
    public HttpResponseMessage rollback(
            @HttpTrigger(name = "req", methods = {HttpMethod.POST}, route = "migrations/{id}/rollback",
                    authLevel = AuthorizationLevel.FUNCTION) HttpRequestMessage<Optional<String>> req,
            @BindingName("id") String id,
            @DurableClientInput(name = "client") String binding) {
        return handle(req, binding, api -> api.raise(id, MigrationHttpApi.ROLLBACK_EVENT, req.getBody().orElse(null)));
    }

    private HttpResponseMessage handle(HttpRequestMessage<Optional<String>> req, String binding,
                                       Function<MigrationHttpApi, ApiResponse> call) {
        DurableClientBinding b = DurableClientBinding.parse(binding);
        String base = req.getUri().getScheme() + "://" + req.getUri().getAuthority();
        ApiResponse r;
        try (DurableTaskClient client = clients.apply(binding)) {
            r = call.apply(new MigrationHttpApi(client, base, b.requiredQueryStringParameters()));
        } catch (FerryException e) {
            r = ApiResponse.error(500, e.getMessage());
        }
        HttpResponseMessage.Builder builder = req.createResponseBuilder(HttpStatus.valueOf(r.status())).body(r.body());
        r.headers().forEach(builder::header);
        return builder.build();
    }
}
