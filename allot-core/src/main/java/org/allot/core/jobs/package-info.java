/**
 * Background licensing: the durable queue of jobs ({@link org.allot.core.jobs.JobQueue}, a port) and the use case
 * that claims a job and carries it out a chunk at a time, each chunk in a unit of work of its own together with the
 * job's cursor ({@link org.allot.core.jobs.BackgroundLicensing}). The server's job runner is only the worker loop
 * around it.
 */
package org.allot.core.jobs;
