package org.allot.core.assignment;

/**
 * How licensing splits its work.
 *
 * @param inlineLimit a group change concerning at most this many users is applied within the request; larger ones
 *     run as background jobs
 * @param chunkSize how many users a background job processes per unit of work
 * @param fillLimit how many waiting users one unit of work serves before handing the rest to a background job
 */
public record LicensingSettings(int inlineLimit, int chunkSize, int fillLimit) {
    public static final LicensingSettings DEFAULT = new LicensingSettings(200, 2000, 2000);

    public LicensingSettings {
        if (inlineLimit < 0 || chunkSize < 1 || fillLimit < 1) {
            throw new IllegalArgumentException("inlineLimit >= 0, chunkSize >= 1 and fillLimit >= 1 are required");
        }
    }
}
