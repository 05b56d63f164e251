package dev.cachedeck.model.api;

public enum JobStatus {
    OPEN, IN_PROGRESS, COMPLETED, CANCELLED
}
