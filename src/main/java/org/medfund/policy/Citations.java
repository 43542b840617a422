package org.medfund.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.medfund.calendar.DeadlineRule;
import org.medfund.common.Rejection;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The one place that turns a pack-id citation ({@code xinyang-2025 art. 4}, {@code henan-2023 v1, henan-2023 二(二)})
 * into the clerk's form ({@code 信医保办〔2025〕7号 第四条}) and the link to the policy page of that article. Every page,
 * PDF, export and CLI table goes through it; templates call it as {@code @citations}. It also holds the article
 * summaries ({@code policy/<id>.articles}: {@code article | summary}, written in our own words) and says what a
 * parameter value means ({@code all-or-nothing} → 能全额冲抵则冲抵，否则全额交回).
 */
@Component("citations")
public final class Citations {

    static final String ARTICLES_PATTERN = "classpath*:policy/*.articles";
    /** A summary file longer than this is surely broken: the longest document has about 40 articles. */
    static final int ARTICLES_MAX = 200;

    private static final String NUMERAL = "[一二三四五六七八九十]+";
    /** {@code art. 6(五)}, {@code art. 12}, {@code 二(一)2}, {@code 一、二(一)}, {@code 附件一 三(二)1}, {@code 实施方案 二(四)3}. */
    private static final String ARTICLE = "art\\. ?\\d+(?:\\(" + NUMERAL + "\\))?\\d*"
            + "|(?:附件" + NUMERAL + " |实施方案 )?" + NUMERAL + "(?:、" + NUMERAL + ")?(?:\\(" + NUMERAL + "\\))?\\d*";
    private static final Pattern ARTICLE_NUMBER = Pattern.compile("art\\. ?(\\d+)(?:\\((" + NUMERAL + ")\\))?(\\d*)");

    private final PolicyPacks packs;
    private final Pattern citation;
    /** pack id → article → summary. */
    private final Map<String, Map<String, String>> summaries;

    @org.springframework.beans.factory.annotation.Autowired
    public Citations(PolicyPacks packs) {
        this(packs, loadSummaries(ARTICLES_PATTERN));
    }

