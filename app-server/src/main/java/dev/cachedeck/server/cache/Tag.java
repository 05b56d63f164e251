package dev.cachedeck.server.cache;

import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Something a cached entry depends on. A write names the tags it changes; every entry in every
 * tier that recorded one of them goes away. Built only through these factories, so a reader and a
 * writer can never spell the same dependency two ways.
 */
public record Tag(String value) {
    /** A user's own fields: name, bio, skills, rate, location (shown on profiles, lists, job pages). */
    public static Tag user(long id) {
        return new Tag("user:" + id);
    }

    /** Counts and averages on a user's profile (reviews, jobs, payments). */
    public static Tag stats(long userId) {
        return new Tag("stats:" + userId);
    }

    public static Tag reviewsReceived(long userId) {
        return new Tag("reviews-received:" + userId);
    }

    public static Tag reviewsWritten(long userId) {
        return new Tag("reviews-written:" + userId);
    }

    public static Tag payments(long userId) {
        return new Tag("payments:" + userId);
    }

    public static Tag job(long jobId) {
        return new Tag("job:" + jobId);
    }

    /** The job of each id given, skipping nulls (a review or payment without a job). */
    public static Set<Tag> jobs(Collection<Long> jobIds) {
        Set<Tag> tags = new HashSet<>();
        jobIds.stream().filter(Objects::nonNull).forEach(id -> tags.add(job(id)));
        return tags;
    }

    public static Tag jobsOf(long clientId) {
        return new Tag("jobs-of:" + clientId);
    }

    @Override
    public String toString() {
        return value;
    }
}
