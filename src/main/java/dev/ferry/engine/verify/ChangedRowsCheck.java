package dev.ferry.engine.verify;

import dev.ferry.engine.verify.ValidationReport.DifferenceKind;
import dev.ferry.engine.ErrorCode;
import dev.ferry.engine.FerryException;
import dev.ferry.engine.convert.TargetSchema;
import dev.ferry.engine.convert.TargetTable;
import dev.ferry.engine.config.ValuePolicy;
import dev.ferry.engine.model.TableRef;
import com.google.common.collect.Sets;
import dev.ferry.engine.source.KeyText;
import dev.ferry.engine.source.SourceDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The cutover's quick check of the rows the sync changed: those rows are read on both sides, in
 * batches, normalized and hashed exactly as validation does, and matched by normalized key, so a
 * row missing, extra or different on the target is named by table and key. Run with writes frozen,
 * between the last changes and the switch.
 */
public final class ChangedRowsCheck {
    private final SourceDialect dialect;
    private final TargetSchema schema;
    private final ValuePolicy policy;

    public ChangedRowsCheck(SourceDialect dialect, TargetSchema schema, ValuePolicy policy) {
        this.dialect = dialect;
        this.schema = schema;
        this.policy = policy;
    }

    /** Differences among the rows of {@code keys} (captured key text, per source table); empty when all are equal. */
    public List<String> differences(Map<TableRef, List<List<String>>> keys, Supplier<Connection> source, Supplier<Connection> target) {
        List<String> out = new ArrayList<>();
        for (TargetTable t : schema.tables()) {
            List<List<String>> tableKeys = keys.get(t.source());
            if (tableKeys == null || tableKeys.isEmpty()) {
                continue;
            }
            ComparedTable ct = new ComparedTable(dialect, schema.source().table(t.source()).orElseThrow(), t, policy);
            List<String> keyTypes = ct.source.copyKey().stream().map(k -> t.columns().stream()
                    .filter(c -> c.sourceName().equals(k)).findFirst().orElseThrow().type()).toList();
            for (List<List<String>> batch : KeyText.batches(tableKeys)) {
                Map<String, TableScan.Row> s = rows(source, ct.sourceByKeys(batch.size()), ct, ps -> ct.bindSourceKeys(ps, batch),
                        ct.sourceReaders);
                // the target holds temporal keys as the copy rounded them, not as PostgreSQL would read their text
                List<List<String>> targetKeys = dev.ferry.engine.destination.TemporalRounding.keyTexts(batch, keyTypes);
                Map<String, TableScan.Row> g = rows(target, ct.targetByKeys(batch.size()), ct,
                        ps -> KeyText.bind(ps, ps.getConnection(), targetKeys), ct.targetReaders);
                for (String k : new TreeSet<>(Sets.union(s.keySet(), g.keySet()))) {
                    TableScan.Row a = s.get(k);
                    TableScan.Row b = g.get(k);
                    DifferenceKind what = a == null ? DifferenceKind.EXTRA : b == null ? DifferenceKind.MISSING : a.sameAs(b) ? null : DifferenceKind.DIFFERENT;
                    if (what != null) {
                        out.add(t.source() + " " + what + " " + k.replace('\u001F', ','));
                    }
                }
            }
        }
        return out;
    }

    private static Map<String, TableScan.Row> rows(Supplier<Connection> side, String sql, ComparedTable ct,
                                                   ComparedTable.KeyBinding keys, List<ValueNormalizer.Reader> readers) {
        Map<String, TableScan.Row> out = new HashMap<>();
        try (Connection c = side.get(); PreparedStatement ps = c.prepareStatement(sql)) {
            keys.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    TableScan.Row row = TableScan.read(rs, readers);
                    out.put(TableScan.key(row.values(), ct.keyIndexes), row);
                }
            }
            return out;
        } catch (SQLException e) {
            throw FerryException.fromSql(ErrorCode.CUTOVER, "Unable to read changed rows of " + ct.source.ref(), e);
        }
    }
}
