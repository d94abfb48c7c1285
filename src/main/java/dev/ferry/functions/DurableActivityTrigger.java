package dev.ferry.functions;

import com.microsoft.azure.functions.annotation.CustomBinding;
import com.microsoft.azure.functions.annotation.HasImplicitOutput;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds an activity function's parameter to the activity's input (binding type
 * {@code activityTrigger}; the serialized input as JSON). Shaped like durabletask-azure-functions'
 * annotation of the same name. {@link HasImplicitOutput} makes the Java worker hand the method's
 * return value to the host as the activity's result; without it the activity completes with null.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@CustomBinding(direction = "in", name = "", type = "activityTrigger")
@HasImplicitOutput
public @interface DurableActivityTrigger {
    /** The parameter's name in function.json. */
    String name();

    /** The activity's name; empty means the function's name. */
    String activity() default "";

    /** How the worker reads the value; empty (as the official annotation declares) lets it convert to the parameter's type. */
    String dataType() default "";
}
