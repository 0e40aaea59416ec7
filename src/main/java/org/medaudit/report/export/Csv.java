package org.medaudit.report.export;

import java.util.List;

/**
 * A CSV document as RFC 4180 writes it: a header row, then one row per record; fields separated by commas, lines
 * ended by CRLF, and a field quoted (its quotes doubled) when it holds a comma, a quote, a CR or an LF. Numbers are
 * written as Java writes them; an absent value is an empty field.
 */
public record Csv(List<String> header, List<List<Object>> rows) {

    public static final String MEDIA_TYPE = "text/csv; charset=utf-8; header=present";

    public String text() {
        StringBuilder out = new StringBuilder();
        line(out, header);
        for (List<Object> row : rows) {
            line(out, row);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<?> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        out.append("\r\n");
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\r') < 0 && text.indexOf('\n') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
