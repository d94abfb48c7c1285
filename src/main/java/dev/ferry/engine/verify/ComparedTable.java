package dev.ferry.engine.verify;

import dev.ferry.engine.config.ValuePolicy;
import dev.ferry.engine.model.Table;
import dev.ferry.engine.source.KeyText;
import dev.ferry.engine.source.SourceDialect;
import dev.ferry.engine.destination.DdlGenerator;
import dev.ferry.engine.convert.TargetColumn;
import dev.ferry.engine.convert.TargetTable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One table as the validation reads it on both sides: the copied columns (generated columns are
 * PostgreSQL's own and are not compared), a normalizing reader per column and side, and the key.
 */
final class ComparedTable {
    final Table source;
    final TargetTable target;
    final List<String> sourceColumns = new ArrayList<>();
    final List<String> targetColumns = new ArrayList<>();
    private final List<String> targetTypes = new ArrayList<>();
    final List<ValueNormalizer.Reader> sourceReaders = new ArrayList<>();
    final List<ValueNormalizer.Reader> targetReaders = new ArrayList<>();
    final List<Integer> keyIndexes = new ArrayList<>();
    final String sourceSelect;
    final String targetSelect;
    final String sourceFrom;
    final String targetFrom;
    private final SourceDialect dialect;

    ComparedTable(SourceDialect dialect, Table source, TargetTable target, ValuePolicy policy) {
        this.dialect = dialect;
        this.source = source;
        this.target = target;
        List<String> selects = new ArrayList<>();
        for (TargetColumn c : target.columns()) {
            if (c.isGenerated()) {
                continue;
            }
            sourceColumns.add(c.sourceName());
            targetColumns.add(c.name());
            targetTypes.add(dev.ferry.engine.destination.PostgresTypeNames.canonical(c.type()));
            selects.add(dialect.selectExpression(source.column(c.sourceName()).orElseThrow()));
            sourceReaders.add(ValueNormalizer.forType(c.type(), policy, dialect.streamsLongValues()));
            targetReaders.add(ValueNormalizer.forType(c.type(), null));
        }
        for (String k : source.copyKey()) {
            keyIndexes.add(sourceColumns.indexOf(k));
        }
        this.sourceSelect = String.join(", ", selects);
        this.targetSelect = targetColumns.stream().map(DdlGenerator::q).collect(Collectors.joining(", "));
        this.sourceFrom = dialect.qualified(source.ref());
        this.targetFrom = DdlGenerator.q(target.schema()) + "." + DdlGenerator.q(target.name());
    }

    /** The target query for the longest value, in bytes, of the columns that can hold long values; null when none can. */
    String longestValueSql() {
        return dev.ferry.engine.destination.LongestValue.sql(target.columns(),
                c -> dev.ferry.engine.destination.LongestValue.octetLength(DdlGenerator.q(c.name()), c), targetFrom);
    }

    boolean keyed() {
        return !keyIndexes.isEmpty();
    }

    /** The rows of {@code keys} keys on the source, with {@code ?} per key column of each, typed as the column. */
    String sourceByKeys(int keys) {
        return "SELECT " + sourceSelect + " FROM " + sourceFrom + " WHERE " + KeyText.matchAny(keyIndexes.stream()
                .map(i -> dialect.quote(sourceColumns.get(i))).toList(), keyIndexes.stream()
                .map(i -> dialect.keyParameter(source.column(sourceColumns.get(i)).orElseThrow(), "?")).toList(), keys);
    }

    /** Binds the keys of a by-key query. */
    @FunctionalInterface
    interface KeyBinding {
        void bind(java.sql.PreparedStatement ps) throws java.sql.SQLException;
    }

    /** Binds key text (captured, in PostgreSQL's input form) to {@link #sourceByKeys}, each value as its source column. */
    void bindSourceKeys(java.sql.PreparedStatement ps, List<List<String>> keys) throws java.sql.SQLException {
        KeyText.bind(ps, dialect, keyIndexes.stream().map(i -> source.column(sourceColumns.get(i)).orElseThrow()).toList(), keys);
    }

    /**
     * A key as validation normalized it, back as key text in PostgreSQL's input form: the normalized
     * key joins its values with U+001F, and gives bytes as bare hex where PostgreSQL reads {@code \x} hex.
     */
    List<String> keyText(String normalizedKey) {
        String[] parts = normalizedKey.split("\u001F", -1);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            out.add(targetTypes.get(keyIndexes.get(i)).equals("bytea") ? "\\x" + parts[i] : parts[i]);
        }
        return out;
    }

    String targetByKeys(int keys) {
        return "SELECT " + targetSelect + " FROM " + targetFrom + " WHERE " + KeyText.matchAny(keyIndexes.stream()
                .map(i -> DdlGenerator.q(targetColumns.get(i))).toList(), keys);
    }

    String name() {
        return source.ref().toString();
    }
}
