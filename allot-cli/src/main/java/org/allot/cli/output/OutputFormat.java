package org.allot.cli.output;

/** How results are printed: aligned columns for people, JSON or CSV for scripts. */
public enum OutputFormat {
    TABLE,
    JSON,
    CSV
}
