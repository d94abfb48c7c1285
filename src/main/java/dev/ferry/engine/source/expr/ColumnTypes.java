package dev.ferry.engine.source.expr;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which of a table's source columns hold strings and which hold numbers: T-SQL's {@code +}
 * concatenates two strings, adds two numbers, and adds a string and a number (the number's type
 * outranks the string's), so its translation depends on its operands' types.
 *
 * @param character the character columns' source names, lower-cased with Locale.ROOT
 * @param numeric   the numeric columns' source names, lower-cased with Locale.ROOT
 */
public record ColumnTypes(Set<String> character, Set<String> numeric) {
    public static final ColumnTypes NONE = new ColumnTypes(Set.of(), Set.of());

    public ColumnTypes {
        character = lowerCase(character);
        numeric = lowerCase(numeric);
    }

    public boolean isCharacter(String column) {
        return character.contains(column.toLowerCase(Locale.ROOT));
    }

    public boolean isNumeric(String column) {
        return numeric.contains(column.toLowerCase(Locale.ROOT));
    }

    private static Set<String> lowerCase(Set<String> names) {
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
