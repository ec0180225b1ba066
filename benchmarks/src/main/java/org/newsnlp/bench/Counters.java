package org.newsnlp.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Per-thread JMH state: which article comes next, and the {@code tokens} counter that JMH reports beside the
 * primary score as tokens per second.
 *
 * <p>One instance per benchmark thread, so it needs no synchronisation.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class Counters {

    /** Tokens processed in this iteration; reported per second. */
    public long tokens;

    /** Index of the next article; advanced by {@link Inputs#next(Counters)}. */
    int cursor;

    /** Resets the counter at each iteration. */
    @Setup(Level.Iteration)
    public void reset() {
        tokens = 0;
    }
}
