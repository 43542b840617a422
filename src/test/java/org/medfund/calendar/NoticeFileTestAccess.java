package org.medfund.calendar;

/** The test notice of {@link NoticeFileTest} for tests in other packages. */
public final class NoticeFileTestAccess {

    public static final String NOTICE_2027 = NoticeFileTest.NOTICE_2027;

    private NoticeFileTestAccess() {
    }
}
