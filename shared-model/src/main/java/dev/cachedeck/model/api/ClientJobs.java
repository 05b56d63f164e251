package dev.cachedeck.model.api;

import java.util.List;

/** {@code GET /api/clientjobs/{id}}: jobs a client posted, newest first. */
public record ClientJobs(
        long clientId,
        String clientName,
        JobStatus status,
        PageInfo page,
        List<JobListItem> jobs) {
}
