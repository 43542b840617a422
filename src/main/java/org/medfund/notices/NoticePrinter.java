package org.medfund.notices;

import java.util.Map;
import org.medfund.notices.internal.PdfRenderer;
import org.springframework.stereotype.Component;

/**
 * Prints a notice: one of the XHTML templates under {@code notices/templates/} filled with the variables the owning
 * capability assembled, laid out as a PDF with the shipped CJK font. The capabilities own what a notice says
 * (settlement its settlement notice and bank-file summary, prepayment its recovery notice and disclosure); this is
 * the shared writer below them, so it knows no capability's records.
 */
@Component
public class NoticePrinter {

    private final PdfRenderer renderer;

    NoticePrinter(PdfRenderer renderer) {
        this.renderer = renderer;
    }

    /** The template filled with the variables, as PDF to print and sign, saved under {@code fileName}. */
    public Notice print(String template, Map<String, Object> variables, String fileName) {
        return new Notice(fileName, renderer.pdf(template, variables));
    }

    /** The same as XHTML, what the PDF is made from (for checks and previews). */
    public String html(String template, Map<String, Object> variables) {
        return renderer.html(template, variables);
    }
}
