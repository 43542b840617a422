package org.medfund.notices.internal;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.logging.Level;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a notice template (well-formed XHTML under {@code notices/templates/}, Thymeleaf in XML mode so the output
 * stays XML that openhtmltopdf can parse, with SpEL expressions like the staff pages) to PDF with the shipped CJK font
 * embedded as a subset. The font is read once and kept in memory; each PDF embeds only the glyphs it uses, so a
 * one-page notice stays a few dozen KB and its text stays extractable (Type 0 font with a ToUnicode map).
 */
@Component
public class PdfRenderer {

    /** Noto Sans SC Regular subset, see {@code notices/fonts/README.txt}. */
    static final String FONT = "notices/fonts/NotoSansSC-Regular.subset.ttf";
    /** The family name the templates' CSS uses. */
    static final String FONT_FAMILY = "Noto Sans SC";
    /** A notice is a few pages; the cap keeps a runaway table from building a huge document in memory. */
    static final int HTML_CHARS_MAX = 5_000_000;

    private final SpringTemplateEngine templates = new SpringTemplateEngine();
    private final byte[] font;

    public PdfRenderer() {
        // openhtmltopdf logs every font load and layout pass to the console at INFO; only problems matter here.
        XRLog.listRegisteredLoggers().forEach(logger -> XRLog.setLevel(logger, Level.WARNING));
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("notices/templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.XML);
        resolver.setCharacterEncoding("UTF-8");
        templates.setTemplateResolver(resolver);
        try (InputStream in = PdfRenderer.class.getClassLoader().getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("notice font missing from the classpath: " + FONT);
            }
            font = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The template filled with the variables, as XHTML (also what the PDF is made from). */
    public String html(String template, Map<String, Object> variables) {
        String html = templates.process(template, new Context(java.util.Locale.SIMPLIFIED_CHINESE, variables));
        if (html.length() > HTML_CHARS_MAX) {
            throw new IllegalStateException("notice " + template + " of " + html.length() + " characters exceeds "
                    + HTML_CHARS_MAX);
        }
        return html;
    }

    public byte[] pdf(String template, Map<String, Object> variables) {
        String html = html(template, variables);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> new ByteArrayInputStream(font), FONT_FAMILY, 400, FontStyle.NORMAL, true);
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
