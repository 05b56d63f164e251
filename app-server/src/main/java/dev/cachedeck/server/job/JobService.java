package dev.cachedeck.server.job;

import dev.cachedeck.model.api.ClientJobs;
import dev.cachedeck.model.api.ClientSummary;
import dev.cachedeck.model.api.Job;
import dev.cachedeck.model.api.JobDraft;
import dev.cachedeck.model.api.JobListItem;
import dev.cachedeck.model.api.JobStatus;
import dev.cachedeck.model.api.PageInfo;
import dev.cachedeck.server.auth.Principal;
import dev.cachedeck.server.catalog.CacheCatalog;
import dev.cachedeck.server.catalog.CachedReads;
import dev.cachedeck.server.catalog.WriteEvent;
import dev.cachedeck.server.http.ApiProblem;
import dev.cachedeck.server.http.FieldChecks;
import dev.cachedeck.server.http.PageRequest;
import dev.cachedeck.server.profile.ProfileService;
import dev.cachedeck.server.profile.User;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

/** Job details, a client's job list, and job writes. */
public final class JobService {
    private static final BigDecimal MAX_BUDGET = new BigDecimal("10000000.00");

    private final JobRepository jobs;
    private final ProfileService profiles;
    private final CacheCatalog caches;
    private final Clock clock;

    public JobService(JobRepository jobs, ProfileService profiles, CacheCatalog caches, Clock clock) {
        this.jobs = jobs;
        this.profiles = profiles;
        this.caches = caches;
        this.clock = clock;
    }

    public Job job(long id) {
        JobRecord job = requireJob(id);
        long clientId = job.clientId();
        ClientSummary client = caches.fetch(CachedReads.clientSummary(clientId),
                () -> jobs.clientSummary(clientId).orElse(null));
        if (client == null) {
            throw ApiProblem.notFound("user", clientId);
        }
        return new Job(job.id(), job.title(), job.description(), job.budget(), job.status(), job.skills(),
                job.createdAt(), job.updatedAt(), client);
    }

    /** The job from the model tier (a missing job is cached too), or 404. */
    public JobRecord requireJob(long id) {
        JobRecord job = caches.fetch(CachedReads.job(id, JobRecord.class), () -> jobs.findById(id).orElse(null));
        if (job == null) {
            throw ApiProblem.notFound("job", id);
        }
        return job;
    }

    public ClientJobs clientJobs(long clientId, JobStatus status, PageRequest page) {
        User client = profiles.requireUser(clientId);
        long total = caches.fetch(CachedReads.clientJobsCount(clientId, status),
                () -> jobs.countByClient(clientId, status));
        List<JobListItem> items = page.offset() < total
                ? caches.fetch(CachedReads.clientJobsPage(clientId, status, page),
                        () -> jobs.pageByClient(clientId, status, page))
                : List.of();
        return new ClientJobs(clientId, client.displayName(), status, new PageInfo(page.number(), page.size(), total), items);
    }

    public Job create(Principal principal, JobDraft draft) {
        new FieldChecks()
                .required("clientId", draft.clientId())
                .required("title", draft.title())
                .required("description", draft.description())
                .required("budget", draft.budget())
                .orThrow();
        checkContent(draft);
        principal.requireSelfOrAdmin(draft.clientId(), "post jobs as this client");
        profiles.requireUser(draft.clientId());
        long id = jobs.create(draft, clock.instant());
        caches.written(new WriteEvent.JobChanged(id, draft.clientId()));
        return job(id);
    }

    public Job update(Principal principal, long id, JobDraft change) {
        new FieldChecks()
                .check(change.clientId() == null, "clientId", "cannot be changed")
                .check(change.title() != null || change.description() != null || change.budget() != null
                        || change.status() != null || change.skills() != null,
                        "body", "name at least one of title, description, budget, status, skills")
                .orThrow();
        checkContent(change);
        JobRecord job = requireJob(id);
        principal.requireSelfOrAdmin(job.clientId(), "change this job");
        if (!jobs.update(id, change, clock.instant())) {
            throw ApiProblem.notFound("job", id);
        }
        caches.written(new WriteEvent.JobChanged(id, job.clientId()));
        return job(id);
    }

    public void delete(Principal principal, long id) {
        JobRecord job = requireJob(id);
        principal.requireSelfOrAdmin(job.clientId(), "delete this job");
        if (!jobs.delete(id)) {
            throw ApiProblem.notFound("job", id);
        }
        caches.written(new WriteEvent.JobChanged(id, job.clientId()));
    }

    private static void checkContent(JobDraft draft) {
        new FieldChecks()
                .positiveId("clientId", draft.clientId())
                .text("title", draft.title(), 200)
                .text("description", draft.description(), 4000)
                .money("budget", draft.budget(), BigDecimal.ZERO, MAX_BUDGET)
                .tags("skills", draft.skills(), 20, 40)
                .orThrow();
    }
}