    Citations(PolicyPacks packs, Map<String, Map<String, String>> summaries) {
        this.packs = packs;
        this.summaries = summaries;
        String ids = packs.packs().stream().map(PolicyPack::id).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).map(Pattern::quote)
                .collect(Collectors.joining("|"));
        // An id, an optional version, the same id again after a comma (Resolved.citation() writes both), an article.
        this.citation = Pattern.compile("\\b(" + ids + ")(?: v\\d+)?(?:, \\1)?(?: (" + ARTICLE + "))?(?![\\w-])");
    }

    /** A piece of text to show: plain ({@code citation} null) or a citation to link. */
    public record Segment(String text, Citation citation) {
    }

    /** One citation such as {@code xinyang-2025 art. 4}; empty when the text is not exactly one. */
    public Optional<Citation> cite(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = citation.matcher(text.strip());
        return m.matches() ? Optional.of(citation(m)) : Optional.empty();
    }

    /** Text with every pack-id citation in it cut out as a segment of its own (for pages, which link them). */
    public List<Segment> segments(String text) {
        List<Segment> segments = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return segments;
        }
        Matcher m = citation.matcher(text);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                segments.add(new Segment(text.substring(at, m.start()), null));
            }
            Citation c = citation(m);
            segments.add(new Segment(c.text(), c));
            at = m.end();
        }
        if (at < text.length()) {
            segments.add(new Segment(text.substring(at), null));
        }
        return segments;
    }

    /** Text with every pack-id citation in the clerk's form (for PDFs, exports and the CLI, which cannot link). */
    public String text(String text) {
        if (text == null) {
            return null;
        }
        return segments(text).stream().map(Segment::text).collect(Collectors.joining());
    }

    /** The policy page of one article of the newest version of a pack; unknown pack or article: 404. */
    public ArticlePage article(String packId, String article) {
        PolicyPack pack = packs.pack(packId).orElseThrow(() -> Rejection.notFound("policy.unknown-pack", "id",
                "未知的政策文件：" + packId));
        String key = article.strip();
        List<Parameter> parameters = pack.parameters().values().stream()
                .filter(p -> within(p.article(), packId + " " + key))
                .sorted(Comparator.comparing(Parameter::article).thenComparing(Parameter::name)).toList();
        String summary = summary(packId, key);
        if (summary == null && parameters.isEmpty()) {
            throw Rejection.notFound("policy.unknown-article", "article", "政策文件 " + pack.documentNo()
                    + " 中没有登记条款 " + clerkArticle(key));
        }
        return new ArticlePage(pack, citation(packId, key), summary, parameters);
    }

    /** The articles of a pack that have a summary, in file order. */
    public List<Citation> articles(String packId) {
        return summaries.getOrDefault(packId, Map.of()).keySet().stream().map(a -> citation(packId, a)).toList();
    }

    /** What a parameter value means, in words (the stored value stays on the page as a small code). */
    public String meaning(Parameter parameter) {
        String value = parameter.value();
        String word = VALUE_WORDS.get(value);
        if (word != null) {
            return word;
        }
        if (parameter.name().endsWith("-by") || parameter.name().endsWith("deadline")) {
            return deadline(parameter.deadline());
        }
        if (parameter.name().endsWith("insurance-types")) {
            return list(value, INSURANCE_TYPES);
        }
        if (parameter.name().endsWith("places")) {
            return list(value, PLACES);
        }
        if (parameter.name().endsWith("triggers")) {
            return List.of(value.split(",")).stream().map(s -> "（" + s.strip() + "）")
                    .collect(Collectors.joining("")) + "项";
        }
        return value;
    }

    /** A deadline rule's text ({@code day-of-month:5:shift+1m}) in words (次月5日前（遇节假日顺延））; bad text as is. */
    public String deadline(String ruleText) {
        if (ruleText == null || ruleText.isBlank()) {
            return ruleText;
        }
        try {
            return deadline(DeadlineRule.parse(ruleText));
        } catch (Rejection e) {
            return ruleText;
        }
    }

    private Citation citation(Matcher m) {
        return citation(m.group(1), m.group(2) == null ? "" : m.group(2));
    }

    private Citation citation(String packId, String article) {
        PolicyPack pack = packs.pack(packId).orElseThrow();
        if (article.isEmpty()) {
            return new Citation(packId, "", pack.documentNo(), "/policy/" + packId);
        }
        return new Citation(packId, article, pack.documentNo() + " " + clerkArticle(article),
                "/policy/" + packId + "/articles/" + URLEncoder.encode(article, StandardCharsets.UTF_8)
                        .replace("+", "%20"));
    }

    /** {@code art. 6(五)} → 第六条（五）; {@code art. 10} → 第十条; outline numbers ({@code 二(二)}) stay as written. */
    public static String clerkArticle(String article) {
        Matcher m = ARTICLE_NUMBER.matcher(article);
        if (!m.matches()) {
            return article;
        }
        String text = "第" + numeral(Integer.parseInt(m.group(1))) + "条";
        if (m.group(2) != null) {
            text += "（" + m.group(2) + "）";
        }
        return text + m.group(3);
    }

    /** 1..99 in Chinese numerals as articles are numbered: 四, 十, 十一, 二十, 二十一. */
    static String numeral(int n) {
        if (n < 1 || n > 99) {
            throw new IllegalStateException("article number out of range: " + n);
        }
        String digits = "一二三四五六七八九";
        int tens = n / 10;
        int units = n % 10;
        String text = tens == 0 ? "" : (tens == 1 ? "" : String.valueOf(digits.charAt(tens - 1))) + "十";
        return units == 0 ? text : text + digits.charAt(units - 1);
    }

    /** Whether a parameter's citation is the article or one of its items ({@code art. 6} holds {@code art. 6(五)}). */
    private static boolean within(String cited, String article) {
        if (cited.equals(article)) {
            return true;
        }
        if (!cited.startsWith(article)) {
            return false;
        }
        char next = cited.charAt(article.length());
        return next == '(' || (Character.isDigit(next) && !Character.isDigit(article.charAt(article.length() - 1)));
    }

    /** The article's own summary, else the enclosing article's ({@code art. 6(五)} → {@code art. 6}). */
    private String summary(String packId, String article) {
        Map<String, String> pack = summaries.getOrDefault(packId, Map.of());
        String key = article;
        while (!key.isEmpty()) {
            String summary = pack.get(key);
            if (summary != null) {
                return summary;
            }
            String shorter = key.replaceFirst("(\\(" + NUMERAL + "\\)|(?<=\\))\\d+)$", "");
            if (shorter.equals(key) || shorter.endsWith(" ") || shorter.endsWith(".")) {
                return null;
            }
            key = shorter;
        }
        return null;
    }

    private static String deadline(DeadlineRule rule) {
        String month = rule.monthOffset() == 0 ? "当月" : rule.monthOffset() == 1 ? "次月"
                : "第 " + rule.monthOffset() + " 个月后";
        String text;
        if (rule instanceof DeadlineRule.DayOfMonth d) {
            text = month + d.day() + "日前" + (d.shifted() ? "（遇节假日顺延）" : "");
        } else if (rule instanceof DeadlineRule.MonthEnd e) {
            text = month + "月底前" + (e.shifted() ? "（遇节假日顺延）" : "");
        } else if (rule instanceof DeadlineRule.QuarterMonthEnd q) {
            text = "季度第" + numeral(q.monthOfQuarter()) + "个月月底前" + (q.shifted() ? "（遇节假日顺延）" : "");
        } else if (rule instanceof DeadlineRule.WorkingDaysAfterMonthStart w) {
            text = month + "1日后 " + w.workingDays() + " 个工作日内";
        } else if (rule instanceof DeadlineRule.FirstWorkingDaysOfMonth f) {
            text = month + "前 " + f.workingDays() + " 个工作日内";
        } else if (rule instanceof DeadlineRule.FirstWorkingDaysOfQuarter f) {
            text = "季度前 " + f.workingDays() + " 个工作日内";
        } else {
            throw new IllegalStateException("unknown deadline rule " + rule);
        }
        return text;
    }

    private static String list(String value, Map<String, String> names) {
        return List.of(value.split(",")).stream().map(String::strip).map(v -> names.getOrDefault(v, v))
                .collect(Collectors.joining("、"));
    }

    /** The national insurance-type codes the packs name (DESIGN.md glossary). */
    private static final Map<String, String> INSURANCE_TYPES = Map.of("310", "职工基本医疗保险",
            "390", "城乡居民基本医疗保险");
    /** Places of settlement (claims.PlaceOfSettlement, whose labels these are; policy may not depend on claims). */
    private static final Map<String, String> PLACES = Map.of("LOCAL", "本地", "IN_PROVINCE", "省内异地",
            "CROSS_PROVINCE", "跨省异地");
    /** The words the packs use as values, in the sense of the rule that reads them (docs/policy-rules.md). */
    private static final Map<String, String> VALUE_WORDS = Map.ofEntries(
            Map.entry("true", "是"), Map.entry("false", "否"),
            Map.entry("all-or-nothing", "能全额冲抵的冲抵，否则全额交回"), Map.entry("partial", "允许部分冲抵"),
            Map.entry("months-with-data", "上年合计 ÷ 有结算数据的月数"), Map.entry("monthly", "按月"),
            Map.entry("quarterly", "按季"), Map.entry("dekad", "按旬"), Map.entry("year-end", "年终"),
            Map.entry("treatment-region", "就医地"), Map.entry("insured-region", "参保地"),
            Map.entry("province", "省级统收统支"), Map.entry("city", "市级"), Map.entry("city-county", "缺口市县政府"),
            Map.entry("city-and-county", "市级、县级分别结算"), Map.entry("city-finance", "市级财政"),
            Map.entry("next-year", "下一年度补齐"), Map.entry("offset-next-year", "抵扣下一年度资金"),
            Map.entry("last-year-cost*(1+growth)", "上年异地就医费用 ×（1 + 增长率）"),
            Map.entry("10-12", "10 月至 12 月"));

    static Map<String, Map<String, String>> loadSummaries(String pattern) {
        try {
            Map<String, Map<String, String>> all = new HashMap<>();
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
                String name = String.valueOf(resource.getFilename());
                String id = name.substring(0, name.length() - ".articles".length());
                all.put(id, parseSummaries(name, resource.getContentAsString(StandardCharsets.UTF_8)));
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read article summaries " + pattern, e);
        }
    }

    /** {@code article | summary} lines, # comments; a malformed shipped file is a bug and fails with its line. */
    static Map<String, String> parseSummaries(String source, String text) {
        Map<String, String> summaries = new java.util.LinkedHashMap<>();
        int lineNo = 0;
        for (String line : text.split("\\R")) {
            lineNo++;
            String content = line.strip();
            if (content.isEmpty() || content.startsWith("#")) {
                continue;
            }
            String[] parts = content.split("\\|", -1);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()
                    || !parts[0].strip().matches(ARTICLE)) {
                throw new IllegalStateException(source + ":" + lineNo + ": expected 'article | summary': " + content);
            }
            if (summaries.put(parts[0].strip(), parts[1].strip()) != null) {
                throw new IllegalStateException(source + ":" + lineNo + ": duplicate article " + parts[0].strip());
            }
            if (summaries.size() > ARTICLES_MAX) {
                throw new IllegalStateException(source + ":" + lineNo + ": more than " + ARTICLES_MAX + " articles");
            }
        }
        return summaries;
    }
}
