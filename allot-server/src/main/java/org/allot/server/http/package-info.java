/**
 * What the API, the admin center and the security filters share about HTTP: request ids, trusted proxies and the
 * public URL, Graph's error bodies, and the answer to a database that does not answer. Depends on nothing else of the
 * server, so neither the web nor security runs back up to the other.
 */
package org.allot.server.http;
