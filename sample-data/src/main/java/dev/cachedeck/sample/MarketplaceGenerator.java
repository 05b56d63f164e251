package dev.cachedeck.sample;

import dev.cachedeck.sample.Rows.JobRow;
import dev.cachedeck.sample.Rows.PaymentRow;
import dev.cachedeck.sample.Rows.ReviewRow;
import dev.cachedeck.sample.Rows.UserRow;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Generates a believable freelance marketplace, row by row, from a {@link DatasetSpec}. The same
 * spec always yields the same rows, except for the users' API tokens, which come from {@link UserTokens}
 * (random unless a test fixes them): every table draws from its own random stream derived from the
 * seed, so generating one table never shifts another.
 *
 * <p>Activity is skewed the way marketplaces are: who receives reviews, who writes them, which
 * clients post jobs and pay follows Zipf-like weights over a seeded shuffle of users, so a few
 * users are very busy and most are quiet.
 */
public final class MarketplaceGenerator {
    private static final double CLIENT_SHARE = 0.3;
    private static final double ZIPF_EXPONENT = 1.0;
    private static final Duration HISTORY = Duration.ofDays(3 * 365);
    private static final Duration RECENT = Duration.ofDays(90);

    private final DatasetSpec spec;
    private final UserTokens tokens;
    private final boolean[] isClient;
    private final long[] clientIds;
    private final long[] freelancerIds;
    private final long[] jobClients;
    private final List<List<Long>> jobsByUser;

    /** Users get random tokens ({@link UserTokens#random()}). */
    public MarketplaceGenerator(DatasetSpec spec) {
        this(spec, UserTokens.random());
    }

    public MarketplaceGenerator(DatasetSpec spec, UserTokens tokens) {
        this.spec = spec;
        this.tokens = tokens;
        SplittableRandom roles = stream("roles");
        int users = spec.users();
        isClient = new boolean[users + 1];
        List<Long> clients = new ArrayList<>();
        List<Long> freelancers = new ArrayList<>();
        for (int id = 1; id <= users; id++) {
            // The first user of every ten is a client so even tiny datasets have clients with jobs.
            isClient[id] = id % 10 == 1 || roles.nextDouble() < CLIENT_SHARE;
            (isClient[id] ? clients : freelancers).add((long) id);
        }
        clientIds = clients.stream().mapToLong(Long::longValue).toArray();
        freelancerIds = freelancers.stream().mapToLong(Long::longValue).toArray();

        ZipfPicker posters = new ZipfPicker(clientIds, ZIPF_EXPONENT, stream("job-popularity"));
        SplittableRandom picks = stream("job-clients");
        jobClients = new long[spec.jobs() + 1];
        jobsByUser = new ArrayList<>(users + 1);
        for (int i = 0; i <= users; i++) {
            jobsByUser.add(new ArrayList<>(0));
        }
        for (int job = 1; job <= spec.jobs(); job++) {
            jobClients[job] = posters.pick(picks);
            jobsByUser.get((int) jobClients[job]).add((long) job);
        }
    }

    public DatasetSpec spec() {
        return spec;
    }

    public void users(Consumer<UserRow> sink) {
        SplittableRandom random = stream("users");
        for (long id = 1; id <= spec.users(); id++) {
            String first = pick(random, Vocabulary.FIRST_NAMES);
            String last = pick(random, Vocabulary.LAST_NAMES);
            List<String> skills = skills(random, 1 + random.nextInt(6));
            int years = 1 + random.nextInt(15);
            String bio = String.format(pick(random, Vocabulary.BIO_OPENERS), skills.getFirst(), years)
                    + " " + pick(random, Vocabulary.BIO_CLOSERS);
            Instant memberSince = pastInstant(random, HISTORY.plusDays(365));
            Instant updatedAt = between(random, memberSince, spec.anchor());
            BigDecimal rate = money(15 + random.nextDouble() * random.nextDouble() * 185);
            sink.accept(new UserRow(id, first + " " + last,
                    (first + "." + last).toLowerCase().replace("'", "") + "." + id + "@example.test",
                    bio, String.join(",", skills), isClient[(int) id] ? null : rate,
                    pick(random, Vocabulary.CITIES), isClient[(int) id], memberSince, updatedAt, tokens.tokenFor(id)));
        }
    }

