package org.medfund.web;

/** Organisation codes the web tests use. */
final class TestOrgs {

    static final String AGENCY = "411500-AGENCY";

    private TestOrgs() {
    }
}
