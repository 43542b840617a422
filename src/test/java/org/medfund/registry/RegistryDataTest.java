package org.medfund.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.common.Rejection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The reference data of the five seed regions is present in every fresh database, with its hierarchy intact. */
@DatabaseTest
class RegistryDataTest {

    @Autowired
    Registry registry;

    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("xinyang-2025: Xinyang 411500 is a city of Henan; its lineage runs up to the province")
    void xinyangLineage() {
        assertThat(registry.lineage("411500")).extracting(Region::code).containsExactly("411500", "410000");
        assertThat(registry.lineage("411528")).extracting(Region::code).containsExactly("411528", "411500", "410000");
        assertThat(registry.region("411500")).get().extracting(Region::name, Region::level)
                .containsExactly("信阳市", RegionLevel.CITY);
        assertThat(registry.lineage("999999")).isEmpty();
    }

    @Test
    @DisplayName("henan-2023/002: Pingdingshan and Xinyang with all their county-level units")
    void henanCounties() {
        assertThat(registry.descendants("410400")).extracting(Region::code).containsExactly(
                "410402", "410403", "410404", "410411", "410421", "410422", "410423", "410425", "410481", "410482");
        assertThat(registry.descendants("411500")).extracting(Region::name).containsExactly(
                "浉河区", "平桥区", "罗山县", "光山县", "新县", "商城县", "固始县", "潢川县", "淮滨县", "息县");
        assertThat(registry.descendants("410000")).hasSize(22);
    }

    @Test
    @DisplayName("guizhou-2017 annex 2: Guizhou has 9 cities/prefectures, its own pool (省本级) and 88 county-level units")
    void guizhou() {
        List<Region> below = registry.descendants("520000");
        assertThat(below).filteredOn(r -> r.level() == RegionLevel.CITY && !registry.isProvinceLevel(r.code()))
                .hasSize(9);
        // Annex 2 "各市、州（含省本级）": the province-level pool sits beside the cities.
        assertThat(below).filteredOn(r -> registry.isProvinceLevel(r.code())).extracting(Region::code, Region::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("529900", "贵州省本级"));
        assertThat(below).filteredOn(r -> r.level() == RegionLevel.COUNTY).hasSize(88);
        assertThat(registry.region("522700")).get().extracting(Region::name).isEqualTo("黔南布依族苗族自治州");
    }

    @Test
    @DisplayName("hainan-2020: Hainan includes 洋浦经济开发区 as a county-level unit under the province")
    void hainanYangpu() {
        assertThat(registry.descendants("460000")).extracting(Region::name).contains("洋浦经济开发区", "海口市",
                "三亚市", "儋州市", "琼海市", "琼中黎族苗族自治县");
        Region yangpu = registry.descendants("460000").stream().filter(r -> r.name().equals("洋浦经济开发区"))
                .findFirst().orElseThrow();
        assertThat(yangpu.level()).isEqualTo(RegionLevel.COUNTY);
        assertThat(registry.lineage(yangpu.code())).extracting(Region::code).containsExactly(yangpu.code(), "460000");
        assertThat(registry.agencyOf(yangpu.code())).isPresent();
    }

    @Test
    @DisplayName("handan-2020: Handan has 18 counties/districts plus 冀南新区 and 邯郸经济技术开发区")
    void handanZones() {
        assertThat(registry.descendants("130400")).hasSize(20)
                .extracting(Region::name).contains("邯郸冀南新区", "邯郸经济技术开发区", "武安市", "峰峰矿区");
        assertThat(registry.lineage("130473")).extracting(Region::code).containsExactly("130473", "130400", "130000");
        assertThat(registry.financeOf("130473")).get().extracting(Org::name).isEqualTo("邯郸冀南新区财政局");
    }

    @Test
    @DisplayName("every region below a province has an agency and a finance department; provinces a centre")
    void agenciesAndFinance() {
        for (String province : List.of("410000", "520000", "460000", "130000")) {
            assertThat(registry.orgs(province, OrgKind.SETTLEMENT_CENTRE)).as(province).hasSize(1);
            assertThat(registry.financeOf(province)).as(province).isPresent();
            for (Region region : registry.descendants(province)) {
                assertThat(registry.agencyOf(region.code())).as(region.code()).isPresent();
                assertThat(registry.financeOf(region.code())).as(region.code()).isPresent();
            }
        }
        assertThat(registry.agencyOf("411500")).get().extracting(Org::code, Org::kind)
                .containsExactly("411500-AGENCY", OrgKind.AGENCY);
        assertThat(registry.agencyOf("460000")).get().extracting(Org::code).isEqualTo("460000-CENTRE");
        assertThat(registry.orgs("460000", OrgKind.TAX)).hasSize(1);
        assertThat(registry.orgs("130400", OrgKind.TREASURY)).hasSize(1);
        assertThat(registry.orgs("130400", OrgKind.GOVERNMENT)).hasSize(1);
    }

