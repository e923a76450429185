package dev.aigw.recorder.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.NoNodeAvailableException;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.servererrors.ReadTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.UnavailableException;
import com.datastax.oss.driver.api.core.servererrors.WriteTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.WriteType;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** A cluster short of its quorum is a wait, not a dead letter: the sink holds the rows and retries. */
class WriteFailuresTest {
    @Test
    void shouldTreatAMissingQuorumAsTransient() {
        var unavailable = new UnavailableException(null, DefaultConsistencyLevel.LOCAL_QUORUM, 2, 1);
        var writeTimeout = new WriteTimeoutException(null, DefaultConsistencyLevel.LOCAL_QUORUM, 1, 2, WriteType.SIMPLE);
        var readTimeout = new ReadTimeoutException(null, DefaultConsistencyLevel.LOCAL_QUORUM, 1, 2, false);

        assertThat(WriteFailures.permanent(unavailable)).isFalse();
        assertThat(WriteFailures.permanent(new CompletionException(new WriteFailures.TableWriteException("prompts",
                writeTimeout)))).isFalse();
        assertThat(WriteFailures.permanent(readTimeout)).isFalse();
        assertThat(WriteFailures.permanent(NoNodeAvailableException.fromErrors(Map.of()))).isFalse();
    }

    @Test
    void shouldStillDeadLetterWhatCassandraRefusesAsInvalid() {
        assertThat(WriteFailures.permanent(new CompletionException(new InvalidQueryException(null, "key too large"))))
                .isTrue();
    }
}
