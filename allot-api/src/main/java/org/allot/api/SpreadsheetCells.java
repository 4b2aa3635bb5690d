package org.allot.api;

/**
 * Text written to CSV files that people open in a spreadsheet: a cell that begins like a formula ({@code =}, {@code
 * +}, {@code -}, {@code @}, tab or carriage return) would be run by Excel or LibreOffice ({@code =cmd|' /C calc'!A1}),
 * so it gets a leading apostrophe and is shown as text instead. The one rule for the admin center's audit export and
 * the CLI's {@code -o csv}. Numbers are not text: a negative number is written as it is. A file written so can be read
 * back ({@link #restored}): the CLI's imports take off the apostrophe, so an export imported again changes nothing.
 */
public final class SpreadsheetCells {
    private SpreadsheetCells() {}

    /** The value as a spreadsheet shows it and never runs it; null and empty stay as they are. */
    public static String defused(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return runs(value.charAt(0)) ? "'" + value : value;
    }

    /** The value as it was before {@link #defused}: an apostrophe before a formula's first character is taken off. */
    public static String restored(String value) {
        return value != null && value.length() > 1 && value.charAt(0) == '\'' && runs(value.charAt(1))
                ? value.substring(1)
                : value;
    }

    private static boolean runs(char first) {
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
