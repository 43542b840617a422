package org.medfund.crossregion;

import java.util.Arrays;
import java.util.Optional;

/**
 * The national major-category fee list (全国统一的大类费用清单, guizhou-2017 三(二)): the national platform's dictionary
 * 医疗收费项目类别 {@code med_chrgitm_type}, codes 01–14, as hospital interfaces send them (see docs/crossregion.md).
 */
public enum FeeCategory {
    BED("01", "床位费"),
    CONSULTATION("02", "诊察费"),
    EXAMINATION("03", "检查费"),
    LABORATORY("04", "化验费"),
    TREATMENT("05", "治疗费"),
    SURGERY("06", "手术费"),
    NURSING("07", "护理费"),
    MATERIALS("08", "卫生材料费"),
    WESTERN_MEDICINE("09", "西药费"),
    HERBAL_PIECES("10", "中药饮片费"),
    PATENT_MEDICINE("11", "中成药费"),
    GENERAL_CLINIC("12", "一般诊疗费"),
    REGISTRATION("13", "挂号费"),
    OTHER("14", "其他费");

    private final String code;
    private final String label;

    FeeCategory(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<FeeCategory> ofCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }
}
