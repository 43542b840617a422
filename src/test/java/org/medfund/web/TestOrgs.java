package org.medfund.web;

/** Organisation codes the web tests use. */
public final class TestOrgs {

    public static final String AGENCY = "411500-AGENCY";

    private TestOrgs() {
    }
}
