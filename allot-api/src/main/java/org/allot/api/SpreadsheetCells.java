package org.allot.api;

/**
 * Text written to CSV files that people open in a spreadsheet: a cell that begins like a formula ({@code =}, {@code
 * +}, {@code -}, {@code @}, tab or carriage return) would be run by Excel or LibreOffice ({@code =cmd|' /C calc'!A1}),
 * so it gets a leading apostrophe and is shown as text instead. The one rule for the admin center's audit export and
 * the CLI's {@code -o csv}. Numbers are not text: a negative number is written as it is.
 */
public final class SpreadsheetCells {
    private SpreadsheetCells() {}

    /** The value as a spreadsheet shows it and never runs it; null and empty stay as they are. */
    public static String defused(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value
                : value;
    }
}
