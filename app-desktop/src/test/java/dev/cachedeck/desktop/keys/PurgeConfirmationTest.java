package dev.cachedeck.desktop.keys;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PurgeConfirmationTest {
    @Test
    void upToAThousandKeysOneClickIsEnough() {
        assertFalse(PurgeConfirmation.typingRequired(1000));
        assertTrue(PurgeConfirmation.accepts(1000, ""));
        assertTrue(PurgeConfirmation.accepts(1, null));
    }

    @Test
    void aboveAThousandTheCountOrTheWordPurgeMustBeTyped() {
        assertTrue(PurgeConfirmation.typingRequired(1001));
        assertFalse(PurgeConfirmation.accepts(1001, ""));
        assertFalse(PurgeConfirmation.accepts(1001, "1000"));
        assertFalse(PurgeConfirmation.accepts(1001, "1,001"));
        assertTrue(PurgeConfirmation.accepts(1001, " 1001 "));
        assertTrue(PurgeConfirmation.accepts(250_000, "PURGE"));
    }

    @Test
    void nothingToPurgeIsNeverConfirmed() {
        assertFalse(PurgeConfirmation.accepts(0, "purge"));
    }
}
