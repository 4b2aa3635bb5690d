package org.allot.cli.bulk;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.allot.cli.output.Printer;
import org.allot.cli.output.Table;
import org.allot.cli.process.Failure;

/**
 * The results CSV of an import, written as rows are done: emptied when the import starts (so a results file never
 * tells of an earlier run), each row appended and flushed as soon as its outcome is known (so an interrupted import
 * leaves what it did), and rewritten in the order of the input file once the import ends.
 */
final class ResultsFile implements AutoCloseable {
    private final Path path;
    private final List<String> keyColumns;
    private Writer out;

    private ResultsFile(Path path, List<String> keyColumns, Writer out) {
        this.path = path;
        this.keyColumns = keyColumns;
        this.out = out;
    }

    /** Starts the file anew, with its header only. */
    static ResultsFile start(Path path, List<String> keyColumns) {
        try {
            ResultsFile file = new ResultsFile(path, keyColumns, Files.newBufferedWriter(path, StandardCharsets.UTF_8));
            file.out.write(Printer.csv(file.table()));
            file.out.flush();
            return file;
        } catch (IOException e) {
            throw notWritten(path, e);
        }
    }

    Path path() {
        return path;
    }

    /** Appends rows, flushed at once. */
    synchronized void append(List<ImportRun.Result> results) {
        if (out == null || results.isEmpty()) {
            return;
        }
        Table table = table();
        results.forEach(r -> table.add(row(r)));
        String csv = Printer.csv(table);
        try {
            out.write(csv.substring(csv.indexOf('\n') + 1));
            out.flush();
        } catch (IOException e) {
            throw notWritten(path, e);
        }
    }

    /** Writes every row again, in the order given, in place of what was appended; nothing is appended after. */
    synchronized void complete(List<ImportRun.Result> results) {
        close();
        Table table = table();
        results.forEach(r -> table.add(row(r)));
        try {
            Path temporary = Files.createTempFile(path.toAbsolutePath().getParent(), ".results", ".tmp");
            Files.writeString(temporary, Printer.csv(table), StandardCharsets.UTF_8);
            try {
                Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw notWritten(path, e);
        }
    }

    @Override
    public synchronized void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                // what could be written was flushed row by row
            }
            out = null;
        }
    }

    private Table table() {
        List<String> columns = new ArrayList<>(List.of("line"));
        columns.addAll(keyColumns);
        columns.addAll(List.of("outcome", "detail"));
        return Table.of(columns.toArray(String[]::new));
    }

    private Object[] row(ImportRun.Result r) {
        List<Object> row = new ArrayList<>();
        row.add(r.step().line());
        for (int i = 0; i < keyColumns.size(); i++) {
            row.add(i < r.step().key().size() ? r.step().key().get(i) : "");
        }
        row.add(r.outcome());
        row.add(r.detail());
        return row.toArray();
    }

    private static Failure notWritten(Path path, IOException e) {
        return Failure.failed("ResultsNotWritten", "Cannot write the results to " + path + ": " + e.getMessage());
    }
}
