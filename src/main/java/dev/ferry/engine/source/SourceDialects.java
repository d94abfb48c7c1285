package dev.ferry.engine.source;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.source.h2.H2Dialect;
import dev.ferry.engine.source.postgres.PostgresDialect;
import dev.ferry.engine.source.sqlserver.SqlServerDialect;
import java.util.List;

/** Picks the source dialect from a JDBC URL. */
public final class SourceDialects {
    private static final List<SourceDialect> ALL = List.of(new SqlServerDialect(), new PostgresDialect(), new H2Dialect());

    private SourceDialects() {
    }

    public static SourceDialect forUrl(String jdbcUrl) {
        return ALL.stream().filter(d -> d.accepts(jdbcUrl)).findFirst().orElseThrow(() -> new FerryException(
                ErrorCode.CONFIGURATION, "Unable to find a source dialect for URL '" + JdbcUrls.redact(jdbcUrl)
                + "': Ferry reads jdbc:sqlserver:, jdbc:postgresql: and jdbc:h2: sources"));
    }
}
