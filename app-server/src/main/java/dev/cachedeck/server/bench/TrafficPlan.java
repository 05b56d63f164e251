package dev.cachedeck.server.bench;

import dev.cachedeck.model.ApiPaths;
import dev.cachedeck.model.bench.Population;
import dev.cachedeck.server.loadgen.LoadRequest;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The traffic of a scenario: reads over the six cached routes and writes that really change data
 * (a new review, a profile's display name, a new payment, a job's budget), users and jobs chosen by Zipf.
 * Which ids are popular is fixed by the scenario's seed; the draws come from a {@link Sequence} per
 * {@link Stream}, so every phase's measured window sends exactly the same requests in the same order
 * (the "phases run back to back on the same data and traffic"), while warm-ups and the calibration
 * probe draw their own sequences over the same popularity. Everything is sent with the admin token (the load target
 * adds it), which may read private payments and write as any user.
 */
final class TrafficPlan {
    /** What a sequence is for; each has its own draws, derived from the scenario seed. */
    enum Stream {
        /** The open-loop measured window: identical in every phase. */
        MEASURED,
        /** Uncounted traffic before a phase: same popularity, different draws, so it does not pre-play MEASURED. */
        WARMUP,
        /** The cache-off probe that chooses the rate when the scenario fixes none. */
        PROBE
    }

    /** Read routes and their relative weights: profiles and jobs are what a marketplace shows most. */
    private static final String[] READ_ROUTES = {"profile", "job", "reviews", "ratings", "clientjobs", "payments"};
    private static final int[] READ_WEIGHTS = {25, 25, 20, 10, 10, 10};
    private static final String[] WRITE_ROUTES = {"write-review", "write-profile", "write-payment", "write-job"};

    private final int writePercent;
    private final ZipfSampler users;
    private final ZipfSampler clients;
    private final ZipfSampler jobs;
    private final long seed;
    private final int readWeightTotal;

    TrafficPlan(Population population, int writePercent, double skew, long seed) {
        this.writePercent = writePercent;
        this.users = new ZipfSampler(population.userIds(), skew, seed);
        this.clients = new ZipfSampler(population.clientIds(), skew, seed + 1);
        this.jobs = new ZipfSampler(population.jobIds(), skew, seed + 2);
        this.seed = seed;
        int total = 0;
        for (int weight : READ_WEIGHTS) {
            total += weight;
        }
        this.readWeightTotal = total;
    }

    static String[] routeNames() {
        String[] names = new String[READ_ROUTES.length + WRITE_ROUTES.length];
        System.arraycopy(READ_ROUTES, 0, names, 0, READ_ROUTES.length);
        System.arraycopy(WRITE_ROUTES, 0, names, READ_ROUTES.length, WRITE_ROUTES.length);
        return names;
    }

    /** A fresh sequence of {@code stream}: two calls with the same stream yield the same requests in order. */
    Sequence sequence(Stream stream) {
        return sequence(stream, 0);
    }

    /**
     * Lane {@code lane} of {@code stream}: closed-loop workers each draw from their own lane, so they share no
     * lock, and lane 0 is {@link #sequence(Stream)}.
     */
    Sequence sequence(Stream stream, int lane) {
        // Golden-ratio spacing keeps the streams' SplittableRandom seeds far apart for neighbouring scenario seeds.
        long streamSeed = seed + 3 + stream.ordinal() * 0x9E3779B97F4A7C15L;
        return new Sequence(new SplittableRandom(streamSeed + lane * 0xBF58476D1CE4E5B9L));
    }

    /** One run of draws; not thread-safe (the open-loop generator draws on its one scheduling thread). */
    final class Sequence {
        private final SplittableRandom random;
        private long sequence;

        private Sequence(SplittableRandom random) {
            this.random = random;
        }

        PlannedRequest next() {
            sequence++;
            return random.nextInt(100) < writePercent ? nextWrite() : nextRead();
        }

        private PlannedRequest nextRead() {
            int pick = random.nextInt(readWeightTotal);
            int index = 0;
            while (pick >= READ_WEIGHTS[index]) {
                pick -= READ_WEIGHTS[index++];
            }
            String route = READ_ROUTES[index];
            String path = switch (route) {
                case "profile" -> ApiPaths.profile(users.next(random));
                case "job" -> ApiPaths.job(jobs.next(random));
                case "reviews" -> ApiPaths.reviewsReceived(users.next(random));
                case "ratings" -> ApiPaths.reviewsWritten(users.next(random));
                case "clientjobs" -> ApiPaths.clientJobs(clients.next(random));
                case "payments" -> ApiPaths.payments(users.next(random));
                default -> throw new IllegalStateException(route);
            };
            return new PlannedRequest(route, false, "GET " + path, LoadRequest.get(path));
        }

        private PlannedRequest nextWrite() {
            String route = WRITE_ROUTES[random.nextInt(WRITE_ROUTES.length)];
            return switch (route) {
                case "write-review" -> {
                    long[] pair = twoUsers();
                    yield post(route, ApiPaths.API + "/reviews", """
                            {"reviewerId":%d,"reviewedId":%d,"jobId":null,"rating":%d,"text":"bench review %d"}"""
                            .formatted(pair[0], pair[1], 1 + random.nextInt(5), sequence));
                }
                case "write-profile" -> put(route, ApiPaths.API + "/profiles/" + users.next(random),
                        """
                        {"displayName":"Bench User %d"}""".formatted(sequence));
                case "write-payment" -> {
                    long[] pair = twoUsers();
                    yield post(route, ApiPaths.API + "/payments", String.format(Locale.ROOT, """
                            {"payerId":%d,"payeeId":%d,"jobId":null,"amount":%d.%02d,"currency":"USD"}""",
                            pair[0], pair[1], 10 + random.nextInt(990), random.nextInt(100)));
                }
                case "write-job" -> put(route, ApiPaths.API + "/jobs/" + jobs.next(random), """
                        {"budget":%d.00}""".formatted(100 + random.nextInt(4900)));
                default -> throw new IllegalStateException(route);
            };
        }

        /** Two different users: reviews and payments between a user and themselves are refused. */
        private long[] twoUsers() {
            long first = users.next(random);
            long second = users.next(random);
            while (second == first) {
                second = users.next(random);
            }
            return new long[] {first, second};
        }
    }

    private static PlannedRequest post(String route, String path, String json) {
        return new PlannedRequest(route, true, "POST " + path + " " + json, LoadRequest.json("POST", path, json));
    }

    private static PlannedRequest put(String route, String path, String json) {
        return new PlannedRequest(route, true, "PUT " + path + " " + json, LoadRequest.json("PUT", path, json));
    }
}
