package org.allot.cli.context;

import java.io.PrintWriter;
import java.util.List;
import org.allot.cli.api.Api;
import org.allot.cli.api.ConfigFile;
import org.allot.cli.api.SavedToken;
import org.allot.cli.lookup.Directory;
import org.allot.cli.output.OutputFormat;
import org.allot.cli.output.Printer;
import org.allot.cli.process.Environment;

/**
 * What every command of one run shares: the environment, stdout and stderr, the output format, and the API client,
 * connected on first use with the credentials of the environment or the config file.
 */
public final class Context {
    private final Environment environment;
    private final PrintWriter out;
    private final PrintWriter err;
    private OutputFormat format = OutputFormat.TABLE;
    private List<String> fields = List.of();
    private Api api;
    private Directory directory;

    public Context(Environment environment, PrintWriter out, PrintWriter err) {
        this.environment = environment;
        this.out = out;
        this.err = err;
    }

    public Environment environment() {
        return environment;
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    public void format(OutputFormat format) {
        this.format = format;
    }

    /** Only these fields (columns, properties) in the output; none: all ({@code --fields}). */
    public void fields(List<String> fields) {
        this.fields = List.copyOf(fields);
    }

    /** The fields {@code --fields} names, in its order; none: all. */
    public List<String> fields() {
        return fields;
    }

    public Printer printer() {
        return new Printer(out, err, format, fields);
    }

    public synchronized Api api() {
        if (api == null) {
            api = new Api(ConfigFile.resolve(environment), new SavedToken(environment.configFile()));
        }
        return api;
    }

    public synchronized Directory directory() {
        if (directory == null) {
            directory = new Directory(api());
        }
        return directory;
    }

    /** Forgets what lookups learnt (products, group names), keeping the login: between the commands of a batch. */
    public synchronized void forgetLookups() {
        directory = null;
    }

    /** A line on stderr for the person running the command; stdout stays for results. */
    public void note(String message) {
        err.println(message);
        err.flush();
    }

    public void warn(String message) {
        note("warning: " + message);
    }
}
