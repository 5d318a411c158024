package org.geotrans.domain;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class RequiredDataTest {
    @Test
    void aMissingDatasetSkipsTheTestOnADevelopersMachine() {
        assertThrows(TestAbortedException.class, () -> RequiredData.require(false, "data X is missing", false));
    }

    @Test
    void aMissingDatasetFailsTheTestUnderCi() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> RequiredData.require(false, "data X is missing", true));
        assertTrue(e.getMessage().contains("data X is missing (CI=true"), e.getMessage());
    }

    @Test
    void presentDataChangesNothing() {
        RequiredData.require(true, "unused", true);
    }
}
