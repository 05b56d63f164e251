package dev.cachedeck.server.job;

import dev.cachedeck.model.api.JobDraft;
import dev.cachedeck.model.api.JobStatus;
import dev.cachedeck.model.api.Problem.FieldError;
import dev.cachedeck.server.auth.Authenticator;
import dev.cachedeck.server.http.ApiProblem;
import dev.cachedeck.server.http.RequestReader;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** {@code /api/jobs/...} and {@code GET /api/clientjobs/{userId}}. */
public final class JobRoutes implements HttpService {
    private final JobService jobs;
    private final RequestReader reader;
    private final Authenticator authenticator;

    public JobRoutes(JobService jobs, RequestReader reader, Authenticator authenticator) {
        this.jobs = jobs;
        this.reader = reader;
        this.authenticator = authenticator;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/jobs/{jobId}", (req, res) -> res.send(jobs.job(reader.id(req, "jobId"))))
                .get("/clientjobs/{userId}", (req, res) ->
                        res.send(jobs.clientJobs(reader.id(req, "userId"), status(req), reader.page(req))))
                .post("/jobs", (req, res) -> {
                    var principal = authenticator.require(req);
                    var created = jobs.create(principal, reader.body(req, JobDraft.class));
                    res.status(Status.CREATED_201)
                            .header(HeaderNames.LOCATION, "/api/jobs/" + created.id())
                            .send(created);
                })
                .put("/jobs/{jobId}", (req, res) -> {
                    var principal = authenticator.require(req);
                    long jobId = reader.id(req, "jobId");
                    res.send(jobs.update(principal, jobId, reader.body(req, JobDraft.class)));
                })
                .delete("/jobs/{jobId}", (req, res) -> {
                    var principal = authenticator.require(req);
                    jobs.delete(principal, reader.id(req, "jobId"));
                    res.status(Status.NO_CONTENT_204).send();
                });
    }

    private JobStatus status(ServerRequest req) {
        return reader.query(req, "status").map(raw -> {
            try {
                return JobStatus.valueOf(raw.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalidFields(List.of(new FieldError("status",
                        "must be one of " + Arrays.toString(JobStatus.values()).toLowerCase(Locale.ROOT))));
            }
        }).orElse(null);
    }
}
