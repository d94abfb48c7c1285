package dev.ferry.engine.source.expr;

import java.util.List;
import java.util.Map;

/** What a {@link CallTranslation} uses of the translation it is part of. */
interface ViewCalls {
    List<SqlToken> tokens();

    Map<String, FunctionRule> functions();

    boolean standard(String function);

    String arguments(int from, int to);

    String mapType(int from, int to);
}
