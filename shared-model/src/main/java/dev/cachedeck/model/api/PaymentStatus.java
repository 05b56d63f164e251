package dev.cachedeck.model.api;

public enum PaymentStatus {
    PENDING, COMPLETED, REFUNDED, FAILED
}
