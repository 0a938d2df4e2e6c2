package org.helpdesktriage.core.internal.output;

/**
 * Neutralises spreadsheet formulas in CSV output, as OWASP's "CSV Injection" page recommends: a
 * cell that begins with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return
 * would be run as a formula by Excel, LibreOffice or Google Sheets, so it is written with a
 * leading single quote ({@code '=1+1}), which spreadsheets show as text. A cell that is a plain
 * number ({@code -3}, {@code -0.25}) is left as it is: it cannot hold a formula.
 */
final class CsvCells {

    private CsvCells() {
    }

    /** Returns {@code cell}, prefixed with {@code '} when a spreadsheet would run it. */
    static String neutralize(String cell) {
        if (cell.isEmpty()) {
            return cell;
        }
        char c = cell.charAt(0);
        boolean risky = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
        return risky && !isPlainNumber(cell) ? "'" + cell : cell;
    }

    private static boolean isPlainNumber(String s) {
        int i = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
        boolean digits = false;
        boolean dot = false;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits = true;
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                return false;
            }
        }
        return digits;
    }
}
