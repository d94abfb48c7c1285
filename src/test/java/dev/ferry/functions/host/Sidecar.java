package dev.ferry.functions.host;

import com.google.protobuf.StringValue;
import com.google.protobuf.Timestamp;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.CreateInstanceRequest;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.CreateInstanceResponse;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.GetInstanceRequest;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.GetInstanceResponse;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.InstanceQuery;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.OrchestrationState;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.QueryInstancesRequest;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.QueryInstancesResponse;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.RaiseEventRequest;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.RaiseEventResponse;
import com.microsoft.durabletask.implementation.protobuf.TaskHubSidecarServiceGrpc;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The Durable extension's local gRPC endpoint, in process on a loopback port, backed by a {@link HubStore}:
 * the client calls the migrations API makes (StartInstance, GetInstance, RaiseEvent, QueryInstances)
 * answered as the extension's {@code LocalGrpcListener} answers them (an unknown instance is
 * {@code exists = false}; a duplicate start is ALREADY_EXISTS; inputs and outputs only when asked for).
 * Anything else is UNIMPLEMENTED, so a new client call shows up as a failing test.
 */
public final class Sidecar extends TaskHubSidecarServiceGrpc.TaskHubSidecarServiceImplBase implements AutoCloseable {
    private final HubStore store;
    private final Server server;

    private Sidecar(HubStore store) {
        this.store = store;
        try {
            this.server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).addService(this).build().start();
        } catch (IOException e) {
            throw new UncheckedIOException("the sidecar could not listen on loopback", e);
        }
    }

    public static Sidecar start(HubStore store) {
        return new Sidecar(store);
    }

    public int port() {
        return server.getPort();
    }

    /**
     * The durableClient binding's value in passthrough mode (the extension's BindingHelper writes these
     * properties, nulls included, with Newtonsoft).
     */
    public String bindingJson(String taskHub, String systemKey) {
        return "{\"taskHubName\":\"" + taskHub + "\",\"connectionName\":null,\"creationUrls\":null,\"managementUrls\":null,"
                + "\"baseUrl\":null,\"requiredQueryStringParameters\":\"code=" + systemKey + "\",\"rpcBaseUrl\":\"http://localhost:" + port()
                + "\",\"httpBaseUrl\":\"http://localhost:7071/runtime/webhooks/durabletask\"}";
    }

    @Override
    public void startInstance(CreateInstanceRequest request, StreamObserver<CreateInstanceResponse> response) {
        String problem = store.createInstance(request.getInstanceId(), request.getName(),
                request.hasInput() ? request.getInput().getValue() : null, null);
        if (problem != null) {
            response.onError(Status.ALREADY_EXISTS.withDescription("An Orchestration instance with the ID " + request.getInstanceId()
                    + " already exists.").asRuntimeException());
            return;
        }
        response.onNext(CreateInstanceResponse.newBuilder().setInstanceId(request.getInstanceId()).build());
        response.onCompleted();
    }

    @Override
    public void getInstance(GetInstanceRequest request, StreamObserver<GetInstanceResponse> response) {
        GetInstanceResponse.Builder b = GetInstanceResponse.newBuilder();
        store.instance(request.getInstanceId()).ifPresentOrElse(i -> b.setExists(true).setOrchestrationState(state(i,
                request.getGetInputsAndOutputs())), () -> b.setExists(false));
        response.onNext(b.build());
        response.onCompleted();
    }

    @Override
    public void raiseEvent(RaiseEventRequest request, StreamObserver<RaiseEventResponse> response) {
        if (!store.raiseEvent(request.getInstanceId(), request.getName(), request.hasInput() ? request.getInput().getValue() : null)) {
            response.onError(Status.UNKNOWN.withDescription("No instance with ID '" + request.getInstanceId() + "' is running")
                    .asRuntimeException());
            return;
        }
        response.onNext(RaiseEventResponse.getDefaultInstance());
        response.onCompleted();
    }

    @Override
    public void queryInstances(QueryInstancesRequest request, StreamObserver<QueryInstancesResponse> response) {
        InstanceQuery q = request.getQuery();
        QueryInstancesResponse.Builder b = QueryInstancesResponse.newBuilder();
        for (HubStore.Instance i : store.instances()) {
            boolean prefix = !q.hasInstanceIdPrefix() || i.id.startsWith(q.getInstanceIdPrefix().getValue());
            boolean status = q.getRuntimeStatusCount() == 0 || q.getRuntimeStatusList().contains(i.status);
            if (prefix && status) {
                b.addOrchestrationState(state(i, q.getFetchInputsAndOutputs()));
            }
        }
        response.onNext(b.build());
        response.onCompleted();
    }

    private static OrchestrationState state(HubStore.Instance i, boolean withData) {
        OrchestrationState.Builder s = OrchestrationState.newBuilder().setInstanceId(i.id).setName(i.name).setOrchestrationStatus(i.status)
                .setCreatedTimestamp(ts(i.created)).setLastUpdatedTimestamp(ts(i.lastUpdated));
        if (withData) {
            if (i.input != null) {
                s.setInput(StringValue.of(i.input));
            }
            if (i.output != null) {
                s.setOutput(StringValue.of(i.output));
            }
            if (i.customStatus != null) {
                s.setCustomStatus(StringValue.of(i.customStatus));
            }
            if (i.failure != null) {
                s.setFailureDetails(i.failure);
            }
        }
        return s.build();
    }

    private static Timestamp ts(Instant t) {
        return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    }
}
