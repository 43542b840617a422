package org.medfund.policy;

import java.util.List;

/**
 * What the policy page of one article shows: the document, the article in the clerk's form, a short summary in
 * our own words of what the article requires (the documents' own text stays out of the project) and the pack
 * parameters that implement it.
 *
 * @param summary from {@code policy/<id>.articles}; the nearest enclosing article's when this one has none
 * @param parameters the parameters of the newest pack version citing this article or one of its items
 */
public record ArticlePage(PolicyPack pack, Citation citation, String summary, List<Parameter> parameters) {

    public ArticlePage {
        parameters = List.copyOf(parameters);
    }
}