    @Test
    @DisplayName("accounts: agency income/expenditure per fund; special accounts with 310/390 sub-accounts")
    void accounts() {
        assertThat(registry.accounts("411500-AGENCY")).extracting(Account::kind, Account::insuranceType)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(AccountKind.INCOME, "310"),
                        org.assertj.core.groups.Tuple.tuple(AccountKind.INCOME, "390"),
                        org.assertj.core.groups.Tuple.tuple(AccountKind.EXPENDITURE, "310"),
                        org.assertj.core.groups.Tuple.tuple(AccountKind.EXPENDITURE, "390"));
        assertThat(registry.accounts("460000-FINANCE")).extracting(Account::insuranceType)
                .containsExactlyInAnyOrder(null, "310", "390");
        // Seed 003 art. 6: cities and counties keep their own employee and resident special accounts (mainly to
        // remit the resident subsidies); districts (区) are not 市县 of the notice and keep none.
        assertThat(registry.accounts("460100-FINANCE")).as("hainan-2020 art. 6: 海口市")
                .extracting(Account::kind, Account::insuranceType).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(AccountKind.SPECIAL, "310"),
                        org.assertj.core.groups.Tuple.tuple(AccountKind.SPECIAL, "390"));
        for (String county : List.of("460200", "460300", "460400", "469001", "469030", "469100")) {
            assertThat(registry.accounts(county + "-FINANCE")).as("hainan-2020 art. 6: " + county).hasSize(2)
                    .allMatch(a -> a.kind() == AccountKind.SPECIAL && a.accountNo().startsWith("DEMO-"));
        }
        assertThat(registry.accounts("460105-FINANCE")).as("a district of 海口市").isEmpty();
        // Seed 001 附件1 一(三) publishes Guizhou's provincial special account: used as published, marked so.
        Account guizhou = registry.accounts("520000-FINANCE").stream().filter(a -> a.insuranceType() == null)
                .findFirst().orElseThrow();
        assertThat(guizhou.accountName()).isEqualTo("贵州省财政厅");
        assertThat(guizhou.accountNo()).isEqualTo("2402002129014452854-000000008");
        assertThat(guizhou.bankName()).isEqualTo("中国工商银行贵州省新支行");
        assertThat(guizhou.provenance()).contains("guizhou-2017 附件1 一(三)");
        assertThat(registry.accounts("520100-AGENCY")).allMatch(a -> a.accountNo().startsWith("DEMO-")
                && a.provenance() == null);
        assertThat(registry.accounts("130400-FINANCE")).extracting(Account::accountName)
                .anyMatch(name -> name.contains("待划转"));
        assertThat(registry.accounts("130427-FINANCE")).as("handan-2020: city-level special account").isEmpty();
        assertThat(registry.accounts("H41150200001")).singleElement().extracting(Account::kind).isEqualTo(AccountKind.BANK);
        assertThat(registry.accounts("H41150200001").get(0).accountNo()).startsWith("DEMO-");
    }

    @Test
    @DisplayName("demo hospitals: every grade in Pingdingshan and Xinyang, all designated and marked demo")
    void demoHospitals() {
        List<Org> pds = registry.descendants("410400").stream()
                .flatMap(r -> registry.hospitals(r.code()).stream()).toList();
        assertThat(pds).filteredOn(Org::demo).extracting(Org::grade).contains(1, 2, 3);
        // Demo hospitals only: other tests register grade-3 hospitals of their own in the shared database.
        assertThat(pds).filteredOn(o -> o.demo() && o.grade() != null && o.grade() == 3).allMatch(Org::cityManaged);
        Org xi = registry.requireOrg("H41152800001", "orgCode");
        assertThat(xi.name()).startsWith("（演示）");
        assertThat(xi.designated()).isTrue();
        assertThat(xi.code()).matches("H\\d{11}").startsWith("H" + xi.regionCode());
        for (String city : List.of("520000", "460000", "130400")) {
            assertThat(registry.descendants(city).stream().flatMap(r -> registry.hospitals(r.code()).stream()))
                    .as(city).isNotEmpty();
        }
    }

    @Test
    @DisplayName("insurance types are data: 310, 390 and 510")
    void insuranceTypes() {
        assertThat(registry.insuranceTypes()).extracting(InsuranceType::code).contains("310", "390", "510");
        assertThat(registry.insuranceType("390")).get().extracting(InsuranceType::name).isEqualTo("城乡居民基本医疗保险");
        assertThat(registry.insuranceType("999")).isEmpty();
    }

    @Test
    @DisplayName("unknown codes: lookups answer empty, require* rejects naming the field")
    void unknownCodes() {
        assertThat(registry.region("000000")).isEmpty();
        assertThat(registry.org("NOPE")).isEmpty();
        assertThatThrownBy(() -> registry.requireRegion("419999", "regionCode"))
                .isInstanceOfSatisfying(Rejection.class, r -> {
                    assertThat(r.field()).isEqualTo("regionCode");
                    assertThat(r.getMessage()).contains("未知统筹区编码 419999");
                });
    }

    @Test
    @DisplayName("the data version is recorded in the database")
    void dataVersionRecorded() {
        assertThat(jdbc.sql("select version from registry_data_version where data_set = 'registry'")
                .query(String.class).single()).matches("\\d{4}\\.\\d{2}\\.\\d{2}-\\d+");
    }
}
