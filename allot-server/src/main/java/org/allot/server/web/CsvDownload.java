package org.allot.server.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * A CSV file written to the answer as it is made, one record a line with a header from the record's properties: a
 * download of any length is never held in memory. Text cells are defused by the caller ({@link ReportResources}).
 */
public final class CsvDownload implements AutoCloseable {
    private static final CsvMapper CSV = CsvMapper.builder().build();

    private final SequenceWriter writer;

    private CsvDownload(SequenceWriter writer) {
        this.writer = writer;
    }

    /** Starts the download of a file named {@code fileName} whose lines are {@code type}s. */
    public static CsvDownload start(HttpServletResponse response, String fileName, Class<?> type) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        CsvSchema schema = CSV.schemaFor(type).withHeader();
        return new CsvDownload(CSV.writer(schema).writeValues(response.getOutputStream()));
    }

    /** Writes one line; a client gone away is an {@link UncheckedIOException}. */
    public void write(Object line) {
        writer.write(line);
    }

    @Override
    public void close() {
        writer.close();
    }
}
