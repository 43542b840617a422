package org.medfund.prepayment;

import java.time.LocalDate;

/** A hospital's application for a year (xinyang-2025 art. 6(一)), with the county agency's decision. */
public record Application(String id, int year, String hospitalCode, String packId, LocalDate submittedOn,
                          LocalDate dueOn, ApplicationForm form, ApplicationStatus status, String refusals,
                          String submittedBy, String reviewedBy) {

    public boolean late() {
        return submittedOn.isAfter(dueOn);
    }
}
