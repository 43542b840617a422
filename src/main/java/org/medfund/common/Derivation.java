package org.medfund.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a computed amount came about, so a clerk can explain it to a hospital: the inputs, the formula in words, the
 * policy article it implements and the result. Stored as JSON next to the amount it explains.
 *
 * @param formula e.g. "1.5 × 上年统筹基金实际发生金额月均值"
 * @param citation the policy pack and article, e.g. "henan-2023 v1, henan-2023 二(二)"
 */
public record Derivation(String formula, List<Input> inputs, String citation, Money result) {

    public Derivation {
        inputs = List.copyOf(inputs);
    }

    /** One named input: an amount, or a plain value such as a factor or a month count. */
    public record Input(String name, String value) {

        public static Input money(String name, Money amount) {
            return new Input(name, amount.toYuanText());
        }
    }

    /** One line of text: "formula = result (citation); name = value; …". */
    public String explain() {
        StringBuilder text = new StringBuilder(formula).append(" = ").append(result.toYuanText())
                .append(" 元（").append(citation).append('）');
        for (Input input : inputs) {
            text.append("；").append(input.name()).append(" = ").append(input.value());
        }
        return text.toString();
    }

    /** "formula = result 元（citation）" at the head of {@link #explain()}; the formula may itself contain " = ". */
    private static final Pattern HEAD = Pattern.compile("(.+) = (-?[\\d,]+\\.\\d{2}) 元（(.*)）");

    /**
     * Reads back a text {@link #explain()} wrote (amounts that keep their derivation as one line of text, e.g. a
     * payment batch line), so a page can show formula, inputs and citation apart. Segments appended after the
     * inputs ("冲抵 = …") read as further inputs. Empty when the text is not of that form.
     */
    public static Optional<Derivation> parse(String explained) {
        if (explained == null) {
            return Optional.empty();
        }
        String[] parts = explained.split("；");
        Matcher head = HEAD.matcher(parts[0]);
        if (!head.matches()) {
            return Optional.empty();
        }
        List<Input> inputs = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            inputs.add(eq < 0 ? new Input(parts[i].strip(), "")
                    : new Input(parts[i].substring(0, eq).strip(), parts[i].substring(eq + 1).strip()));
        }
        Money result = Money.ofYuan(head.group(2).replace(",", ""));
        return Optional.of(new Derivation(head.group(1), inputs, head.group(3), result));
    }
}
