package dev.ferry.functions;

import com.microsoft.azure.functions.annotation.CustomBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a parameter to the Durable client (binding type {@code durableClient}): the JSON the
 * extension sends with its local gRPC endpoint, read by {@link DurableClientBinding}. Shaped like
 * durabletask-azure-functions' annotation of the same name; an input only, so no implicit output
 * (the HTTP functions return through their {@code $return} binding).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@CustomBinding(direction = "in", name = "", type = "durableClient")
public @interface DurableClientInput {
    /** The parameter's name in function.json. */
    String name();

    /** How the worker reads the value; empty, as the official annotation declares. */
    String dataType() default "";

    /** The task hub; empty means the one in host.json. */
    String taskHub() default "";
}
