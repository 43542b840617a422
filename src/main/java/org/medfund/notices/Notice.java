package org.medfund.notices;

/**
 * A rendered notice: the PDF to print and sign, and the file name to save it under.
 *
 * @param fileName ASCII, e.g. {@code settlement-notice-H41150200001-2026-09.pdf}
 */
public record Notice(String fileName, byte[] pdf) {
}
