package dev.ferry.functions;

import com.microsoft.azure.functions.annotation.CustomBinding;
import com.microsoft.azure.functions.annotation.HasImplicitOutput;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds an orchestrator function's parameter to the Durable extension's orchestration request
 * (binding type {@code orchestrationTrigger}; in passthrough mode a base64 {@code OrchestratorRequest}).
 * Shaped like durabletask-azure-functions' annotation of the same name, which the registry here
 * does not serve. {@link HasImplicitOutput} makes the Java worker send the method's return value
 * (the base64 {@code OrchestratorResponse}) back to the host; a bare {@code @CustomBinding} would
 * have it dropped.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@CustomBinding(direction = "in", name = "", type = "orchestrationTrigger")
@HasImplicitOutput
public @interface DurableOrchestrationTrigger {
    /** The parameter's name in function.json. */
    String name();

    /** The orchestration's name; empty means the function's name. */
    String orchestration() default "";

    /** How the worker reads the value: {@code string}, as the official annotation declares. */
    String dataType() default "string";
}
