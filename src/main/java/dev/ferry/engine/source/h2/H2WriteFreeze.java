package dev.ferry.engine.source.h2;

import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.source.WriteFreeze;
import dev.ferry.engine.model.TableRef;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * H2 write freeze: a {@link H2FreezeTrigger} on every user table refuses writes from any session
 * but Ferry's own ({@code @FERRY_WRITER}); sessions holding uncommitted changes are ended before
 * and after the triggers go in (their writes roll back, as PostgreSQL's ended sessions' do), so
 * nothing written before the freeze commits after the last changes were applied. Unfreezing drops
 * the triggers.
 */
public final class H2WriteFreeze implements WriteFreeze {
    static final String OPEN_WRITERS = "SELECT SESSION_ID FROM INFORMATION_SCHEMA.SESSIONS WHERE CONTAINS_UNCOMMITTED "
            + "AND SESSION_ID <> SESSION_ID()";
    static final String USER_TABLES = "SELECT TABLE_SCHEMA, TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_TYPE = 'BASE TABLE' "
            + "AND TABLE_SCHEMA NOT IN ('INFORMATION_SCHEMA', 'FERRY_CDC')";

    @Override
    public void freeze(Connection c) {
        try (Statement st = c.createStatement()) {
            endOpenWriters(st);
            for (TableRef t : tables(st)) {
                String trigger = H2ChangeCapture.quote(t.schema()) + "." + H2ChangeCapture.quote("FERRY_FREEZE_" + t.name());
                st.execute("DROP TRIGGER IF EXISTS " + trigger);
                st.execute("CREATE TRIGGER " + trigger + " BEFORE INSERT, UPDATE, DELETE ON " + H2ChangeCapture.quote(t.schema())
                        + "." + H2ChangeCapture.quote(t.name()) + " FOR EACH ROW CALL '" + H2FreezeTrigger.class.getName() + "'");
            }
            endOpenWriters(st);
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CUTOVER, "Unable to freeze writes", e);
        }
    }

    @Override
    public void unfreeze(Connection c) {
        try (Statement st = c.createStatement()) {
            for (TableRef t : tables(st)) {
                st.execute("DROP TRIGGER IF EXISTS " + H2ChangeCapture.quote(t.schema()) + "."
                        + H2ChangeCapture.quote("FERRY_FREEZE_" + t.name()));
            }
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CUTOVER, "Unable to unfreeze writes", e);
        }
    }

    @Override
    public void allowWrites(Connection c) {
        try (Statement st = c.createStatement()) {
            st.execute("SET @FERRY_WRITER = TRUE");
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CUTOVER, "Unable to allow Ferry's session to write", e);
        }
    }

    private static List<TableRef> tables(Statement st) throws SQLException {
        List<TableRef> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(USER_TABLES)) {
            while (rs.next()) {
                out.add(new TableRef(rs.getString(1), rs.getString(2)));
            }
        }
        return out;
    }

    /**
     * Ends the sessions holding uncommitted changes. H2 refuses to abort a session while it runs
     * a trigger, so a refused session is tried again once its statement is done.
     */
    private static void endOpenWriters(Statement st) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            List<Long> sessions = new ArrayList<>();
            try (ResultSet rs = st.executeQuery(OPEN_WRITERS)) {
                while (rs.next()) {
                    sessions.add(rs.getLong(1));
                }
            }
            SQLException refused = null;
            for (long id : sessions) {
                try {
                    st.execute("CALL ABORT_SESSION(" + id + ")");
                } catch (SQLException e) {
                    refused = e;
                }
            }
            if (refused == null) {
                return;
            }
            if (attempt == 200) {
                throw refused;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw refused;
            }
        }
    }
}
