package org.medfund.calendar;

import java.util.List;

/**
 * SPI through which the capabilities that store or show due dates take part in loading a year's holiday notice
 * (the calendar cannot know their tables). Implementations run inside the load's transaction.
 */
public interface DueDateRecompute {

    /**
     * Recomputes the capability's open due dates on or after 1 January of {@code year} with {@code after} (the
     * calendar with the new notice), stores the stored ones, and lists each date it looked at with its old value
     * (as stored, or as computed on {@code before} for dates computed when shown).
     */
    List<DueDateChange> recompute(int year, BusinessCalendar before, BusinessCalendar after);
}
