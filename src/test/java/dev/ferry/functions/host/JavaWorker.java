package dev.ferry.functions.host;

import com.google.gson.Gson;
import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.OutputBinding;
import dev.ferry.functions.host.StagedApp.StagedFunction;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Azure Functions Java worker's rules, played on a staged function (azure-functions-java-worker
 * {@code FunctionDefinition}, {@code ParamBindInfo}, {@code CoreTypeResolver}, {@code ParameterResolver},
 * {@code BindingDataStore}, {@code RpcUnspecifiedDataTarget}):
 * <ul>
 * <li>the entry point is the one public method of that name declared by the class (none or several is an error);</li>
 * <li>a parameter binds by the {@code name} of its annotation (an annotation of the library's package, or one
 * meta-annotated {@code @CustomBinding}); with no name, by {@code @BindingName} from the trigger's metadata;
 * otherwise by type, which only an {@link ExecutionContext} satisfies;</li>
 * <li>the return value reaches the host only when function.json has an output binding {@code $return} or a
 * parameter's annotation type is itself annotated {@code @HasImplicitOutput};</li>
 * <li>a returned value travels as: null → JSON {@code null}; Long/Integer/Short/Byte → int; Double/Float →
 * double; byte[] → bytes; String → string; anything else → JSON written by Gson (the worker's Gson 2.9).</li>
 * </ul>
 */
public final class JavaWorker {
    static final String RETURN = "$return";
    private static final String LIBRARY_ANNOTATIONS = "com.microsoft.azure.functions.annotation";
    private static final String CUSTOM_BINDING = "com.microsoft.azure.functions.annotation.CustomBinding";
    private static final String HAS_IMPLICIT_OUTPUT = "com.microsoft.azure.functions.annotation.HasImplicitOutput";
    private static final String BINDING_NAME = "com.microsoft.azure.functions.annotation.BindingName";
    private static final Gson GSON = new Gson();
    private static final Map<java.nio.file.Path, ClassLoader> STAGED_LOADERS = new java.util.concurrent.ConcurrentHashMap<>();
    private final ClassLoader loader;

    /** A worker that loads function classes from the test class path (for the kit's own test functions). */
    public JavaWorker() {
        this.loader = JavaWorker.class.getClassLoader();
    }

    private JavaWorker(ClassLoader loader) {
        this.loader = loader;
    }

    /**
     * A worker that loads Ferry's classes ({@code dev.ferry.*}) from the staged {@code ferry.jar}, as the real
     * worker does, so a class missing from it, or stale in it, fails here; the dependencies come from the test
     * class path (the same artifacts the staging copied to {@code lib/}). One loader per jar for the JVM.
     */
    public static JavaWorker staged(java.nio.file.Path ferryJar) {
        return new JavaWorker(STAGED_LOADERS.computeIfAbsent(ferryJar.toAbsolutePath(), StagedJarLoader::new));
    }

    /** Child-first for Ferry's own classes, parent-first for everything else. */
    private static final class StagedJarLoader extends java.net.URLClassLoader {
        StagedJarLoader(java.nio.file.Path jar) {
            super(new java.net.URL[] {url(jar)}, JavaWorker.class.getClassLoader());
        }

        private static java.net.URL url(java.nio.file.Path jar) {
            if (!java.nio.file.Files.isRegularFile(jar)) {
                throw new IllegalStateException("no staged " + jar + ": run `mvn -DskipTests package` first");
            }
            try {
                return jar.toUri().toURL();
            } catch (java.net.MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("dev.ferry.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    c = findClass(name);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }

    /** How a parameter is bound: by binding name, by trigger metadata name, or by type. */
    public record BoundParameter(Parameter parameter, String bindingName, String metadataName, boolean implicitOutput) {
    }

    /** A function as the worker loads it; {@code problems} lists what would fail at load or invocation. */
    public record Resolved(StagedFunction function, Method method, List<BoundParameter> parameters, boolean returnTransmitted,
                           List<String> problems) {
        public boolean returnsValue() {
            return method != null && method.getReturnType() != void.class && method.getReturnType() != Void.class;
        }

        public boolean implicitOutput() {
            return parameters.stream().anyMatch(BoundParameter::implicitOutput);
        }
    }

    /** What the worker sends the host for the return value; {@code kind} is the TypedData case. */
    public record Output(Kind kind, Object value) {
        public enum Kind { DROPPED, JSON, STRING, INT, DOUBLE, BYTES, HTTP }

        public String text() {
            return value == null ? null : value.toString();
        }
    }

    /** The user code threw: the worker reports a failed invocation with this exception. */
    public static final class FunctionFailedException extends RuntimeException {
        public FunctionFailedException(String function, Throwable cause) {
            super("function " + function + " failed: " + cause, cause);
        }
    }

    public Resolved resolve(StagedFunction f) {
        List<String> problems = new ArrayList<>();
        Class<?> type;
        try {
            type = Class.forName(f.className(), false, loader);
        } catch (ClassNotFoundException e) {
            return new Resolved(f, null, List.of(), false, List.of("class " + f.className() + " not found"));
        }
        List<Method> candidates = new ArrayList<>();
        for (Method m : type.getMethods()) {
            if (m.getDeclaringClass().getName().equals(f.className()) && m.getName().equals(f.methodName())) {
                candidates.add(m);
            }
        }
        if (candidates.size() != 1) {
            return new Resolved(f, null, List.of(), false, List.of(candidates.isEmpty()
                    ? "there are no public methods named \"" + f.methodName() + "\" in class \"" + f.className() + "\""
                    : "found more than one function with method name \"" + f.methodName() + "\" in class \"" + f.className() + "\""));
        }
        Method method = candidates.get(0);
        List<BoundParameter> params = new ArrayList<>();
        for (Parameter p : method.getParameters()) {
            BoundParameter bound = new BoundParameter(p, annotationName(p), bindingNameAnnotation(p), implicitOutput(p));
            params.add(bound);
            problems.addAll(bindingProblems(f, bound));
        }
        boolean implicit = params.stream().anyMatch(BoundParameter::implicitOutput);
        boolean returnsValue = method.getReturnType() != void.class && method.getReturnType() != Void.class;
        boolean definedReturn = f.binding(RETURN).map(StagedApp.Binding::isOutput).orElse(false);
        boolean transmitted = (returnsValue || implicit) && (definedReturn || implicit);
        if (returnsValue && !transmitted) {
            problems.add("the return value (" + method.getReturnType().getSimpleName() + ") is dropped: function.json has no $return"
                    + " binding and no parameter annotation is marked @HasImplicitOutput");
        }
        return new Resolved(f, method, params, transmitted, problems);
    }

    private static List<String> bindingProblems(StagedFunction f, BoundParameter p) {
        Class<?> raw = p.parameter().getType();
        if (OutputBinding.class.isAssignableFrom(raw)) {
            return List.of();
        }
        if (p.bindingName() != null && !p.bindingName().isEmpty()) {
            boolean input = f.binding(p.bindingName()).map(b -> !"out".equals(b.direction())).orElse(false);
            return input ? List.of() : List.of("parameter " + p.parameter().getName() + " binds to '" + p.bindingName()
                    + "', which function.json does not declare as an input: cannot find matched parameter name");
        }
        if (p.bindingName() == null && !p.metadataName().isEmpty()) {
            return List.of();
        }
        return raw == ExecutionContext.class ? List.of()
                : List.of("parameter " + p.parameter().getName() + " has no binding name and is not an ExecutionContext");
    }

    /**
     * Invokes the function as the worker does, with {@code inputs} by binding name (trigger metadata such as
     * route parameters by their name too); returns what the worker sends back for {@code $return}.
     */
    public Output invoke(StagedFunction f, Map<String, Object> inputs, ExecutionContext context) {
        Resolved r = resolve(f);
        if (r.method() == null || r.problems().stream().anyMatch(p -> !p.startsWith("the return value"))) {
            throw new IllegalStateException("the worker cannot invoke " + f.name() + ": " + r.problems());
        }
        Object[] args = new Object[r.parameters().size()];
        for (int i = 0; i < args.length; i++) {
            BoundParameter p = r.parameters().get(i);
            String key = p.bindingName() != null && !p.bindingName().isEmpty() ? p.bindingName() : p.metadataName();
            args[i] = p.parameter().getType() == ExecutionContext.class ? context : inputs.get(key);
            if (args[i] != null && !wrap(p.parameter().getType()).isInstance(args[i])) {
                throw new IllegalStateException("the kit has no conversion of " + args[i].getClass() + " to " + p.parameter().getType()
                        + " for " + f.name() + "." + key);
            }
        }
        Object returned;
        try {
            Object instance = r.method().getDeclaringClass().getDeclaredConstructor().newInstance();
            returned = r.method().invoke(instance, args);
        } catch (InvocationTargetException e) {
            throw new FunctionFailedException(f.name(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the worker cannot instantiate " + f.className(), e);
        }
        if (!r.returnTransmitted()) {
            return new Output(Output.Kind.DROPPED, null);
        }
        return typed(returned);
    }

    /** The TypedData the worker makes of a returned value. */
    public static Output typed(Object v) {
        if (v == null) {
            return new Output(Output.Kind.JSON, "null");
        }
        if (v instanceof HttpResponseMessage) {
            return new Output(Output.Kind.HTTP, v);
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return new Output(Output.Kind.INT, ((Number) v).longValue());
        }
        if (v instanceof Double || v instanceof Float) {
            return new Output(Output.Kind.DOUBLE, ((Number) v).doubleValue());
        }
        if (v instanceof byte[]) {
            return new Output(Output.Kind.BYTES, v);
        }
        if (v instanceof String) {
            return new Output(Output.Kind.STRING, v);
        }
        return new Output(Output.Kind.JSON, GSON.toJson(v));
    }

    private static Class<?> wrap(Class<?> c) {
        return c.isPrimitive() ? java.lang.invoke.MethodType.methodType(c).wrap().returnType() : c;
    }

    /** The worker's CoreTypeResolver.getAnnotationName: the last library annotation's name, else a custom binding's. */
    static String annotationName(Parameter parameter) {
        String name = null;
        for (Annotation a : parameter.getAnnotations()) {
            if (a.toString().contains(LIBRARY_ANNOTATIONS)) {
                name = nameOf(a);
            }
            if (name == null) {
                for (Annotation meta : a.annotationType().getAnnotations()) {
                    if (meta.annotationType().getName().equals(CUSTOM_BINDING)) {
                        name = nameOf(a);
                        if (name == null) {
                            name = nameOf(meta);
                        }
                        break;
                    }
                }
            }
        }
        return name;
    }

    private static String nameOf(Annotation a) {
        try {
            return (String) a.annotationType().getMethod("name").invoke(a);
        } catch (ReflectiveOperationException | ClassCastException e) {
            return null;
        }
    }

    private static String bindingNameAnnotation(Parameter p) {
        for (Annotation a : p.getAnnotations()) {
            if (a.annotationType().getName().equals(BINDING_NAME)) {
                try {
                    return (String) a.annotationType().getMethod("value").invoke(a);
                } catch (ReflectiveOperationException e) {
                    return null;
                }
            }
        }
        return "";
    }

    /** The worker's CoreTypeResolver.checkImplicitOutput: an annotation whose type carries @HasImplicitOutput(true). */
    static boolean implicitOutput(Parameter p) {
        for (Annotation a : p.getAnnotations()) {
            for (Annotation meta : a.annotationType().getAnnotations()) {
                if (meta.annotationType().getName().equals(HAS_IMPLICIT_OUTPUT)) {
                    try {
                        if ((boolean) meta.annotationType().getMethod("value").invoke(meta)) {
                            return true;
                        }
                    } catch (ReflectiveOperationException e) {
                        return false;
                    }
                }
            }
        }
        return false;
    }
}
