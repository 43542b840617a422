package org.medfund.common;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A clock that stands still at the instant a replayed job last set, for runs that must be reproducible to the
 * byte: the ledger hashes each entry's posting time, so a job replayed on the same input (a crash soak, a what-if
 * run) yields the same hash chains only when every timestamp comes from the job's own timeline, never from the
 * wall. Only a replay run installs it (property {@code medfund.replay-clock}); a server always runs on the system
 * clock.
 */
public final class ReplayClock extends Clock {

    private final ZoneId zone;
    private volatile Instant now;

    public ReplayClock(Instant start, ZoneId zone) {
        this.now = start;
        this.zone = zone;
    }

    /** Moves the clock to the job's next instant (typically the business date of the step it runs). */
    public void set(Instant instant) {
        now = instant;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same timeline seen in another zone: it follows every later {@link #set}. */
    @Override
    public Clock withZone(ZoneId other) {
        ReplayClock timeline = this;
        return new Clock() {
            @Override
            public Instant instant() {
                return timeline.instant();
            }

            @Override
            public ZoneId getZone() {
                return other;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return timeline.withZone(zone);
            }
        };
    }
}