    public void jobs(Consumer<JobRow> sink) {
        SplittableRandom random = stream("jobs");
        for (long id = 1; id <= spec.jobs(); id++) {
            List<String> skills = skills(random, 1 + random.nextInt(4));
            String title = String.format(pick(random, Vocabulary.JOB_TEMPLATES), skills.getFirst());
            String description = title + ". " + pick(random, Vocabulary.JOB_DETAILS) + " "
                    + pick(random, Vocabulary.JOB_DETAILS) + " Skills: " + String.join(", ", skills) + ".";
            Instant created = pastInstant(random, HISTORY);
            double roll = random.nextDouble();
            String status = roll < 0.25 ? "OPEN" : roll < 0.45 ? "IN_PROGRESS" : roll < 0.92 ? "COMPLETED" : "CANCELLED";
            BigDecimal budget = money(50 + Math.pow(random.nextDouble(), 2) * 9_950);
            sink.accept(new JobRow(id, jobClients[(int) id], title, description, budget, status,
                    String.join(",", skills), created, between(random, created, spec.anchor())));
        }
    }

    public void reviews(Consumer<ReviewRow> sink) {
        ZipfPicker reviewed = new ZipfPicker(allUserIds(), ZIPF_EXPONENT, stream("reviewed-popularity"));
        ZipfPicker reviewers = new ZipfPicker(allUserIds(), ZIPF_EXPONENT, stream("reviewer-popularity"));
        SplittableRandom random = stream("reviews");
        for (long id = 1; id <= spec.reviews(); id++) {
            long to = reviewed.pick(random);
            long from = reviewers.pick(random);
            while (from == to) {
                from = 1 + random.nextInt(spec.users());
            }
            int rating = rating(random);
            Instant created = random.nextDouble() < 0.15 ? pastInstant(random, RECENT) : pastInstant(random, HISTORY);
            boolean old = created.isBefore(spec.anchor().minus(RECENT));
            boolean read = random.nextDouble() < (old ? 0.95 : 0.4);
            sink.accept(new ReviewRow(id, from, to, jobBetween(random, from, to), rating,
                    pick(random, Vocabulary.REVIEW_TEXTS.get(rating - 1)), read, created));
        }
    }

    public void payments(Consumer<PaymentRow> sink) {
        ZipfPicker payers = new ZipfPicker(clientIds, ZIPF_EXPONENT, stream("payer-popularity"));
        ZipfPicker payees = new ZipfPicker(freelancerIds, ZIPF_EXPONENT, stream("payee-popularity"));
        SplittableRandom random = stream("payments");
        for (long id = 1; id <= spec.payments(); id++) {
            long payer = payers.pick(random);
            long payee = payees.pick(random);
            List<Long> payerJobs = jobsByUser.get((int) payer);
            Long job = payerJobs.isEmpty() ? null : payerJobs.get(random.nextInt(payerJobs.size()));
            double currencyRoll = random.nextDouble();
            String currency = currencyRoll < 0.75 ? "USD" : currencyRoll < 0.9 ? "EUR" : "GBP";
            double statusRoll = random.nextDouble();
            String status = statusRoll < 0.88 ? "COMPLETED" : statusRoll < 0.95 ? "PENDING"
                    : statusRoll < 0.98 ? "REFUNDED" : "FAILED";
            BigDecimal amount = money(10 + Math.pow(random.nextDouble(), 3) * 4_990);
            sink.accept(new PaymentRow(id, payer, payee, job, amount, currency, status, pastInstant(random, HISTORY)));
        }
    }

    private Long jobBetween(SplittableRandom random, long from, long to) {
        List<Long> candidates = !jobsByUser.get((int) to).isEmpty() ? jobsByUser.get((int) to) : jobsByUser.get((int) from);
        if (candidates.isEmpty() || random.nextDouble() < 0.2) {
            return null;
        }
        return candidates.get(random.nextInt(candidates.size()));
    }

    private static int rating(SplittableRandom random) {
        double roll = random.nextDouble();
        return roll < 0.04 ? 1 : roll < 0.09 ? 2 : roll < 0.20 ? 3 : roll < 0.48 ? 4 : 5;
    }

    private long[] allUserIds() {
        long[] ids = new long[spec.users()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i + 1;
        }
        return ids;
    }

    private List<String> skills(SplittableRandom random, int count) {
        List<String> chosen = new ArrayList<>(count);
        while (chosen.size() < count) {
            String skill = pick(random, Vocabulary.SKILLS);
            if (!chosen.contains(skill)) {
                chosen.add(skill);
            }
        }
        return chosen;
    }

    private Instant pastInstant(SplittableRandom random, Duration window) {
        long seconds = (long) (random.nextDouble() * window.toSeconds());
        return spec.anchor().minusSeconds(seconds);
    }

    private static Instant between(SplittableRandom random, Instant from, Instant to) {
        long span = Math.max(0, to.getEpochSecond() - from.getEpochSecond());
        return from.plusSeconds((long) (random.nextDouble() * span));
    }

    private static BigDecimal money(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }

    private static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private SplittableRandom stream(String purpose) {
        return new SplittableRandom(spec.seed() * 0x9E3779B97F4A7C15L + purpose.hashCode());
    }
}
