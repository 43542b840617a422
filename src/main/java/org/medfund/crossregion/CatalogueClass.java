package org.medfund.crossregion;

import java.util.Arrays;
import java.util.Optional;

/**
 * The class of a fee in the treatment region's catalogue (就医地支付范围, guizhou-2017 四(二)), national field
 * {@code chrgitm_lv}: 甲类 covered in full, 乙类 covered after the 先行自付 share the catalogue sets, 丙类 not covered.
 */
public enum CatalogueClass {
    A("01", "甲类"),
    B("02", "乙类"),
    C("03", "丙类（自费）");

    private final String code;
    private final String label;

    CatalogueClass(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<CatalogueClass> ofCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }
}
