package org.medfund.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.common.Rejection;

/**
 * Citations as a clerk reads them (issue 13): code cites by pack id and article, staff see the document number and
 * the article, linked to the policy page of that article, whose summary is in our own words and whose parameters
 * are the pack's own.
 */
class CitationsTest {

    private final PolicyPacks packs = PolicyPacks.shipped(code -> code.startsWith("41")
            ? List.of(code, code.substring(0, 4) + "00", "410000") : List.of(code));
    private final Citations citations = new Citations(packs);

    @Test
    @DisplayName("xinyang-2025 art. 4 reads 信医保办〔2025〕7号 第四条; henan-2023 二(二) keeps its outline number")
    void clerkForm() {
        assertThat(citations.cite("xinyang-2025 art. 4")).get().satisfies(c -> {
            assertThat(c.text()).isEqualTo("信医保办〔2025〕7号 第四条");
            assertThat(c.href()).isEqualTo("/policy/xinyang-2025/articles/art.%204");
        });
        assertThat(citations.cite("xinyang-2025 art. 6(五)")).get().extracting(Citation::text)
                .isEqualTo("信医保办〔2025〕7号 第六条（五）");
        assertThat(citations.cite("xinyang-2025 art. 11")).get().extracting(Citation::text)
                .isEqualTo("信医保办〔2025〕7号 第十一条");
        assertThat(citations.cite("henan-2023 二(二)")).get().extracting(Citation::text)
                .isEqualTo("豫财社〔2023〕178号 二(二)");
        assertThat(citations.cite("henan-2023 v1")).get().satisfies(c -> {
            assertThat(c.text()).isEqualTo("豫财社〔2023〕178号");
            assertThat(c.wholeDocument()).isTrue();
        });
        assertThat(citations.cite("not a citation")).isEmpty();
        assertThat(Citations.numeral(20)).isEqualTo("二十");
        assertThat(Citations.numeral(21)).isEqualTo("二十一");
    }

    @Test
    @DisplayName("a derivation's citation (pack version, same pack's article) becomes one linked clerk citation")
    void textWithCitations() {
        String derived = "年终清算（xinyang-2025 v1, xinyang-2025 art. 6(五)）；月均 = 上年合计 ÷ 12";
        assertThat(citations.text(derived)).isEqualTo("年终清算（信医保办〔2025〕7号 第六条（五））；月均 = 上年合计 ÷ 12");
        List<Citations.Segment> segments = citations.segments(derived);
        assertThat(segments).extracting(Citations.Segment::text)
                .containsExactly("年终清算（", "信医保办〔2025〕7号 第六条（五）", "）；月均 = 上年合计 ÷ 12");
        assertThat(segments.get(1).citation().article()).isEqualTo("art. 6(五)");
        assertThat(citations.text("henan-2023 v1, henan-2023 三(一)（预拨后清算）"))
                .isEqualTo("豫财社〔2023〕178号 三(一)（预拨后清算）");
        assertThat(citations.text("guizhou-2017 附件一 三(二)1")).startsWith("黔").endsWith(" 附件一 三(二)1");
        assertThat(citations.text(null)).isNull();
        assertThat(citations.text("seed 002")).isEqualTo("seed 002");
    }

    @Test
    @DisplayName("the page of xinyang-2025 art. 6(五): its summary and the parameters citing it; art. 6 holds its items")
    void articlePage() {
        ArticlePage page = citations.article("xinyang-2025", "art. 6(五)");
        assertThat(page.pack().documentNo()).isEqualTo("信医保办〔2025〕7号");
        assertThat(page.summary()).contains("1 月底前");
        assertThat(page.parameters()).extracting(Parameter::name)
                .containsExactlyInAnyOrder("prepayment.clear-by", "prepayment.clearing",
                        "prepayment.uncleared-blocks-next-year");
        ArticlePage whole = citations.article("xinyang-2025", "art. 6");
        assertThat(whole.parameters()).extracting(Parameter::article).contains("xinyang-2025 art. 6(一)",
                "xinyang-2025 art. 6(五)");
        // art. 1 is not art. 10 or art. 11: items only, never a longer number.
        assertThat(citations.article("xinyang-2025", "art. 10").parameters())
                .allMatch(p -> p.article().startsWith("xinyang-2025 art. 10"));
        // An item without its own summary shows its article's.
        assertThat(citations.article("henan-2023", "二(一)2").summary())
                .isEqualTo(citations.article("henan-2023", "二(一)").summary());
        assertThatThrownBy(() -> citations.article("xinyang-2025", "art. 99")).isInstanceOf(Rejection.class);
        assertThatThrownBy(() -> citations.article("nowhere-2020", "art. 1")).isInstanceOf(Rejection.class);
    }

    @Test
    @DisplayName("parameter values in words: all-or-nothing, places, insurance types, deadline rules")
    void meanings() {
        PolicyPack xinyang = packs.pack("xinyang-2025").orElseThrow();
        assertThat(citations.meaning(xinyang.parameters().get("prepayment.clearing"))).isEqualTo("能全额冲抵的冲抵，否则全额交回");
        assertThat(citations.meaning(xinyang.parameters().get("prepayment.apply-by"))).isEqualTo("当月15日前");
        PolicyPack henan = packs.pack("henan-2023").orElseThrow();
        assertThat(citations.meaning(henan.parameters().get("prepayment.places"))).isEqualTo("本地、省内异地");
        assertThat(citations.meaning(henan.parameters().get("prepayment.insurance-types")))
                .isEqualTo("职工基本医疗保险、城乡居民基本医疗保险");
        assertThat(citations.deadline("day-of-month:5:shift+1m")).isEqualTo("次月5日前（遇节假日顺延）");
        assertThat(citations.deadline("nonsense")).isEqualTo("nonsense");
    }

    @Test
    @DisplayName("every shipped article summary belongs to a shipped pack and names a well-formed article")
    void shippedSummaries() {
        Map<String, Map<String, String>> all = Citations.loadSummaries(Citations.ARTICLES_PATTERN);
        assertThat(all).containsKeys("xinyang-2025", "henan-2023");
        all.forEach((id, articles) -> {
            assertThat(packs.pack(id)).as(id).isPresent();
            articles.keySet().forEach(a -> assertThat(citations.article(id, a).summary()).isNotBlank());
        });
        assertThatThrownBy(() -> Citations.parseSummaries("x.articles", "art. 4 no bar"))
                .hasMessageContaining("x.articles:1");
    }

    @Test
    @DisplayName("every guizhou-2017 article the code, the pack and the pages cite has a summary on its policy page")
    void guizhouArticlesCitedHaveSummaries() throws IOException {
        Set<String> cited = new TreeSet<>();
        List<Path> roots = List.of(Path.of("src/main/java"), Path.of("src/main/resources/templates"),
                Path.of("src/main/resources/policy/guizhou-2017.v1.pack"));
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    citations.segments(Files.readString(file, StandardCharsets.UTF_8)).stream()
                            .map(Citations.Segment::citation)
                            .filter(c -> c != null && c.packId().equals("guizhou-2017") && !c.wholeDocument())
                            .forEach(c -> cited.add(c.article()));
                }
            }
        }
        assertThat(cited).contains("五(三)", "附件二 一(一)3", "附件一 三(二)1", "一、二(一)");
        assertThat(cited).allSatisfy(a -> assertThat(citations.article("guizhou-2017", a).summary()).as(a)
                .isNotBlank());
    }
}
