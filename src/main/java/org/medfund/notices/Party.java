package org.medfund.notices;

/** An organisation as a notice names it: the name first, the code beside it. */
public record Party(String code, String name) {
}
