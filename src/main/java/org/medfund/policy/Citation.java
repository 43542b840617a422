package org.medfund.policy;

/**
 * A policy citation as a clerk reads it. Code, tests and derivations cite by pack id and article
 * ({@code xinyang-2025 art. 4}, {@code henan-2023 二(二)}); staff pages, PDFs and exports show the document number
 * and the article ({@code 信医保办〔2025〕7号 第四条}) and link to the policy page of that article.
 *
 * @param packId e.g. {@code xinyang-2025}
 * @param article the article as the pack cites it ({@code art. 6(五)}, {@code 二(二)}); empty for the whole document
 * @param text the clerk's form, e.g. {@code 信医保办〔2025〕7号 第六条（五）}
 * @param href the policy page of the article (or of the document when {@code article} is empty)
 */
public record Citation(String packId, String article, String text, String href) {

    public boolean wholeDocument() {
        return article.isEmpty();
    }
}
