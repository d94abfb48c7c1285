package dev.ferry.engine.destination;

import dev.ferry.engine.config.FreezeConfig;
import dev.ferry.engine.model.DatabaseSchema;
import dev.ferry.engine.source.ChangeCapture;
import dev.ferry.engine.source.WriteFreeze;
import dev.ferry.engine.source.postgres.PostgresChangeCapture;
import dev.ferry.engine.source.postgres.PostgresDialect;
import dev.ferry.engine.source.postgres.PostgresWriteFreeze;
import java.sql.Connection;

/**
 * PostgreSQL as the target, asked in one place: reading the target back, capturing the writes the
 * application makes on it during a cutover's window (to bring them back on a rollback), and fencing
 * it after a rollback. The engine asks this class about the target and never checks which dialect
 * the source is. (A PostgreSQL source uses the same capture and fence, from its dialect.)
 */
public final class PostgresTarget {
    private PostgresTarget() {
    }

    /** The target's schema as PostgreSQL reports it now. */
    public static DatabaseSchema readBack(Connection target) {
        return new PostgresDialect().introspect(target);
    }

    /** Capture of the application's writes on the target (triggers logging changed keys). */
    public static ChangeCapture writeCapture() {
        return new PostgresChangeCapture();
    }

    /** Makes a session of Ferry's on the target writable, fenced or not (the fence keeps a read-only default). */
    public static Connection writable(Connection target) throws java.sql.SQLException {
        try (java.sql.Statement st = target.createStatement()) {
            st.execute(PostgresWriteFreeze.ALLOW_WRITES);
        }
        return target;
    }

    /** The fence that keeps the application off the target after a rollback, on the configured roles. */
    public static WriteFreeze fence(FreezeConfig config) {
        return new PostgresWriteFreeze(config.postgresRoles());
    }

    /**
     * The tables of {@code schema} whose primary key is not on the target yet: keys are built after
     * the load, so until a migration's post-data ran the sync's upserts have no key to meet.
     */
    public static java.util.List<dev.ferry.engine.model.TableRef> missingPrimaryKeys(Connection target,
            dev.ferry.engine.convert.TargetSchema schema) throws java.sql.SQLException {
        java.util.List<dev.ferry.engine.model.TableRef> missing = new java.util.ArrayList<>();
        try (java.sql.PreparedStatement ps = target.prepareStatement(DdlGenerator.HAS_PRIMARY_KEY)) {
            for (dev.ferry.engine.convert.TargetTable t : schema.tables()) {
                if (t.primaryKey() == null) {
                    continue;
                }
                ps.setString(1, DdlGenerator.table(t));
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        missing.add(t.ref());
                    }
                }
            }
        }
        return missing;
    }
}
