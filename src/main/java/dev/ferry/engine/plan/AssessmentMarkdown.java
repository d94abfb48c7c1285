package dev.ferry.engine.plan;

import dev.ferry.engine.model.Finding;
import dev.ferry.engine.plan.Assessment.ColumnEntry;
import dev.ferry.engine.plan.Assessment.Summary;
import dev.ferry.engine.plan.Assessment.TableEntry;
import java.util.List;

/** Renders an {@link Assessment} as Markdown for people. */
final class AssessmentMarkdown {
    private AssessmentMarkdown() {
    }

    static String render(Assessment a) {
        StringBuilder md = new StringBuilder("# Ferry assessment\n\n");
        md.append("Source: ").append(a.sourceProduct()).append(" `").append(a.source()).append("`\n\n");
        Summary s = a.summary();
        md.append("| object | converted |\n|---|---|\n")
                .append("| tables | ").append(s.tables()).append(" |\n")
                .append("| columns | ").append(s.columns()).append(" |\n")
                .append("| primary keys | ").append(s.primaryKeys().text()).append(" |\n")
                .append("| unique constraints | ").append(s.uniqueConstraints().text()).append(" |\n")
                .append("| indexes | ").append(s.indexes().text()).append(" |\n")
                .append("| foreign keys | ").append(s.foreignKeys().text()).append(" |\n")
                .append("| CHECK constraints | ").append(s.checks().text()).append(" |\n")
                .append("| views | ").append(s.views().text()).append(" |\n")
                .append("| sequences | ").append(s.sequences().text()).append(" |\n")
                .append("| warnings | ").append(s.warnings()).append(" |\n\n");
        findings(md, "Warnings", a.findings(), Finding.Severity.WARNING);
        findings(md, "Notes", a.findings(), Finding.Severity.INFO);
        section(md, "Renamed", a.renames());
        section(md, "Views", a.views());
        section(md, "Sequences", a.sequences());
        if (!a.notConverted().isEmpty()) {
            md.append("## Not converted\n\n");
            a.notConverted().forEach(o -> md.append("- ").append(o).append('\n'));
            md.append('\n');
        }
        md.append("## Tables\n");
        a.tables().forEach(t -> table(md, t));
        return md.toString();
    }

    private static void section(StringBuilder md, String title, List<String> items) {
        if (!items.isEmpty()) {
            md.append("## ").append(title).append("\n\n");
            items.forEach(i -> md.append("- ").append(cell(i)).append('\n'));
            md.append('\n');
        }
    }

    private static void findings(StringBuilder md, String title, List<Finding> all, Finding.Severity severity) {
        List<Finding> some = all.stream().filter(f -> f.severity() == severity).toList();
        if (some.isEmpty()) {
            return;
        }
        md.append("## ").append(title).append("\n\n");
        some.forEach(f -> md.append("- **").append(cell(f.object())).append("** (").append(f.category().name()
                .toLowerCase(java.util.Locale.ROOT)).append("): ").append(cell(f.message())).append('\n'));
        md.append('\n');
    }

    private static void table(StringBuilder md, TableEntry t) {
        md.append("\n### ").append(t.source()).append(" → ").append(t.target()).append("\n\n");
        md.append("Primary key: ").append(t.primaryKey() == null ? "**none**" : "`" + t.primaryKey() + "`").append("\n\n");
        md.append("| column | source type | PostgreSQL | null | default |\n|---|---|---|---|---|\n");
        for (ColumnEntry c : t.columns()) {
            String dflt = c.identity() != null ? "identity " + c.identity()
                    : c.generated() != null ? "generated: " + c.generated() : c.defaultValue() == null ? "" : c.defaultValue();
            md.append("| ").append(cell(c.target())).append(" | ").append(cell(c.sourceType())).append(" | ")
                    .append(cell(c.targetType())).append(" | ").append(c.nullable() ? "yes" : "no").append(" | ")
                    .append(cell(dflt)).append(" |\n");
        }
        list(md, "Unique constraints", t.uniqueConstraints());
        list(md, "Indexes", t.indexes());
        list(md, "Foreign keys", t.foreignKeys());
        list(md, "CHECKs", t.checks());
    }

    private static void list(StringBuilder md, String title, List<String> items) {
        if (!items.isEmpty()) {
            md.append('\n').append(title).append(":\n");
            items.forEach(i -> md.append("- `").append(i.replace("`", "'")).append("`\n"));
        }
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
