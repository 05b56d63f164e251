package dev.cachedeck.sample;

import java.util.List;

/** Word lists the generator draws from; changing one changes every dataset, so they are fixed here. */
final class Vocabulary {
    static final List<String> FIRST_NAMES = List.of(
            "Ada", "Amara", "Ben", "Carla", "Chen", "Dmitri", "Elena", "Farah", "Gabriel", "Hana", "Ibrahim", "Isla",
            "Jonas", "Kavya", "Liam", "Lucia", "Mateo", "Mei", "Nadia", "Noah", "Olu", "Priya", "Quinn", "Rafael",
            "Sana", "Sofia", "Tariq", "Uma", "Viktor", "Wen", "Yara", "Zoe", "Aiko", "Bruno", "Chloe", "Diego");
    static final List<String> LAST_NAMES = List.of(
            "Okafor", "Silva", "Nakamura", "Kowalski", "Haddad", "Novak", "Fischer", "Moreau", "Rossi", "Ivanova",
            "Garcia", "Chen", "Patel", "Mensah", "Larsen", "O'Brien", "Kim", "Dubois", "Santos", "Yilmaz", "Berg",
            "Costa", "Jensen", "Walker", "Nguyen", "Ali", "Schmidt", "Romero", "Tanaka", "Adeyemi");
    static final List<String> SKILLS = List.of(
            "Java", "Kotlin", "Python", "Go", "Rust", "TypeScript", "React", "Vue", "Angular", "Node.js", "Spring",
            "Django", "PostgreSQL", "MySQL", "Redis", "Kafka", "AWS", "GCP", "Azure", "Kubernetes", "Docker",
            "Terraform", "GraphQL", "REST APIs", "iOS", "Android", "Flutter", "UI Design", "UX Research", "Figma",
            "Copywriting", "SEO", "Data Analysis", "Machine Learning", "Excel", "Technical Writing", "Video Editing",
            "Illustration", "DevOps", "Security Audits");
    static final List<String> CITIES = List.of(
            "Lisbon", "Berlin", "Lagos", "Nairobi", "Bangalore", "Manila", "Buenos Aires", "Mexico City", "Toronto",
            "Austin", "Warsaw", "Kyiv", "Istanbul", "Cairo", "Ho Chi Minh City", "Jakarta", "Sao Paulo", "Bogota",
            "Cape Town", "Dublin", "Krakow", "Bucharest", "Tallinn", "Seoul", "Remote");
    static final List<String> BIO_OPENERS = List.of(
            "Freelance %s specialist with %d years of experience.",
            "I help startups ship faster with %s; %d years in the field.",
            "Senior %s consultant, %d years of client work.",
            "Detail-oriented %s developer with %d years behind me.");
    static final List<String> BIO_CLOSERS = List.of(
            "I communicate daily and deliver on time.", "Happy to jump on a call before we start.",
            "Long-term collaborations preferred.", "Available for quick fixes and bigger projects alike.",
            "Clean, tested, documented work.");
    static final List<String> JOB_TEMPLATES = List.of(
            "Build a %s integration for our billing system", "Fix performance issues in our %s backend",
            "%s expert needed for a three-month project", "Migrate our legacy app to %s",
            "Code review and mentoring in %s", "Design and implement a %s dashboard",
            "Set up CI/CD with %s", "Prototype a mobile feature using %s");
    static final List<String> JOB_DETAILS = List.of(
            "We are a small team with a tight deadline.", "Clear specs and a staging environment are ready.",
            "Please include links to similar work.", "Budget is negotiable for the right person.",
            "Weekly check-ins, async otherwise.");
    static final List<List<String>> REVIEW_TEXTS = List.of(
            List.of("Missed every deadline and stopped answering.", "Work was unusable; had to redo it."),
            List.of("Delivered late and needed many fixes.", "Communication was difficult."),
            List.of("Okay result, some back and forth needed.", "Average work, fair price."),
            List.of("Good work, would hire again.", "Solid delivery with minor revisions.", "Responsive and reliable."),
            List.of("Outstanding, exceeded expectations!", "Fast, precise, a pleasure to work with.",
                    "Top quality, clear communication, on time."));

    private Vocabulary() {
    }
}
