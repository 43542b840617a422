package org.medfund.prepayment;

/** The reviewer's finding on one condition of xinyang-2025 art. 3, with the evidence seen. */
public record Finding(EligibilityCondition condition, boolean met, String evidence, String reviewerUserId) {
}
