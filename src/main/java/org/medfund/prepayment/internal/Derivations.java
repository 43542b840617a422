package org.medfund.prepayment.internal;

import java.util.ArrayList;
import java.util.List;
import org.medfund.common.Derivation;

/** How a derivation's inputs are stored: one per line as "name\tvalue" (names and values never contain tabs). */
final class Derivations {

    private Derivations() {
    }

    static String inputsText(Derivation derivation) {
        StringBuilder text = new StringBuilder();
        for (Derivation.Input input : derivation.inputs()) {
            text.append(input.name().replace('\t', ' ')).append('\t').append(input.value().replace('\t', ' '))
                    .append('\n');
        }
        return text.toString();
    }

    static List<Derivation.Input> inputs(String text) {
        List<Derivation.Input> inputs = new ArrayList<>();
        for (String line : text.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                inputs.add(new Derivation.Input(line.substring(0, tab), line.substring(tab + 1)));
            }
        }
        return inputs;
    }
}
